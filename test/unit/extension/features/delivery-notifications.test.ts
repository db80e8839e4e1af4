import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DELIVERY_ALARM,
  deliveryFeedItem,
  deliveryNotification,
  meetingTime,
  pollDeliveries,
  syncDeliveryPolling,
} from '../../../../extension/features/delivery-notifications.ts';
import { signIn, signOut } from '../../../../extension/features/session.ts';
import { notifyDeliveriesItem, tokenItem, userItem } from '../../../../extension/lib/settings.ts';
import type { Delivery } from '../../../../shared/api.ts';

const NOW = Date.parse('2026-03-04T09:00:00Z');
const BASE = 'http://127.0.0.1:8787';

const delivery = (id: string, startsAt = '2026-03-04T10:30:00Z'): Delivery => ({
  id,
  accountId: `001${id}`,
  accountName: `Account ${id}`,
  meeting: { id: `00U${id}`, subject: `Renewal call ${id}`, startsAt },
  requestId: `req-${id}`,
  deliveredAt: '2026-03-04T08:59:00Z',
  panelUrl: `${BASE}/lightning/r/Account/001${id}/view?summary=open`,
});

/** A /v1/deliveries that answers each call with the next of `answers` and records the URLs asked. */
function feed(...answers: (Delivery[] | Response | Error)[]) {
  const urls: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    urls.push(String(input));
    const answer = answers[Math.min(urls.length, answers.length) - 1];
    if (answer instanceof Error) throw answer;
    if (answer instanceof Response) return answer;
    return Response.json({ deliveries: answer, next: `2026-03-04T08:5${urls.length}:00.000Z` });
  });
  return { fetch, urls };
}

const deps = (f: ReturnType<typeof feed>) => ({ fetch: f.fetch, now: () => NOW, locale: 'en-GB' });
const shown = async () => Object.keys(await fakeBrowser.notifications.getAll()).sort();

afterEach(() => vi.restoreAllMocks());

describe('syncDeliveryPolling', () => {
  it('polls every minute only while signed in with notifications on', async () => {
    expect(await syncDeliveryPolling()).toBe(false);
    expect(await fakeBrowser.alarms.get(DELIVERY_ALARM)).toBeUndefined();

    await tokenItem.setValue('t');
    expect(await syncDeliveryPolling()).toBe(true);
    expect((await fakeBrowser.alarms.get(DELIVERY_ALARM))?.periodInMinutes).toBe(1);

    await notifyDeliveriesItem.setValue(false);
    expect(await syncDeliveryPolling()).toBe(false);
    expect(await fakeBrowser.alarms.get(DELIVERY_ALARM)).toBeUndefined();
  });

  it('keeps a running alarm rather than pushing it back', async () => {
    await tokenItem.setValue('t');
    await syncDeliveryPolling();
    const first = await fakeBrowser.alarms.get(DELIVERY_ALARM);
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await syncDeliveryPolling();
    expect(create).not.toHaveBeenCalled();
    expect(await fakeBrowser.alarms.get(DELIVERY_ALARM)).toEqual(first);
  });
});

