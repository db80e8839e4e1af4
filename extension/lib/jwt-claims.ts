/**
 * Reads a token's claims without verifying it: the server verifies every call, the extension only
 * needs a stable name for cache keys, "Signed in as …" and expiry hints.
 */
export function decodeJwtClaims(token: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Whether a string has the shape of a JWT (three parts, a JSON object in the middle). */
export const isJwt = (token: string) => decodeJwtClaims(token) !== null;

export function userFromToken(token: string): string | null {
  const claims = decodeJwtClaims(token);
  const user = claims?.email ?? claims?.preferred_username ?? claims?.sub;
  return typeof user === 'string' && user ? user : null;
}

/** The `exp` claim as a date, when the token has one; lets Options warn about an expired paste. */
export function tokenExpiry(token: string): Date | null {
  const exp = decodeJwtClaims(token)?.exp;
  return typeof exp === 'number' ? new Date(exp * 1000) : null;
}
