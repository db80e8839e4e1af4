import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../extension/db.ts';
import { wipeBriefCache } from '../../../../extension/features/brief-cache.ts';
import { giveFeedback, rememberedFeedback } from '../../../../extension/features/feedback.ts';
import { backoffMs, flushOutbox } from '../../../../extension/features/feedback-outbox.ts';
import { ApiFailure } from '../../../../extension/lib/api-client.ts';
import type { FeedbackRequest } from '../../../../shared/api.ts';

const T0 = Date.UTC(2026, 2, 4, 9, 0);
const ALICE = 'alice@example.com';
const offline = () => new ApiFailure('offline', 'down');

/** A server that fails while `down` is true and records what it accepted. */
function server() {
  const state = { down: false, accepted: [] as FeedbackRequest[], failWith: null as ApiFailure | null };
  const send = vi.fn(async (body: FeedbackRequest) => {
    if (state.failWith) throw state.failWith;
    if (state.down) throw offline();
    state.accepted.push(body);
  });
  return { state, send };
}

const vote = (over: Partial<Parameters<typeof giveFeedback>[1]> = {}) => ({
  user: ALICE,
  requestId: 'req-1',
  target: 'executive' as const,
  rating: 'down' as const,
  ...over,
});

beforeEach(() => wipeBriefCache());

describe('feedback outbox', () => {
  it('sends at once when the server is there, and remembers the vote as sent', async () => {
    const { state, send } = server();
    expect(await giveFeedback(send, vote({ reason: 'outdated', comment: '  old numbers ' }), T0)).toBe(
      'sent',
    );
    expect(state.accepted).toEqual([
      {
        requestId: 'req-1',
        sectionId: 'executive',
        rating: 'down',
        reason: 'outdated',
        comment: 'old numbers',
      },
    ]);
    expect(await rememberedFeedback('req-1')).toEqual({ executive: { rating: 'down', state: 'sent' } });
    expect(await db.outbox.count()).toBe(0);
  });

  it('queues a vote the network lost and retries it after a backoff, then on reconnect', async () => {
    const { state, send } = server();
    state.down = true;
    expect(await giveFeedback(send, vote({ target: 'summary', rating: 'up' }), T0)).toBe('queued');
    expect(await rememberedFeedback('req-1')).toEqual({ summary: { rating: 'up', state: 'queued' } });
    const [row] = await db.outbox.toArray();
    expect(row).toMatchObject({ attempts: 1, body: { requestId: 'req-1', rating: 'up' } });
    expect(row!.nextAt - T0).toBeGreaterThanOrEqual(1_000);
    expect(row!.nextAt - T0).toBeLessThanOrEqual(2_000);

    // Not due yet: nothing is sent.
    expect(await flushOutbox(send, ALICE, { now: T0 + 500 })).toMatchObject({ sent: 0, pending: 1 });
    expect(send).toHaveBeenCalledTimes(1);
    // Due but still down: the backoff grows.
    expect(await flushOutbox(send, ALICE, { now: row!.nextAt })).toMatchObject({ sent: 0, pending: 1 });
    expect((await db.outbox.get(row!.key))!.attempts).toBe(2);
    // Back online: forced, whatever the backoff says.
    state.down = false;
    expect(await flushOutbox(send, ALICE, { now: row!.nextAt, force: true })).toEqual({
      sent: 1,
      failed: 0,
      pending: 0,
      nextAt: null,
    });
    expect(state.accepted).toEqual([{ requestId: 'req-1', rating: 'up' }]);
    expect(await rememberedFeedback('req-1')).toEqual({ summary: { rating: 'up', state: 'sent' } });
  });

  it('sends only the last vote when the seller changed their mind while offline', async () => {
    const { state, send } = server();
    state.down = true;
    await giveFeedback(send, vote({ rating: 'up' }), T0);
    await giveFeedback(send, vote({ rating: 'down', reason: 'wrong_number' }), T0 + 10);
    state.down = false;
    await flushOutbox(send, ALICE, { force: true });
    expect(state.accepted).toEqual([
      { requestId: 'req-1', sectionId: 'executive', rating: 'down', reason: 'wrong_number' },
    ]);
  });

  it('gives up on a vote the server refuses for good (the brief is gone)', async () => {
    const { state, send } = server();
    state.failWith = new ApiFailure('not-found', 'summary request not found', 404);
    expect(await giveFeedback(send, vote(), T0)).toBe('failed');
    expect(await db.outbox.count()).toBe(0);
    expect(await rememberedFeedback('req-1')).toEqual({ executive: { rating: 'down', state: 'failed' } });
  });

  it('sends a seller’s queued votes only with that seller’s session, one flush at a time', async () => {
    const { state, send } = server();
    state.down = true;
    await giveFeedback(send, vote(), T0);
    await giveFeedback(send, vote({ user: 'bob@example.com', requestId: 'req-2' }), T0);
    state.down = false;
    const [a, b] = await Promise.all([
      flushOutbox(send, ALICE, { force: true }),
      flushOutbox(send, ALICE, { force: true }),
    ]);
    expect(a).toBe(b);
    expect(state.accepted.map((x) => x.requestId)).toEqual(['req-1']);
    expect((await db.outbox.toArray()).map((r) => r.user)).toEqual(['bob@example.com']);
  });

  it('stops a flush at the first vote that still cannot get through', async () => {
    const { state, send } = server();
    state.down = true;
    await giveFeedback(send, vote({ target: 'summary' }), T0);
    await giveFeedback(send, vote({ target: 'pipeline' }), T0);
    send.mockClear();
    await flushOutbox(send, ALICE, { force: true });
    expect(send).toHaveBeenCalledOnce();
  });
});

describe('backoffMs', () => {
  it('doubles from 2 s with 50–100 % jitter and caps at 5 minutes', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, () => 1))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(backoffMs(1, () => 0)).toBe(1_000);
    expect(backoffMs(30, () => 1)).toBe(300_000);
  });
});
