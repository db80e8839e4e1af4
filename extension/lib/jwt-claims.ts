/**
 * Reads who a token belongs to, without verifying it: the server verifies every call, the extension
 * only needs a stable name for cache keys and for "Signed in as …".
 */
export function userFromToken(token: string): string | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as Record<string, unknown>;
    const user = claims.email ?? claims.preferred_username ?? claims.sub;
    return typeof user === 'string' && user ? user : null;
  } catch {
    return null;
  }
}

/** Seconds-since-epoch expiry, when the token says; lets Options warn about an expired paste. */
export function tokenExpiry(token: string): Date | null {
  try {
    const claims = JSON.parse(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/')));
    return typeof claims.exp === 'number' ? new Date(claims.exp * 1000) : null;
  } catch {
    return null;
  }
}
