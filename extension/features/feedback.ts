import type { FeedbackRequest } from '../../shared/api.ts';
import type { SectionId } from '../../shared/sections.ts';
import { db, type Rating } from '../db.ts';
import type { ApiClient } from '../lib/api-client.ts';

/** The feedback target: a section, or the whole summary. */
export type FeedbackTarget = SectionId | 'summary';

/** The optional "what was wrong" part of a thumbs down. */
export type FeedbackDetails = Pick<FeedbackRequest, 'comment' | 'reason'>;

const keyOf = (requestId: string, target: FeedbackTarget) => `${requestId}\n${target}`;

/** Sends a thumbs up/down (with the optional reason and comment) and remembers the choice. */
export async function giveFeedback(
  client: Pick<ApiClient, 'sendFeedback'>,
  input: { requestId: string; target: FeedbackTarget; rating: Rating } & FeedbackDetails,
): Promise<void> {
  const { requestId, target, rating, comment, reason } = input;
  await client.sendFeedback({
    requestId,
    rating,
    ...(target === 'summary' ? {} : { sectionId: target }),
    ...(comment?.trim() ? { comment: comment.trim() } : {}),
    ...(reason ? { reason } : {}),
  });
  await db.feedback.put({ key: keyOf(requestId, target), requestId, rating, at: Date.now() });
}

/** The choices already given for one summary, by target. */
export async function rememberedFeedback(
  requestId: string,
): Promise<Partial<Record<FeedbackTarget, Rating>>> {
  const rows = await db.feedback.where('requestId').equals(requestId).toArray();
  return Object.fromEntries(rows.map((r) => [r.key.split('\n')[1], r.rating]));
}
