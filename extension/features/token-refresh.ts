import { browser } from 'wxt/browser';
import { SsoError } from '../lib/oidc.ts';
import { type SsoSession, ssoSessionItem, tokenItem } from '../lib/settings.ts';
import { refreshSso } from './sso-sign-in.ts';

export const REFRESH_ALARM = 'sso-refresh';
const EARLY_MS = 2 * 60_000;
const RETRY_MS = 60_000;

type Alarms = Pick<typeof browser.alarms, 'create' | 'clear'>;

/** When to renew: two minutes before expiry (never sooner than 30 s from now); null: cannot. */
export function refreshTime(session: SsoSession | null, now = Date.now()): number | null {
  if (!session?.refreshToken || !session.expiresAt) return null;
  return Math.max(now + 30_000, session.expiresAt - EARLY_MS);
}

/** Keeps one alarm for the next renewal (alarms survive the service worker's sleep). */
export async function scheduleRefresh(session: SsoSession | null, alarms: Alarms = browser.alarms) {
  const when = refreshTime(session);
  if (when === null) await alarms.clear(REFRESH_ALARM);
  else await alarms.create(REFRESH_ALARM, { when });
}

/**
 * The alarm went off: renew the token so a seller signed in with SSO stays signed in. A refused
 * refresh token is dropped (the panel then asks to sign in); a network failure is retried.
 */
export async function refreshToken(
  deps: { fetch: typeof fetch; alarms?: Alarms; now?: () => number } = {
    fetch: (input, init) => fetch(input, init),
  },
): Promise<'renewed' | 'retry' | 'dropped' | 'none'> {
  const session = await ssoSessionItem.getValue();
  if (!session?.refreshToken) return 'none';
  try {
    const next = await refreshSso(session, deps);
    // Signed out (or in again) meanwhile: this answer belongs to a session that is gone.
    if ((await ssoSessionItem.getValue())?.refreshToken !== session.refreshToken) return 'none';
    // Written together: watchers of the session item reschedule from the new expiry.
    await Promise.all([tokenItem.setValue(next.token), ssoSessionItem.setValue(next.session)]);
    return 'renewed';
  } catch (error) {
    if (error instanceof SsoError && error.retryable) {
      await (deps.alarms ?? browser.alarms).create(REFRESH_ALARM, {
        when: (deps.now ?? Date.now)() + RETRY_MS,
      });
      return 'retry';
    }
    await ssoSessionItem.setValue({ ...session, refreshToken: null });
    return 'dropped';
  }
}

/**
 * For the panel's 401 handler: an SSO token is renewed once (it may just have expired early);
 * otherwise, or when renewal fails, the token is cleared and the panel asks the seller to sign in.
 */
export async function handleUnauthorized(
  deps: { fetch: typeof fetch; alarms?: Alarms; now?: () => number } = {
    fetch: (input, init) => fetch(input, init),
  },
): Promise<'renewed' | 'signed-out'> {
  if ((await refreshToken(deps)) === 'renewed') return 'renewed';
  await tokenItem.setValue(null);
  return 'signed-out';
}
