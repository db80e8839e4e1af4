import { randomUUID } from 'node:crypto';
import type { CreateSummaryRequest, RequestStatus } from '../../shared/api.ts';
import { SECTION_IDS, SECTION_TITLES, type SectionId } from '../../shared/sections.ts';
import type { Database } from '../data/db.ts';
import { notFound } from '../http/errors.ts';
import { enqueueJob } from '../queue/jobs.ts';

export interface CreatedRequest {
  requestId: string;
  status: RequestStatus;
  /** False when an unexpired earlier request for the same account and sections was reused. */
  created: boolean;
  sections: SectionId[];
}

/**
 * Records a summary request as the user (RLS: the account must be visible to them) with one
 * pending row per section, or reuses a live one unless `refresh` is set. With `enqueue`, its
 * generation job is queued in the same transaction (server/queue), so no recorded request is lost
 * to a process that stops; without it, the caller generates the request itself.
 */
export async function createSummaryRequest(
  db: Database,
  userId: string,
  input: CreateSummaryRequest,
  ttlSeconds: number,
  options: { enqueue?: boolean } = {},
): Promise<CreatedRequest> {
  // Keep the canonical order and drop duplicates so equal requests compare equal.
  const sections = SECTION_IDS.filter((id) => (input.sections ?? SECTION_IDS).includes(id));
  return db.asUser(userId, async (q) => {
    // The checks go in one round trip and the inserts in another (server/data/pipeline.ts).
    const [visible, [live]] = await Promise.all([
      q.query('SELECT 1 FROM accounts WHERE id = $1', [input.accountId]),
      input.refresh
        ? []
        : q.query<{ id: string; status: RequestStatus }>(
            `SELECT id, status FROM summary_requests
              WHERE account_id = $1 AND sections = $2::text[] AND status <> 'failed' AND expires_at > now()
              ORDER BY created_at DESC LIMIT 1`,
            [input.accountId, sections],
          ),
    ]);
    if (visible.length === 0) throw notFound('account');
    if (live) return { requestId: live.id, status: live.status, created: false, sections };

    const requestId = randomUUID();
    await Promise.all([
      q.query(
        `INSERT INTO summary_requests (id, user_id, account_id, status, sections, expires_at)
         VALUES ($1, $2, $3, 'pending', $4::text[], now() + make_interval(secs => $5))`,
        [requestId, userId, input.accountId, sections, ttlSeconds],
      ),
      q.query(
        `INSERT INTO summary_sections (request_id, section_id, position, title, status)
         SELECT $1, s.id, s.pos, s.title, 'pending'
           FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS s(id, title, pos)`,
        [requestId, sections, sections.map((id) => SECTION_TITLES[id])],
      ),
      options.enqueue && enqueueJob(q, { requestId, userId, accountId: input.accountId, sections }),
      // Nothing follows the inserts: COMMIT goes with them (server/data/pipeline.ts).
      q.query('SELECT 1', [], { last: true }),
    ]);
    return { requestId, status: 'pending', created: true, sections };
  });
}

/** How long the content-free receipt of a request stays, so late feedback can still name its model. */
export const RECEIPT_RETENTION_DAYS = 7;

/**
 * Deletes generated content past its time-to-live (DESIGN.md §6): markdown, citations, checks and
 * chart are erased, leaving only ids, status, model and prompt version; receipts older than the
 * retention period are removed whole. Returns how many sections were erased.
 */
export async function purgeExpiredSummaries(db: Database): Promise<number> {
  return db.asSystem(async (q) => {
    // Jobs first: a run still going share-locks its job before writing sections (same lock order).
    await q.query(
      `DELETE FROM generation_jobs j USING summary_requests r WHERE r.id = j.request_id AND r.expires_at <= now()`,
    );
    const erased = await q.query(
      `UPDATE summary_sections s
          SET markdown = NULL, citations = '[]', checks = '{}', chart = NULL
         FROM summary_requests r
        WHERE r.id = s.request_id AND r.expires_at <= now()
          AND (s.markdown IS NOT NULL OR s.citations <> '[]' OR s.chart IS NOT NULL)
        RETURNING s.request_id`,
    );
    await q.query('DELETE FROM summary_requests WHERE expires_at <= now() - make_interval(days => $1)', [
      RECEIPT_RETENTION_DAYS,
    ]);
    return erased.length;
  });
}
