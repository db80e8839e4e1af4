import type { FeedbackRequest } from '../../shared/api.ts';
import type { SectionId } from '../../shared/sections.ts';
import { type DeliveryState, db, type Rating } from '../db.ts';
import { deliver, type FeedbackSender } from './feedback-outbox.ts';

/** The feedback target: a section, or the whole summary. */
export type FeedbackTarget = SectionId | 'summary';

/** The optional "what was wrong" part of a vote. */
export type FeedbackDetails = Pick<FeedbackRequest, 'comment' | 'reason'>;

/** A vote as the panel shows it: the rating, and whether the server has it yet. */
export interface GivenFeedback {
  rating: Rating;
  state: DeliveryState;
}

export interface FeedbackInput extends FeedbackDetails {
  /** The signed-in seller: a queued vote is only ever sent with their token. */
  user: string;
  requestId: string;
  target: FeedbackTarget;
  rating: Rating;
}

export const feedbackKey = (requestId: string, target: FeedbackTarget) => `${requestId}\n${target}`;

/** The API body for a vote; blank comments are left out. */
export function feedbackBody(input: Omit<FeedbackInput, 'user'>): FeedbackRequest {
  const { requestId, target, rating, comment, reason } = input;
  return {
    requestId,
    rating,
    ...(target === 'summary' ? {} : { sectionId: target }),
    ...(comment?.trim() ? { comment: comment.trim() } : {}),
    ...(reason ? { reason } : {}),
  };
}

/**
 * Remembers the vote, puts it in the outbox and tries to send it now. A network failure leaves it
 * queued (the panel sends it on reconnect or after a backoff); it resolves with where the vote is.
 */
export async function giveFeedback(
  send: FeedbackSender,
  input: FeedbackInput,
  now = Date.now(),
): Promise<DeliveryState> {
  const key = feedbackKey(input.requestId, input.target);
  const row = { key, user: input.user, body: feedbackBody(input), attempts: 0, nextAt: now };
  await db.transaction('rw', db.feedback, db.outbox, async () => {
    await db.feedback.put({
      key,
      requestId: input.requestId,
      rating: input.rating,
      at: now,
      state: 'queued',
    });
    // A newer vote on the same target replaces one not sent yet: only the seller's last word goes.
    await db.outbox.put(row);
  });
  return deliver(send, row, now);
}

/** The votes already given on one summary, by target. */
export async function rememberedFeedback(
  requestId: string,
): Promise<Partial<Record<FeedbackTarget, GivenFeedback>>> {
  const rows = await db.feedback.where('requestId').equals(requestId).toArray();
  return Object.fromEntries(
    rows.map((r) => [r.key.split('\n')[1], { rating: r.rating, state: r.state ?? 'sent' }]),
  );
}
