// The signed-in session: a short-lived access token and a single-use refresh token.
//
// Both live in localStorage so that a reload or a second tab stays signed in. Refresh tokens rotate and the server
// revokes the whole session when one is used twice, so two tabs must never refresh with the same token: refreshing
// runs under a Web Lock shared by every tab of the origin, and re-reads storage first, in case another tab already
// did it.

export interface Tokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

/** What a refresh call answers: new tokens, or null when the session is over (expired, revoked, suspended). */
export type RefreshCall = (refreshToken: string) => Promise<Tokens | null>;

const STORAGE_KEY = 'troc.session';
/** Refresh this long before the access token expires, so that no request goes out with a token about to die. */
const EARLY_REFRESH_MS = 60_000;

type Listener = (tokens: Tokens | null) => void;
const listeners = new Set<Listener>();

function read(): Tokens | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const tokens = JSON.parse(raw) as Tokens;
    return typeof tokens.accessToken === 'string' && typeof tokens.refreshToken === 'string' ? tokens : null;
  } catch {
    return null;
  }
}

let current: Tokens | null = typeof localStorage === 'undefined' ? null : read();

function publish(tokens: Tokens | null) {
  current = tokens;
  for (const listener of listeners) listener(tokens);
}

if (typeof window !== 'undefined') {
  // Another tab signed in, refreshed or signed out.
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY) publish(read());
  });
}

export const session = {
  get tokens(): Tokens | null {
    return current;
  },

  get signedIn(): boolean {
    return current !== null && Date.parse(current.refreshTokenExpiresAt) > Date.now();
  },

  /** True when the access token is missing or expires within the early-refresh window. */
  accessTokenIsStale(now = Date.now()): boolean {
    return current === null || Date.parse(current.accessTokenExpiresAt) - EARLY_REFRESH_MS <= now;
  },

  save(tokens: Tokens) {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
    publish(tokens);
  },

  clear() {
    localStorage.removeItem(STORAGE_KEY);
    publish(null);
  },

  /**
   * What a GraphQL socket presents in connection_init. The server closes a socket when its access token expires (4403)
   * and graphql-ws reconnects through here: a stale token is refreshed first, or the server would refuse it again. A
   * refresh that fails for now (offline) presents the old token: the server refuses it, and graphql-ws tries again.
   */
  async socketPayload(call: RefreshCall): Promise<Record<string, string>> {
    if (this.signedIn && this.accessTokenIsStale()) {
      try {
        await this.refresh(call);
      } catch {
        // Tried again at the next reconnection.
      }
    }
    return current ? { authorization: `Bearer ${current.accessToken}` } : {};
  },

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /**
   * Gets a fresh access token with the refresh token, once across every tab. Returns false when the session is over
   * (and clears it), true when a valid access token is now stored.
   */
  async refresh(call: RefreshCall, force = false): Promise<boolean> {
    const run = async () => {
      const stored = read();
      if (stored === null) {
        publish(null);
        return false;
      }
      // Another tab may have refreshed while this one waited for the lock; `force` (the server refused the token we
      // hold) still takes a token another tab got meanwhile.
      const stillFresh = Date.parse(stored.accessTokenExpiresAt) - EARLY_REFRESH_MS > Date.now();
      const refreshedElsewhere = stored.accessToken !== current?.accessToken;
      if (stillFresh && (refreshedElsewhere || !force)) {
        publish(stored);
        return true;
      }
      const next = await call(stored.refreshToken);
      if (next === null) {
        // Only the session we tried to refresh is over: if the member signed in again meanwhile, keep the new one.
        const now = read();
        if (now === null || now.refreshToken === stored.refreshToken) {
          this.clear();
          return false;
        }
        publish(now);
        return true;
      }
      this.save(next);
      return true;
    };
    return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks.request('troc.session.refresh', run) : run();
  },
};
