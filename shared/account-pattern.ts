import { SAFE_ID } from './crms/ids.ts';

/**
 * An admin-defined page shape for a CRM the extension does not know, written as the address of an
 * account page with `{accountId}` where the id goes and `*` for any run of characters:
 * `https://crm.acme.io/accounts/{accountId}`, `https://*.acme.io/app#/company/{accountId}`.
 * The pattern covers the whole address; anything after a following `?`, `#` or `&` is ignored.
 */
export interface AccountUrlPattern {
  urlPattern: string;
}

export type CompiledPattern = { ok: true; regex: RegExp; hostPattern: string } | { ok: false; error: string };

const PLACEHOLDER = '{accountId}';
const HOST = /^(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(\d{1,5}))?$/;

/** Checks a pattern and turns it into a regular expression plus the host it needs access to. */
export function compilePattern(pattern: string): CompiledPattern {
  const m = /^(https?):\/\/([^/?#]+)(.*)$/i.exec(pattern.trim());
  if (!m) return { ok: false, error: 'Start with http:// or https:// and a host name.' };
  const scheme = m[1]!.toLowerCase();
  const host = m[2]!.toLowerCase();
  const rest = m[3]!;
  const h = HOST.exec(host);
  if (!h) return { ok: false, error: `“${host}” is not a host name (a leading *. is allowed).` };
  const [, wildcard, hostname, port] = h;
  if (wildcard && !hostname!.includes('.'))
    return { ok: false, error: 'A wildcard host needs at least a domain and its suffix (*.acme.io).' };
  const count = rest.split(PLACEHOLDER).length - 1;
  if (count !== 1) return { ok: false, error: `Put ${PLACEHOLDER} exactly once where the id goes.` };
  if (!rest.startsWith('/'))
    return { ok: false, error: 'Add the path after the host (…/accounts/{accountId}).' };

  const hostRe = `${wildcard ? '(?:[a-z0-9-]+\\.)+' : ''}${escapeRegex(hostname!)}${port ? `:${port}` : ''}`;
  const restRe = rest
    .split(PLACEHOLDER)
    .map((part) => part.split('*').map(escapeRegex).join('.*'))
    .join('(?<accountId>[^/?#&]+)');
  const regex = new RegExp(`^${scheme}://${hostRe}${restRe}/?(?:[?#&].*)?$`);
  // Match patterns ignore the port, so access is asked for the host on any port.
  return { ok: true, regex, hostPattern: `${scheme}://${wildcard ? '*.' : ''}${hostname}/*` };
}

/** The account id the first matching pattern finds in `url`, or null. Invalid patterns are skipped. */
export function matchPatterns(url: string, patterns: readonly AccountUrlPattern[]): string | null {
  let href: string;
  try {
    href = new URL(url).href; // lower-cased host, default port dropped: what the patterns expect
  } catch {
    return null;
  }
  for (const { urlPattern } of patterns) {
    const compiled = compilePattern(urlPattern);
    if (!compiled.ok) continue; // one broken pattern must not break detection everywhere else
    const raw = compiled.regex.exec(href)?.groups?.accountId;
    const id = raw === undefined ? null : safeDecode(raw);
    if (id && SAFE_ID.test(id)) return id;
  }
  return null;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
