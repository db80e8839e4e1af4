import type { secureHeaders } from 'hono/secure-headers';

const ANY_EXTENSION = /^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i;

/**
 * The CORS origin check: only the extension calls the API from a browser, so web pages get no grant.
 * With `pinned` (EXTENSION_ORIGINS) only those exact origins are granted, e.g. the published
 * extension's id in production; without it any extension origin is (development builds get a new
 * id per path).
 */
export function extensionOrigin(pinned?: readonly string[]): (origin: string) => string | null {
  if (pinned?.length) {
    const allowed = new Set(pinned.map((o) => o.toLowerCase()));
    return (origin) => (allowed.has(origin.toLowerCase()) ? origin : null);
  }
  return (origin) => (ANY_EXTENSION.test(origin) ? origin : null);
}

/**
 * Security headers for every response. The demo CRM pages run no script at all, load their one
 * stylesheet from this origin (plus a few inline style attributes) and post forms only to
 * themselves; nothing may frame them (their head carries a session token for the extension). API
 * responses are JSON, for which the same policy is simply inert.
 */
export const SECURE_HEADERS: Parameters<typeof secureHeaders>[0] = {
  // The extension's panel fetches from another origin; CORS, not CORP, governs those reads.
  crossOriginResourcePolicy: false,
  xFrameOptions: 'DENY',
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'none'"],
    styleSrc: ["'self'"],
    styleSrcAttr: ["'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
  },
};
