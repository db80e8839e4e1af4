import type { Checks, Citation, SpendChart } from '../../shared/api.ts';
import type { SectionId } from '../../shared/sections.ts';
import type { Queryable } from '../data/db.ts';

/**
 * The writes generation makes, each in the caller's RLS transaction. Each returns false when the
 * row is gone (request expired, deleted, or no longer visible), which means: stop quietly.
 */

/** pending → running for the request. */
export async function markRequestRunning(q: Queryable, requestId: string): Promise<boolean> {
  const rows = await q.query(
    `UPDATE summary_requests SET status = 'running' WHERE id = $1 AND status IN ('pending', 'running') RETURNING id`,
    [requestId],
  );
  return rows.length > 0;
}

/** pending → running for one section (running again when a run is resumed). */
export async function markSectionRunning(
  q: Queryable,
  requestId: string,
  sectionId: SectionId,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE summary_sections SET status = 'running', error = NULL
      WHERE request_id = $1 AND section_id = $2 AND status IN ('pending', 'running') RETURNING section_id`,
    [requestId, sectionId],
  );
  return rows.length > 0;
}

/** pending → running for the sections of a run at once; the ones still there (not gone). */
export async function markSectionsRunning(
  q: Queryable,
  requestId: string,
  sectionIds: readonly SectionId[],
): Promise<ReadonlySet<string>> {
  const rows = await q.query<{ section_id: string }>(
    `UPDATE summary_sections SET status = 'running', error = NULL
      WHERE request_id = $1 AND section_id = ANY($2::text[]) AND status IN ('pending', 'running')
      RETURNING section_id`,
    [requestId, sectionIds],
  );
  return new Set(rows.map((r) => r.section_id));
}

export interface SectionOutcome {
  markdown: string;
  citations: Citation[];
  checks: Checks;
  chart: SpendChart | null;
  model: string;
  promptVersion: string;
  latencyMs: number;
}

/** Stores a finished section: text, cited sources, checks, chart, model and timing. */
export async function saveSectionDone(
  q: Queryable,
  requestId: string,
  sectionId: SectionId,
  out: SectionOutcome,
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE summary_sections
        SET status = 'done', markdown = $3, citations = $4::jsonb, checks = $5::jsonb, chart = $6::jsonb,
            model = $7, prompt_version = $8, latency_ms = $9, error = NULL
      WHERE request_id = $1 AND section_id = $2 RETURNING section_id`,
    [
      requestId,
      sectionId,
      out.markdown,
      JSON.stringify(out.citations),
      JSON.stringify(out.checks),
      out.chart ? JSON.stringify(out.chart) : null,
      out.model,
      out.promptVersion,
      Math.round(out.latencyMs),
    ],
  );
  return rows.length > 0;
}

/** Stores a failed section with a message fit for the user. */
export async function saveSectionFailed(
  q: Queryable,
  requestId: string,
  sectionId: SectionId,
  failure: { error: string; promptVersion: string | null; latencyMs: number },
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE summary_sections
        SET status = 'failed', error = $3, prompt_version = $4, latency_ms = $5, markdown = NULL
      WHERE request_id = $1 AND section_id = $2 RETURNING section_id`,
    [requestId, sectionId, failure.error, failure.promptVersion, Math.round(failure.latencyMs)],
  );
  return rows.length > 0;
}

/**
 * Ends a run of `sections`: any of them still pending or running (its outcome could not be saved,
 * or the run was interrupted) is failed with `unfinished`; then the request is done (every section
 * done), partial (some) or failed (none), as its rows say — or stays running while sections outside
 * this run are still unfinished (another run owns them).
 */
export async function endRequest(
  q: Queryable,
  requestId: string,
  sections: readonly string[],
  unfinished: string,
): Promise<boolean> {
  // Issued together (one round trip); PostgreSQL runs them in this order, so the status sees the first.
  const [, rows] = await Promise.all([
    q.query(
      `UPDATE summary_sections SET status = 'failed', error = $3, markdown = NULL
        WHERE request_id = $1 AND section_id = ANY($2::text[]) AND status IN ('pending', 'running')`,
      [requestId, sections, unfinished],
    ),
    q.query(
      `UPDATE summary_requests SET status = (
        SELECT CASE WHEN bool_or(s.status IN ('pending', 'running')) THEN 'running'
                    WHEN bool_and(s.status = 'done') THEN 'done'
                    WHEN bool_or(s.status = 'done') THEN 'partial' ELSE 'failed' END
          FROM summary_sections s WHERE s.request_id = $1)
      WHERE id = $1 RETURNING id`,
      [requestId],
    ),
  ]);
  return rows.length > 0;
}
