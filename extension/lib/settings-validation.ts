import { SECTION_IDS, type SectionId } from '../../shared/sections.ts';
import type { SectionPreference, SsoConfig } from './settings.ts';

/** A parsed setting, or what to tell the person who typed it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const LOOPBACK = /^(127\.0\.0\.1|localhost|\[::1\])$/;
export const MAX_TTL_MINUTES = 24 * 60;

/** An http(s) address; plain http only on this computer, since a token travels with every call. */
export function parseHttpUrl(input: string, what: string): Parsed<URL> {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, error: `Enter the full ${what}, starting with https://.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, error: `The ${what} must start with https://.` };
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname))
    return { ok: false, error: `Use https:// for a ${what} on another computer.` };
  if (url.username || url.password) return { ok: false, error: `Leave the user name out of the ${what}.` };
  return { ok: true, value: url };
}

/** The backend is stored as an origin: the API lives at its /v1. */
export function parseBackendUrl(input: string): Parsed<string> {
  const url = parseHttpUrl(input, 'server address');
  return url.ok ? { ok: true, value: url.value.origin } : url;
}

export function parseTtlMinutes(input: string | number): Parsed<number> {
  const value = typeof input === 'number' ? input : Number(String(input).trim() || Number.NaN);
  if (!Number.isInteger(value) || value < 0 || value > MAX_TTL_MINUTES)
    return { ok: false, error: `Enter whole minutes from 0 to ${MAX_TTL_MINUTES}.` };
  return { ok: true, value };
}

export function parseSsoConfig(input: SsoConfig): Parsed<SsoConfig> {
  const issuer = parseHttpUrl(input.issuer, 'issuer URL');
  if (!issuer.ok) return issuer;
  if (issuer.value.search || issuer.value.hash)
    return { ok: false, error: 'The issuer URL has no ? or # part.' };
  const clientId = input.clientId.trim();
  if (!/^[\x21-\x7e]{1,200}$/.test(clientId)) return { ok: false, error: 'Enter the client id (no spaces).' };
  const scopes = input.scopes.trim().split(/\s+/).filter(Boolean);
  if (!scopes.includes('openid')) return { ok: false, error: 'The scopes must include openid.' };
  // Issuers are compared exactly with the discovery document: keep the path, drop a trailing slash.
  return {
    ok: true,
    value: { issuer: issuer.value.href.replace(/\/$/, ''), clientId, scopes: [...new Set(scopes)].join(' ') },
  };
}

/**
 * The stored section list made whole: unknown ids and repeats dropped, sections added since it was
 * saved appended (visible), and never all hidden.
 */
export function normalizeSections(stored: unknown): SectionPreference[] {
  const seen = new Set<SectionId>();
  const out: SectionPreference[] = [];
  for (const entry of Array.isArray(stored) ? stored : []) {
    const id = (entry as { id?: unknown })?.id;
    if (!(SECTION_IDS as readonly unknown[]).includes(id) || seen.has(id as SectionId)) continue;
    seen.add(id as SectionId);
    out.push({ id: id as SectionId, visible: (entry as { visible?: unknown }).visible !== false });
  }
  for (const id of SECTION_IDS) if (!seen.has(id)) out.push({ id, visible: true });
  return out.some((s) => s.visible) ? out : out.map((s) => ({ ...s, visible: true }));
}

/** The ids to ask for and show, in order. */
export const shownSections = (prefs: readonly SectionPreference[]): SectionId[] =>
  normalizeSections(prefs)
    .filter((s) => s.visible)
    .map((s) => s.id);

/** Moves a section up (-1) or down (+1); at either end nothing changes. */
export function moveSection(prefs: readonly SectionPreference[], id: SectionId, by: -1 | 1) {
  const from = prefs.findIndex((s) => s.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= prefs.length) return [...prefs];
  const next = [...prefs];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** Shows or hides a section; the last visible one cannot be hidden (the panel would be empty). */
export function setSectionVisible(prefs: readonly SectionPreference[], id: SectionId, visible: boolean) {
  const next = prefs.map((s) => (s.id === id ? { ...s, visible } : s));
  return next.some((s) => s.visible) ? next : [...prefs];
}
