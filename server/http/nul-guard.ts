import { createMiddleware } from 'hono/factory';
import { ApiError } from './errors.ts';

/**
 * PostgreSQL text cannot hold NUL (U+0000), so a NUL that reached a query would fail it with a 500.
 * A URL carrying one (always percent-encoded as %00 in a parsed URL) is refused up front with a 400.
 */
export function rejectNulInUrl() {
  return createMiddleware(async (c, next) => {
    if (c.req.url.includes('%00')) throw new ApiError('bad_request', 'url: must not contain NUL characters');
    await next();
  });
}

/** Whether a parsed JSON value holds a NUL in any string, key or value, at any depth. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
}
