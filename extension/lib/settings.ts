import { storage } from 'wxt/utils/storage';
import type { AccountUrlPattern } from '../../shared/detect-account.ts';

/** Where the API lives; the demo CRM hands over its own origin when a seller signs in there. */
export const backendUrlItem = storage.defineItem<string>('local:backendUrl', {
  fallback: 'http://127.0.0.1:8787',
});

/** The bearer token for the API; null means signed out. */
export const tokenItem = storage.defineItem<string | null>('local:token', { fallback: null });

/** Who the token belongs to; keys the brief cache so two sellers never see each other's briefs. */
export const userItem = storage.defineItem<string | null>('local:user', { fallback: null });

/** How long a brief stays fresh in the local cache. */
export const cacheTtlMinutesItem = storage.defineItem<number>('local:cacheTtlMinutes', { fallback: 10 });

/** Admin-defined URL shapes for CRMs the extension does not know (see detectAccount). */
export const accountPatternsItem = storage.defineItem<AccountUrlPattern[]>('local:accountPatterns', {
  fallback: [],
});

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
