import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { SessionProvider } from './auth/SessionProvider';
import './styles.css';

// Navigations render at once, not in a React transition (React Router's default). Pages keep their filters in the
// address (the search page's checkboxes and selects): a control whose value changes in a transition flips back to its
// old value until the transition commits, so a quick second click toggled from the stale value, and a busy machine
// showed the click as lost.
//
// The first render, though, is a transition: React then renders the whole page in slices with the main thread free in
// between, where a phone spent a few hundred milliseconds in one go. Nothing is on screen before it to go stale.
const root = createRoot(document.getElementById('root')!);
startTransition(() =>
  root.render(
    <StrictMode>
      <BrowserRouter useTransitions={false}>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </StrictMode>,
  ),
);
