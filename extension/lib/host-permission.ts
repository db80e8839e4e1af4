import { browser } from 'wxt/browser';

// Granted at install (wxt.config.ts host_permissions); any other host is asked for when saved.
const BUILT_IN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

/** The match pattern covering an origin on any port (`https://api.acme.io/*`). */
export function hostPatternOf(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Makes sure the extension may call `origin` (the backend, the identity provider) without CORS
 * getting in the way; must run inside a click, since it may show a permission prompt.
 */
export async function ensureHostPermission(origin: string, api = browser): Promise<boolean> {
  if (BUILT_IN.test(origin)) return true;
  const origins = [hostPatternOf(origin)];
  if (await api.permissions.contains({ origins })) return true;
  return api.permissions.request({ origins });
}
