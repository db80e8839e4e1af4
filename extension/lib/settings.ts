import { storage } from 'wxt/utils/storage';
import type { AccountUrlPattern } from '../../shared/account-pattern.ts';
import { SECTION_IDS, type SectionId } from '../../shared/sections.ts';

// Every setting is a typed storage item with its default here; Options writes them, the background,
// content script and panel read and watch them. Validation lives in settings-validation.ts.

export const DEFAULT_BACKEND_URL = 'http://127.0.0.1:8787';
export const DEFAULT_TTL_MINUTES = 10;

/** Where the API lives; the demo CRM hands over its own origin when a seller signs in there. */
export const backendUrlItem = storage.defineItem<string>('local:backendUrl', {
  fallback: DEFAULT_BACKEND_URL,
});

/** The bearer token for the API; null means signed out. */
export const tokenItem = storage.defineItem<string | null>('local:token', { fallback: null });

/** Who the token belongs to; keys the brief cache so two sellers never see each other's briefs. */
export const userItem = storage.defineItem<string | null>('local:user', { fallback: null });

/** How long a brief stays in the local cache, in minutes (0: no cache). */
export const cacheTtlMinutesItem = storage.defineItem<number>('local:cacheTtlMinutes', {
  fallback: DEFAULT_TTL_MINUTES,
});

/** Whether a browser notification announces each brief prepared before one of the seller's meetings. */
export const notifyDeliveriesItem = storage.defineItem<boolean>('local:notifyDeliveries', {
  fallback: true,
});

/** Admin-defined account page shapes for CRMs the extension does not know (shared/account-pattern.ts). */
export const accountPatternsItem = storage.defineItem<AccountUrlPattern[]>('local:accountPatterns', {
  fallback: [],
});

export interface SectionPreference {
  id: SectionId;
  visible: boolean;
}

export const DEFAULT_SECTIONS: readonly SectionPreference[] = SECTION_IDS.map((id) => ({
  id,
  visible: true,
}));

/** Which sections the panel shows, in this order (see normalizeSections for older or odd values). */
export const sectionsItem = storage.defineItem<SectionPreference[]>('local:sections', {
  fallback: DEFAULT_SECTIONS.map((s) => ({ ...s })),
});

/** Single sign-on against the company's OpenID Connect provider (authorization code + PKCE). */
export interface SsoConfig {
  /** The issuer URL; `/.well-known/openid-configuration` is read from it. */
  issuer: string;
  clientId: string;
  /** Space-separated; must include `openid`. */
  scopes: string;
}

export const DEFAULT_SSO_SCOPES = 'openid email profile offline_access';

/** Null until an admin or the seller fills it in; the demo runs on dev tokens without it. */
export const ssoConfigItem = storage.defineItem<SsoConfig | null>('local:ssoConfig', { fallback: null });

/** What renewing an SSO token needs; null when the token came from the demo CRM or a paste. */
export interface SsoSession {
  tokenEndpoint: string;
  clientId: string;
  refreshToken: string | null;
  /** Epoch milliseconds. */
  expiresAt: number | null;
}

export const ssoSessionItem = storage.defineItem<SsoSession | null>('local:ssoSession', { fallback: null });

export interface Session {
  backendUrl: string;
  token: string | null;
  user: string | null;
}

export async function readSession(): Promise<Session> {
  const [backendUrl, token, user] = await Promise.all([
    backendUrlItem.getValue(),
    tokenItem.getValue(),
    userItem.getValue(),
  ]);
  return { backendUrl, token, user };
}

/** Calls back whenever backend, token or user change; returns the unsubscribe function. */
export function watchSession(onChange: (session: Session) => void): () => void {
  const refresh = () => void readSession().then(onChange);
  const unwatch = [backendUrlItem.watch(refresh), tokenItem.watch(refresh), userItem.watch(refresh)];
  return () => {
    for (const stop of unwatch) stop();
  };
}
