import type { SectionId } from '../../shared/sections.ts';
import type { Database, Queryable } from '../data/db.ts';
import type { SectionEngine } from '../llm/engine.ts';
import { currentLog } from '../observability/logger.ts';
import type { RetrievalProviders } from '../retrieval/providers.ts';
import { logLine } from './failures.ts';
import { loadPromptFiles } from './prompt-files.ts';
import { runSection, type SectionRunResult } from './run-section.ts';
import { endRequest, markRequestRunning } from './section-writes.ts';
import { createSummaryReads } from './summary-reads.ts';

/** What a section shows when its run was cut short by a server error (e.g. the database went away). */
// These transactions issue all their statements at once: COMMIT goes with them (server/data/pipeline.ts).
const ONE_MESSAGE = { oneMessage: true } as const;

export const INTERRUPTED = 'Generation was interrupted by a server error. Try again.';

export interface GenerateSummaryDeps {
  db: Database;
  engine: SectionEngine;
  /** Base URL of this server; citation links point into its demo CRM. */
  publicUrl: string;
  /** Document retrieval providers; absent = documents ranked by SQL. */
  retrieval?: RetrievalProviders | null;
  /** Per-section limit for the engine call (default 60 s). */
  sectionTimeoutMs?: number;
  /** Folder of prompt files (default: the repository's prompts/). */
  promptsDir?: string;
  now?: () => Date;
  /** Receives one line per failure; never generated text. Defaults to the scoped logger (warn). */
  log?: (line: string) => void;
  /** Told as each section settles: its outcome and how long it took (metrics). */
  onSection?: (sectionId: SectionId, result: SectionRunResult, ms: number) => void;
}

export interface GenerateSummaryInput {
  requestId: string;
  userId: string;
  accountId: string;
  sections: SectionId[];
}

/**
 * Fills a summary request whose rows the caller already inserted (request and sections 'pending').
 * Marks the request running, runs every section not yet done or failed in parallel (each reads its
 * own facts in its own RLS transaction and is saved the moment it finishes), then sets the request
 * to done, partial or failed. A resumed run (server/queue) so redoes only what a stopped one left.
 * Meant to be called without awaiting: it never rejects, a failing section never fails the others,
 * and if the request disappears (expired, deleted, no longer visible) it stops quietly.
 * Resolves false when the request could not even be ended (the database is still away): the queue
 * then hands the job back for another run instead of completing it.
 */
export async function generateSummary(
  deps: GenerateSummaryDeps,
  input: GenerateSummaryInput,
): Promise<boolean> {
  const log = deps.log ?? ((line: string) => currentLog().warn(line));
  try {
    const { db } = deps;
    const { userId, requestId } = input;
    // A resumed run (a job taken over from a worker that stopped) keeps the sections already finished.
    const finished = await db.asUser(
      userId,
      async (q) => {
        // Issued together (one round trip); the sections read is dropped when the request is gone.
        const [running, done] = await Promise.all([
          markRequestRunning(q, requestId),
          finishedSections(q, requestId),
        ]);
        return running ? done : null;
      },
      ONE_MESSAGE,
    );
    if (!finished) return true;
    const now = deps.now?.() ?? new Date();
    const prompts = loadPromptFiles(deps.promptsDir);
    // Handled per section (each reports its own failure); this only keeps the rejection observed.
    prompts.catch(() => {});
    // The sections' facts are read once for all of them (one transaction for the account, its focus
    // and every structured kind; one retrieval and one read for the documents): summary-reads.ts.
    const toRun = input.sections.filter((sectionId) => !finished.has(sectionId));
    const files = await prompts.catch(() => null);
    const summary = files ? createSummaryReads(requestId, toRun, files) : undefined;
    const results: SectionRunResult[] = await Promise.all(
      toRun.map(async (sectionId) => {
        const started = performance.now();
        const result = await runSection({
          db,
          engine: deps.engine,
          publicUrl: deps.publicUrl,
          requestId,
          userId,
          accountId: input.accountId,
          sectionId,
          prompts,
          retrieval: deps.retrieval ?? null,
          timeoutMs: deps.sectionTimeoutMs ?? 60_000,
          now,
          log,
          summary,
        });
        deps.onSection?.(sectionId, result, performance.now() - started);
        return result;
      }),
    );
    if (results.includes('gone')) return true;
    // A section whose outcome could not be saved (the database went away) is still running there.
    await db.asUser(userId, (q) => endRequest(q, requestId, input.sections, INTERRUPTED), ONE_MESSAGE);
    return true;
  } catch (error) {
    log(`summary ${input.requestId} stopped: ${logLine(error)}`);
    // Best effort: a request stuck in 'running' would leave the panel waiting until it expires.
    // When even this fails (the database is still down), the queue hands the job back for a retry.
    return deps.db
      .asUser(input.userId, (q) => endRequest(q, input.requestId, input.sections, INTERRUPTED), ONE_MESSAGE)
      .then(() => true)
      .catch(() => false);
  }
}

async function finishedSections(q: Queryable, requestId: string): Promise<Set<string>> {
  const rows = await q.query<{ section_id: string }>(
    `SELECT section_id FROM summary_sections WHERE request_id = $1 AND status IN ('done', 'failed')`,
    [requestId],
  );
  return new Set(rows.map((r) => r.section_id));
}
