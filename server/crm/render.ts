import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';

/**
 * Sends a page as a full HTML document. no-store: signed-in pages carry the session token in a
 * meta tag for the extension, and must not be kept by the browser's or a proxy's cache.
 */
export async function renderPage(c: Context, page: JSX.Element, status: 200 | 400 | 403 | 404 = 200) {
  c.header('cache-control', 'no-store');
  return c.html(`<!DOCTYPE html>${await page}`, status);
}
