import { describe, expect, it } from 'vitest';
import { safeNext } from './LoginPage';

describe('safeNext', () => {
  it('keeps a path of this site', () => {
    expect(safeNext('/me/listings?x=1')).toBe('/me/listings?x=1');
  });

  it.each([null, '', 'https://evil.example/', '//evil.example/x', 'javascript:alert(1)'])('sends %s home', (next) => {
    expect(safeNext(next)).toBe('/');
  });
});
