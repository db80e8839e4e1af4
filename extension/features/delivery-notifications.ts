import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { Delivery } from '../../shared/api.ts';
import { ApiFailure, createApiClient } from '../lib/api-client.ts';
import { dateFormat } from '../lib/format.ts';
import { notifyDeliveriesItem, readSession } from '../lib/settings.ts';

export const DELIVERY_ALARM = 'delivery-poll';
/** Notification ids are this plus the delivery id, so a click finds its delivery. */
export const NOTIFICATION_PREFIX = 'brief:';
const POLL_MINUTES = 1;
/** The feed's answers overlap by about a minute; this many ids is far more than an overlap holds. */
const MAX_REMEMBERED = 200;

/** A delivery already announced, with what its notification's click opens. */
export interface SeenDelivery {
  id: string;
  accountId: string;
  /** The account page with `?summary=open`: the same link the Slack message carries. */
  url: string;
}

export interface DeliveryFeed {
  /** The seller this belongs to; another seller starts afresh. */
  user: string | null;
  /** The `since` of the next poll (the server's `next`); null before the first answer. */
  since: string | null;
  /** Oldest first. */
  seen: SeenDelivery[];
}

// Local storage: survives the service worker's restarts (and the browser's), so nothing is announced
// twice; wiped on sign-out.
export const deliveryFeedItem = storage.defineItem<DeliveryFeed | null>('local:deliveryFeed', {
  fallback: null,
});

type Alarms = Pick<typeof browser.alarms, 'create' | 'clear' | 'get'>;
type Notifications = Pick<typeof browser.notifications, 'create' | 'clear' | 'getAll'>;

/** Keeps the poll alarm while a seller is signed in with notifications on, and removes it otherwise. */
export async function syncDeliveryPolling(alarms: Alarms = browser.alarms): Promise<boolean> {
  const [{ token }, enabled] = await Promise.all([readSession(), notifyDeliveriesItem.getValue()]);
  if (!token || !enabled) {
    await alarms.clear(DELIVERY_ALARM);
    return false;
  }
  // Re-creating an alarm restarts its period: keep a running one as it is.
  if (!(await alarms.get(DELIVERY_ALARM)))
    await alarms.create(DELIVERY_ALARM, { periodInMinutes: POLL_MINUTES });
  return true;
}

export interface PollDeps {
  fetch?: typeof fetch;
  notifications?: Pick<Notifications, 'create'>;
  now?: () => number;
  locale?: string;
}

/** How many notifications a poll showed; `off` when signed out or turned off, `error` to retry. */
export type PollResult = number | 'off' | 'error';

let queue: Promise<unknown> = Promise.resolve();

/**
 * Asks the server for briefs delivered since the last poll and announces each new one whose meeting
 * has not started. One poll at a time (the alarm and a sign-in may both start one). A failure —
 * offline, server error, expired token — is left for the next alarm; signing in again is the
 * panel's business.
 */
export function pollDeliveries(deps: PollDeps = {}): Promise<PollResult> {
  const run = queue.then(() => poll(deps));
  queue = run.catch(() => undefined);
  return run;
}

async function poll(deps: PollDeps): Promise<PollResult> {
  const [session, enabled] = await Promise.all([readSession(), notifyDeliveriesItem.getValue()]);
  if (!session.token || !enabled) return 'off';
  const stored = await deliveryFeedItem.getValue();
  const feed = stored?.user === session.user ? stored : { user: session.user, since: null, seen: [] };
  let answer: { deliveries: Delivery[]; next: string };
  try {
    const api = createApiClient({ backendUrl: session.backendUrl, token: session.token, fetch: deps.fetch });
    answer = await api.listDeliveries(feed.since ? { since: feed.since } : {});
  } catch (error) {
    console.warn('delivery poll failed', error instanceof ApiFailure ? error.kind : error);
    return 'error';
  }
  // Signed out (or in as someone else) while the request ran: the answer is not for this session.
  if ((await readSession()).token !== session.token) return 'off';
  const known = new Set(feed.seen.map((s) => s.id));
  const fresh = answer.deliveries.filter((d) => !known.has(d.id));
  const now = (deps.now ?? Date.now)();
  // A brief for a meeting already under way (a late first poll, a long sleep) is not news.
  const due = fresh.filter((d) => Date.parse(d.meeting.startsAt) > now);
  const seen = [...feed.seen, ...fresh.map((d) => ({ id: d.id, accountId: d.accountId, url: d.panelUrl }))];
  // Remembered before shown: a worker stopped in between skips a notification rather than repeat it.
  await deliveryFeedItem.setValue({
    user: session.user,
    since: answer.next,
    seen: seen.slice(-MAX_REMEMBERED),
  });
  const notifications = deps.notifications ?? browser.notifications;
  for (const delivery of due) {
    await notifications.create(
      `${NOTIFICATION_PREFIX}${delivery.id}`,
      deliveryNotification(delivery, now, deps.locale),
    );
  }
  return due.length;
}

/** "Brief ready: Acme Corp — meeting at 14:30", the meeting's subject below; nothing of the brief. */
export function deliveryNotification(delivery: Delivery, now = Date.now(), locale?: string) {
  return {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: `Brief ready: ${delivery.accountName} — meeting at ${meetingTime(delivery.meeting.startsAt, now, locale)}`,
    message: delivery.meeting.subject,
    contextMessage: 'Account Summaries · click to open the brief',
  };
}

/** "14:30" today, else "Tue, Mar 4, 14:30" (the seller's locale and time zone). */
export function meetingTime(startsAt: string, now = Date.now(), locale?: string): string {
  const at = new Date(startsAt);
  if (Number.isNaN(at.getTime())) return startsAt;
  const sameDay = at.toDateString() === new Date(now).toDateString();
  return dateFormat(locale, {
    ...(sameDay ? {} : { weekday: 'short', month: 'short', day: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
  }).format(at);
}

/** Sign-out: forget what was announced and take this seller's notifications off the screen. */
export async function clearDeliveryFeed(notifications: Notifications | undefined = browser.notifications) {
  await deliveryFeedItem.removeValue();
  // Absent outside the background and in browsers without the permission.
  const shown = notifications ? await notifications.getAll().catch(() => ({})) : {};
  await Promise.all(
    Object.keys(shown)
      .filter((id) => id.startsWith(NOTIFICATION_PREFIX))
      .map((id) => notifications?.clear(id)),
  );
}
