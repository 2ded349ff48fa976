import { useEffect } from 'react';

/** Sets the document title (what tabs, history and screen readers announce) and renders the page heading. */
export function PageTitle({ children, title }: { children: string; title?: string }) {
  useEffect(() => {
    document.title = `${title ?? children} — Troc`;
  }, [children, title]);
  return <h1>{children}</h1>;
}
