import type { FeedbackRequest } from '../../shared/api.ts';
import type { Database } from '../data/db.ts';
import { ApiError, notFound } from '../http/errors.ts';

/**
 * Stores a rating for a summary (or one of its sections) the user received. Keeps ids, rating,
 * reason, comment, model and prompt version — never the generated text (DESIGN.md §6).
 */
export async function recordFeedback(
  db: Database,
  userId: string,
  input: FeedbackRequest,
): Promise<{ id: number }> {
  return db.asUser(userId, async (q) => {
    // RLS makes another user's request, or one on an account no longer visible, simply absent.
    const [request] = await q.query<{ account_id: string }>(
      'SELECT account_id FROM summary_requests WHERE id = $1',
      [input.requestId],
    );
    if (!request) throw notFound('summary request');
    let model: string | null = null;
    let promptVersion: string | null = null;
    if (input.sectionId) {
      const [section] = await q.query<{ model: string | null; prompt_version: string | null }>(
        'SELECT model, prompt_version FROM summary_sections WHERE request_id = $1 AND section_id = $2',
        [input.requestId, input.sectionId],
      );
      if (!section)
        throw new ApiError('bad_request', `sectionId: this summary has no section "${input.sectionId}"`);
      model = section.model;
      promptVersion = section.prompt_version;
    }
    const [row] = await q.query<{ id: number }>(
      `INSERT INTO feedback (request_id, user_id, account_id, section_id, rating, reason, comment, model, prompt_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        input.requestId,
        userId,
        request.account_id,
        input.sectionId ?? null,
        input.rating,
        input.reason ?? null,
        input.comment?.trim() || null,
        model,
        promptVersion,
      ],
    );
    return { id: row!.id };
  });
}