describe('pollDeliveries', () => {
  it('asks nothing when signed out or turned off', async () => {
    const f = feed([delivery('A')]);
    expect(await pollDeliveries(deps(f))).toBe('off');
    await tokenItem.setValue('t');
    await notifyDeliveriesItem.setValue(false);
    expect(await pollDeliveries(deps(f))).toBe('off');
    expect(f.fetch).not.toHaveBeenCalled();
    expect(await shown()).toEqual([]);
  });

  it('announces each delivery once, across a service-worker restart, and none whose meeting began', async () => {
    await signIn({ token: 't', user: 'alice@example.com' });
    const f = feed(
      [delivery('A'), delivery('OLD', '2026-03-04T08:00:00Z')],
      [delivery('A'), delivery('B')], // answers overlap: A again
    );
    expect(await pollDeliveries(deps(f))).toBe(1);
    expect(await shown()).toEqual(['brief:A']);
    expect(f.urls[0]).toBe(`${BASE}/v1/deliveries`);

    // The worker sleeps: its module state is gone, storage stays.
    await fakeBrowser.notifications.clear('brief:A'); // the seller dismissed it
    vi.resetModules();
    const restarted = await import('../../../../extension/features/delivery-notifications.ts');
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    expect(await restarted.pollDeliveries(deps(f))).toBe(1);
    expect(create.mock.calls.map(([id]) => id)).toEqual(['brief:B']);
    expect(f.urls[1]).toBe(`${BASE}/v1/deliveries?since=${encodeURIComponent('2026-03-04T08:51:00.000Z')}`);
    expect((await deliveryFeedItem.getValue())?.seen.map((s) => s.id)).toEqual(['A', 'OLD', 'B']);
  });

  it('runs one poll at a time, so an alarm and a sign-in never announce twice', async () => {
    await tokenItem.setValue('t');
    const f = feed([delivery('A')]);
    const results = await Promise.all([pollDeliveries(deps(f)), pollDeliveries(deps(f))]);
    expect(results.sort()).toEqual([0, 1]);
  });

  it.each([
    [
      'a server error',
      new Response(JSON.stringify({ error: { code: 'x', message: 'boom' } }), { status: 500 }),
    ],
    ['the server out of reach', new TypeError('Failed to fetch')],
    ['an unreadable reply', Response.json({ nope: true })],
    ['an expired token', new Response('{}', { status: 401 })],
  ])('survives %s and catches up at the next alarm', async (_, failure) => {
    await tokenItem.setValue('t');
    await syncDeliveryPolling();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const f = feed(failure, [delivery('A')]);
    expect(await pollDeliveries(deps(f))).toBe('error');
    expect(await deliveryFeedItem.getValue()).toBeNull();
    expect(await fakeBrowser.alarms.get(DELIVERY_ALARM)).toBeTruthy();
    expect(await pollDeliveries(deps(f))).toBe(1);
    expect(await shown()).toEqual(['brief:A']);
  });

  it('ignores an answer that arrives after sign-out', async () => {
    await signIn({ token: 't', user: 'alice@example.com' });
    const fetch = vi.fn(async () => {
      await signOut();
      return Response.json({ deliveries: [delivery('A')], next: '2026-03-04T08:59:00.000Z' });
    });
    expect(await pollDeliveries({ fetch, now: () => NOW })).toBe('off');
    expect(await deliveryFeedItem.getValue()).toBeNull();
    expect(await shown()).toEqual([]);
  });

  it('starts afresh for another seller', async () => {
    await signIn({ token: 't', user: 'alice@example.com' });
    const f = feed([delivery('A')], [delivery('A')]);
    await pollDeliveries(deps(f));
    await Promise.all([tokenItem.setValue('t2'), userItem.setValue('bob@example.com')]);
    await fakeBrowser.notifications.clear('brief:A');
    expect(await pollDeliveries(deps(f))).toBe(1);
    expect(f.urls[1]).toBe(`${BASE}/v1/deliveries`);
    expect((await deliveryFeedItem.getValue())?.user).toBe('bob@example.com');
  });
});

describe('sign-out', () => {
  it('stops polling, forgets what was announced and takes the notifications down', async () => {
    await signIn({ token: 't', user: 'alice@example.com' });
    await syncDeliveryPolling();
    await pollDeliveries(deps(feed([delivery('A')])));
    await fakeBrowser.notifications.create('someone-else', { type: 'basic', title: 'x', message: 'y' });

    await signOut();
    expect(await syncDeliveryPolling()).toBe(false);
    expect(await fakeBrowser.alarms.get(DELIVERY_ALARM)).toBeUndefined();
    expect(await deliveryFeedItem.getValue()).toBeNull();
    expect(await shown()).toEqual(['someone-else']);
  });
});

describe('the notification', () => {
  it('names the account and the meeting time, and carries nothing of the brief', () => {
    const n = deliveryNotification(delivery('A'), NOW, 'en-GB');
    expect(n.title).toBe(
      `Brief ready: Account A — meeting at ${meetingTime('2026-03-04T10:30:00Z', NOW, 'en-GB')}`,
    );
    expect(n.message).toBe('Renewal call A');
    expect(n.iconUrl).toMatch(/^chrome-extension:\/\/.+\/icon\/128\.png$/);
  });

  it('says the day when the meeting is not today', () => {
    expect(meetingTime('2026-03-04T10:30:00Z', NOW, 'en-GB')).toMatch(/^\d{1,2}:30$/);
    expect(meetingTime('2026-03-06T10:30:00Z', NOW, 'en-GB')).toMatch(/Fri.*6 Mar.*:30/);
    expect(meetingTime('soon', NOW)).toBe('soon');
  });
});
