import { UUID } from './ids.ts';

/** Twenty Cloud (app.twenty.com and workspace subdomains); self-hosted Twenty is added in Options. */
export const TWENTY_HOSTS = ['https://*.twenty.com/*'];

/** A company record: /object/company/{uuid}. Twenty is often self-hosted, so any host qualifies. */
export function twenty(u: URL): string | null {
  const m = /^\/object\/company\/([^/]+)\/?$/.exec(u.pathname);
  return m && UUID.test(m[1]!) ? m[1]!.toLowerCase() : null;
}
