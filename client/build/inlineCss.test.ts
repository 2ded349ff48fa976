import { describe, expect, it } from 'vitest';
import { inlineStylesheets } from './inlineCss';

describe('inlineStylesheets', () => {
  const html = [
    '<head>',
    '<script type="module" crossorigin src="/assets/index-a1.js"></script>',
    '<link rel="stylesheet" crossorigin href="/assets/index-b2.css">',
    '</head>',
  ].join('\n');

  it('puts the built style sheet in the page in place of its link', () => {
    const inlined = inlineStylesheets(html, (file) => (file === 'assets/index-b2.css' ? 'body{margin:0}' : null));

    expect(inlined).toContain('<style>body{margin:0}</style>');
    expect(inlined).not.toContain('<link rel="stylesheet"');
    expect(inlined).toContain('<script type="module" crossorigin src="/assets/index-a1.js"></script>');
  });

  it('keeps the link of a sheet it does not know, or one that would close the style element early', () => {
    expect(inlineStylesheets(html, () => null)).toBe(html);
    expect(inlineStylesheets(html, () => 'a::after{content:"</style><script>"}')).toBe(html);
  });
});
