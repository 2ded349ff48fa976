import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Tokens } from './session';

// A localStorage of one tab (the module reads it when loaded) and a refresh call that counts its uses.
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

function tokens(name: string, accessMinutes = 15): Tokens {
  return { accessToken: `access-${name}`, accessTokenExpiresAt: inMinutes(accessMinutes), refreshToken: `refresh-${name}`, refreshTokenExpiresAt: inMinutes(60 * 24) };
}

async function loadSession(stored?: Tokens) {
  vi.resetModules();
  const storage = memoryStorage();
  if (stored) storage.setItem('troc.session', JSON.stringify(stored));
  vi.stubGlobal('localStorage', storage);
  const { session } = await import('./session');
  return { session, storage };
}

describe('session', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('reads a stored session and says whether its access token needs refreshing', async () => {
    const fresh = await loadSession(tokens('a'));
    expect(fresh.session.signedIn).toBe(true);
    expect(fresh.session.accessTokenIsStale()).toBe(false);

    const expiring = await loadSession(tokens('b', 0.5));
    expect(expiring.session.accessTokenIsStale()).toBe(true);
  });

  it('ignores a corrupt stored value', async () => {
    vi.resetModules();
    const storage = memoryStorage();
    storage.setItem('troc.session', '{not json');
    vi.stubGlobal('localStorage', storage);
    const { session } = await import('./session');
    expect(session.tokens).toBeNull();
    expect(session.signedIn).toBe(false);
  });

  it('spends the refresh token once and stores the next pair', async () => {
    const { session, storage } = await loadSession(tokens('a', 0));
    const call = vi.fn(async (refreshToken: string) => (refreshToken === 'refresh-a' ? tokens('b') : null));

    expect(await session.refresh(call)).toBe(true);
    expect(call).toHaveBeenCalledTimes(1);
    expect(session.tokens?.accessToken).toBe('access-b');
    expect(JSON.parse(storage.getItem('troc.session')!).refreshToken).toBe('refresh-b');
  });

  it('takes the tokens another tab already refreshed instead of spending the same refresh token again', async () => {
    const { session, storage } = await loadSession(tokens('a', 0));
    storage.setItem('troc.session', JSON.stringify(tokens('other-tab')));
    const call = vi.fn(async () => tokens('never'));

    expect(await session.refresh(call, true)).toBe(true);
    expect(call).not.toHaveBeenCalled();
    expect(session.tokens?.accessToken).toBe('access-other-tab');
  });

  it('clears the session when the server refuses the refresh token, and tells listeners', async () => {
    const { session, storage } = await loadSession(tokens('a', 0));
    const seen: (Tokens | null)[] = [];
    session.subscribe((t) => seen.push(t));

    expect(await session.refresh(async () => null)).toBe(false);
    expect(session.tokens).toBeNull();
    expect(storage.getItem('troc.session')).toBeNull();
    expect(seen).toEqual([null]);
  });
});

describe('session, signing in while a refresh fails', () => {
  it('keeps the session of a sign-in that happened while the old one was being refused', async () => {
    const { session, storage } = await loadSession(tokens('old', 0));
    const call = async () => {
      // The member signs in again (another tab, or this one) before the refusal of the old token comes back.
      storage.setItem('troc.session', JSON.stringify(tokens('new')));
      return null;
    };

    expect(await session.refresh(call)).toBe(true);
    expect(session.tokens?.accessToken).toBe('access-new');
    expect(storage.getItem('troc.session')).not.toBeNull();
  });
});

describe('session, the payload of a reconnecting socket', () => {
  it('refreshes a stale access token before presenting it', async () => {
    const { session } = await loadSession(tokens('expired', 0));
    const call = vi.fn(async () => tokens('fresh'));

    expect(await session.socketPayload(call)).toEqual({ authorization: 'Bearer access-fresh' });
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('presents a fresh access token as it is', async () => {
    const { session } = await loadSession(tokens('a'));
    const call = vi.fn(async () => tokens('never'));

    expect(await session.socketPayload(call)).toEqual({ authorization: 'Bearer access-a' });
    expect(call).not.toHaveBeenCalled();
  });

  it('keeps the session and presents the old token when the refresh fails for now', async () => {
    const { session } = await loadSession(tokens('expired', 0));

    expect(await session.socketPayload(async () => Promise.reject(new Error('offline')))).toEqual({ authorization: 'Bearer access-expired' });
    expect(session.signedIn).toBe(true);
  });

  it('is anonymous when nobody is signed in', async () => {
    const { session } = await loadSession();

    expect(await session.socketPayload(vi.fn())).toEqual({});
  });
});
