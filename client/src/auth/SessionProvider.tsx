import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider, useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { ViewerQuery } from '../gql/graphql';
import { createTrocClient, RefreshSessionMutation } from '../graphql/client';
import { session, type Tokens } from './session';
import { tokensOf } from './tokens';

export const ViewerQueryDocument = graphql(`
  query Viewer {
    me {
      id
      displayName
      email
      emailVerified
    }
  }
`);

const LogoutMutation = graphql(`
  mutation Logout($input: LogoutInput!) {
    logout(input: $input) {
      loggedOut
    }
  }
`);

export type Viewer = NonNullable<ViewerQuery['me']>;

interface SessionValue {
  /** The signed-in member, null when signed out, undefined while it loads. */
  viewer: Viewer | null | undefined;
  signIn(tokens: Tokens): void;
  signOut(): Promise<void>;
  /** Gets new tokens now (their claims changed: the email was just verified, say), then reloads the viewer. */
  refreshSession(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/**
 * Owns the GraphQL client. Signing in or out starts a new client, so that nothing one member's session cached (their
 * private fields, their lists) is ever shown in another's; a token refresh keeps the client and its cache.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [signedIn, setSignedIn] = useState(session.signedIn);
  // The client this replaces needs no disposing: its socket is lazy and closes with its last subscription, which
  // unmounts with it (and disposing in an effect would break under StrictMode's double effects in development).
  const client = useMemo(() => createTrocClient(), [signedIn]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => session.subscribe((tokens) => setSignedIn(tokens !== null)), []);

  return (
    <Provider value={client}>
      <ViewerLoader signedIn={signedIn}>{children}</ViewerLoader>
    </Provider>
  );
}

function ViewerLoader({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const [{ data, fetching }, reexecute] = useQuery({ query: ViewerQueryDocument, pause: !signedIn });
  const [, logout] = useMutation(LogoutMutation);
  const client = useClient();

  const refreshSession = useCallback(async () => {
    await session.refresh(async (refreshToken) => {
      const result = await client.mutation(RefreshSessionMutation, { input: { refreshToken } }).toPromise();
      return tokensOf(result.data?.refreshToken);
    }, true);
    reexecute({ requestPolicy: 'network-only' });
  }, [client, reexecute]);

  const signOut = useCallback(async () => {
    // Forget the tokens here first: the member is signed out at once, even if they leave the page before the server
    // answers. The server then ends the session, so the refresh token is worthless to anyone who copied it.
    const tokens = session.tokens;
    session.clear();
    if (tokens) await logout({ input: { refreshToken: tokens.refreshToken } });
  }, [logout]);

  const value = useMemo<SessionValue>(
    () => ({
      viewer: !signedIn ? null : fetching && !data ? undefined : (data?.me ?? null),
      signIn: (tokens) => session.save(tokens),
      signOut,
      refreshSession,
    }),
    [signedIn, fetching, data, signOut, refreshSession],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
