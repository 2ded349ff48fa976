import type { Tokens } from './session';

interface TokenPayload {
  accessToken?: string | null;
  accessTokenExpiresAt?: string | null;
  refreshToken?: string | null;
  refreshTokenExpiresAt?: string | null;
  errors: readonly unknown[];
}

/** The tokens of a successful login, register or refresh payload; null when it failed. */
export function tokensOf(payload: TokenPayload | null | undefined): Tokens | null {
  if (!payload || payload.errors.length > 0) return null;
  const { accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt } = payload;
  if (!accessToken || !accessTokenExpiresAt || !refreshToken || !refreshTokenExpiresAt) return null;
  return { accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt };
}
