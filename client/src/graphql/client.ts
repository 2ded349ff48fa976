import { Client, fetchExchange, subscriptionExchange, type Exchange } from 'urql';
import { authExchange } from '@urql/exchange-auth';
import { print } from 'graphql';
import { createClient as createWsClient } from 'graphql-ws';
import { session, type Tokens } from '../auth/session';
import { tokensOf } from '../auth/tokens';
import { graphql } from '../gql';
import { trocCache } from './cache';

export const RefreshSessionMutation = graphql(`
  mutation RefreshSession($input: RefreshTokenInput!) {
    refreshToken(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      refreshTokenExpiresAt
      errors {
        __typename
      }
    }
  }
`);

/** Codes of the server's 401: the token we sent is no longer good, refreshing may help. */
const TOKEN_REFUSED = new Set(['AUTH_TOKEN_EXPIRED', 'AUTH_INVALID_TOKEN', 'AUTH_SESSION_REVOKED']);

function endpoint(protocol: 'http' | 'ws'): string {
  const { location } = window;
  if (protocol === 'http') return `${location.origin}/graphql`;
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

/**
 * Gets new tokens with a plain request rather than through the client: its auth exchange may itself be waiting for the
 * refresh lock this runs under. A failure to reach the server throws (the session stays); a refusal answers null.
 */
async function refreshOverHttp(refreshToken: string): Promise<Tokens | null> {
  const response = await fetch(endpoint('http'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: print(RefreshSessionMutation), variables: { input: { refreshToken } } }),
  });
  if (!response.ok) throw new Error(`refreshToken answered ${response.status}`);
  const body = (await response.json()) as { data?: { refreshToken?: Parameters<typeof tokensOf>[0] } };
  return tokensOf(body.data?.refreshToken);
}

export function createTrocClient(): Client {
  // A socket authenticates once, at connection_init: after sign-in, sign-out or a refresh it must reconnect, unless
  // the refresh is the one it made itself while connecting.
  let lastAccessToken = session.tokens?.accessToken;
  let connecting = false;
  const ws = createWsClient({
    url: endpoint('ws'),
    lazy: true,
    // Read at every (re)connection, so a refreshed token is used on the next connection.
    connectionParams: async () => {
      connecting = true;
      try {
        const payload = await session.socketPayload(refreshOverHttp);
        lastAccessToken = session.tokens?.accessToken;
        return payload;
      } finally {
        connecting = false;
      }
    },
    retryAttempts: Infinity,
    shouldRetry: () => true,
  });
  session.subscribe((tokens) => {
    if (connecting || tokens?.accessToken === lastAccessToken) return;
    lastAccessToken = tokens?.accessToken;
    ws.terminate();
  });

  const auth: Exchange = authExchange(async (utils) => {
    const refreshCall = async (refreshToken: string): Promise<Tokens | null> => {
      const result = await utils.mutate(RefreshSessionMutation, { input: { refreshToken } });
      const payload = result.data?.refreshToken;
      if (!payload?.accessToken || !payload.refreshToken || payload.errors.length > 0) return null;
      return {
        accessToken: payload.accessToken,
        accessTokenExpiresAt: payload.accessTokenExpiresAt!,
        refreshToken: payload.refreshToken,
        refreshTokenExpiresAt: payload.refreshTokenExpiresAt!,
      };
    };
    return {
      addAuthToOperation(operation) {
        const tokens = session.tokens;
        const isRefresh = operation.kind === 'mutation' && operation.query.definitions.some(
          (d) => d.kind === 'OperationDefinition' && d.name?.value === 'RefreshSession');
        if (!tokens || isRefresh) return operation;
        return utils.appendHeaders(operation, { Authorization: `Bearer ${tokens.accessToken}` });
      },
      willAuthError: () => session.tokens !== null && session.accessTokenIsStale(),
      didAuthError: (error) =>
        error.response?.status === 401 ||
        error.graphQLErrors.some((e) => TOKEN_REFUSED.has(String(e.extensions?.code))),
      refreshAuth: async () => {
        await session.refresh(refreshCall, true);
      },
    };
  });

  return new Client({
    url: endpoint('http'),
    exchanges: [
      trocCache(),
      auth,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
    // Uploads are multipart requests, which the server accepts only with this header (a CSRF guard: a plain HTML form
    // cannot set it). Harmless on every other request.
    fetchOptions: { headers: { 'GraphQL-Preflight': '1' } },
    preferGetMethod: false,
  });
}
