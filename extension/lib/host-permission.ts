import { browser } from 'wxt/browser';

// Granted at install (wxt.config.ts host_permissions); any other backend is asked for when saved.
const BUILT_IN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

/** Makes sure the extension may call `origin`; must run inside a click (a permission prompt). */
export async function ensureHostPermission(origin: string): Promise<boolean> {
  if (BUILT_IN.test(origin)) return true;
  const origins = [`${origin}/*`];
  if (await browser.permissions.contains({ origins })) return true;
  return browser.permissions.request({ origins });
}
