import type { FeedbackRequest } from '../../shared/api.ts';
import { type DeliveryState, db, type OutboxRow } from '../db.ts';
import { ApiFailure } from '../lib/api-client.ts';

/** Posts one vote to the server (POST /v1/feedback). */
export type FeedbackSender = (body: FeedbackRequest) => Promise<void>;

// Worth another try later: the network, a busy or restarting server, a token being renewed.
const RETRYABLE = new Set(['offline', 'server', 'rate-limited', 'signed-out']);
const BASE_MS = 2_000;
const CAP_MS = 5 * 60_000;

/** Exponential backoff with jitter (50–100 % of 2 s · 2^(n-1), capped at 5 min). */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

const isRetryable = (error: unknown) => !(error instanceof ApiFailure) || RETRYABLE.has(error.kind);

/**
 * Sends one queued vote and settles it: sent (out of the outbox), queued again with a later
 * `nextAt`, or failed for good (the server refused it: e.g. the brief is no longer known there).
 */
export async function deliver(
  send: FeedbackSender,
  row: OutboxRow,
  now = Date.now(),
  random?: () => number,
): Promise<DeliveryState> {
  let state: DeliveryState = 'sent';
  try {
    await send(row.body);
  } catch (error) {
    state = isRetryable(error) ? 'queued' : 'failed';
  }
  await db.transaction('rw', db.feedback, db.outbox, async () => {
    const current = await db.outbox.get(row.key);
    // A newer vote replaced this one while it was in flight: that one settles itself.
    if (!current || JSON.stringify(current.body) !== JSON.stringify(row.body)) return;
    if (state === 'queued') {
      const attempts = current.attempts + 1;
      await db.outbox.update(row.key, { attempts, nextAt: now + backoffMs(attempts, random) });
    } else {
      await db.outbox.delete(row.key);
      await db.feedback.update(row.key, { state });
    }
  });
  return state;
}

export interface FlushResult {
  sent: number;
  failed: number;
  /** Votes still waiting, and when the earliest may be tried again (null: none waiting). */
  pending: number;
  nextAt: number | null;
}

let inFlight: Promise<FlushResult> | null = null;

/**
 * Sends this seller's votes that are due (all of them when `force`, e.g. back online). One flush
 * at a time: a timer and the online event firing together must not post a vote twice.
 */
export function flushOutbox(
  send: FeedbackSender,
  user: string,
  options: { now?: number; force?: boolean } = {},
): Promise<FlushResult> {
  inFlight ??= run(send, user, options).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function run(send: FeedbackSender, user: string, options: { now?: number; force?: boolean }) {
  const now = options.now ?? Date.now();
  const rows = await db.outbox.where('user').equals(user).sortBy('nextAt');
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    if (!options.force && row.nextAt > now) continue;
    const state = await deliver(send, row, now);
    if (state === 'sent') sent++;
    else if (state === 'failed') failed++;
    // Still unreachable: the rest would fail the same way, and each try pushes its backoff out.
    else break;
  }
  const left = await db.outbox.where('user').equals(user).toArray();
  const nextAt = left.length ? Math.min(...left.map((r) => r.nextAt)) : null;
  return { sent, failed, pending: left.length, nextAt };
}
