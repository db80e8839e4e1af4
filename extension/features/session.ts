import { userFromToken } from '../lib/jwt-claims.ts';
import { type SsoSession, ssoSessionItem, tokenItem, userItem } from '../lib/settings.ts';
import { wipeBriefCache } from './brief-cache.ts';
import { clearDeliveryFeed } from './delivery-notifications.ts';

/**
 * Stores a new token. A different seller than before starts with an empty brief cache: briefs are
 * keyed by user, but the previous seller's should not stay on a shared machine either.
 */
export async function signIn(input: { token: string; user?: string | null; sso?: SsoSession | null }) {
  const user = input.user ?? userFromToken(input.token);
  const previous = await userItem.getValue();
  if (previous && previous !== user) await wipeBriefCache();
  await Promise.all([
    tokenItem.setValue(input.token),
    userItem.setValue(user),
    ssoSessionItem.setValue(input.sso ?? null),
  ]);
}

/**
 * Forgets the token, the SSO session, every cached brief and rating of this seller, and which
 * delivered briefs were announced (their notifications go too).
 */
export async function signOut(): Promise<void> {
  await Promise.all([
    tokenItem.setValue(null),
    userItem.setValue(null),
    ssoSessionItem.setValue(null),
    wipeBriefCache(),
    clearDeliveryFeed(),
  ]);
}
