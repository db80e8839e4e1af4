import type { Context } from 'hono';

/**
 * Whether a form post comes from this site. Browsers send Origin / Sec-Fetch-Site on POST, so a
 * cross-site form (signing the victim in as someone else) is refused; a client that sends neither
 * (curl, tests) is not a browser being tricked and is let through.
 */
export function isSameOriginPost(c: Context, publicUrl: string): boolean {
  if (c.req.header('sec-fetch-site') === 'cross-site') return false;
  const origin = c.req.header('origin');
  if (!origin) return true;
  const allowed = new Set([new URL(c.req.url).origin, originOf(publicUrl)]);
  return allowed.has(origin);
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
