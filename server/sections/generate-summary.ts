import type { RequestStatus } from '../../shared/api.ts';
import type { SectionId } from '../../shared/sections.ts';
import type { Database } from '../data/db.ts';
import type { SectionEngine } from '../llm/engine.ts';
import type { RetrievalProviders } from '../retrieval/providers.ts';
import { logLine } from './failures.ts';
import { loadPromptFiles } from './prompt-files.ts';
import { runSection, type SectionRunResult } from './run-section.ts';
import { finishRequest, markRequestRunning } from './section-writes.ts';

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
  /** Receives one line per failure; never generated text. Defaults to console.warn. */
  log?: (line: string) => void;
}

export interface GenerateSummaryInput {
  requestId: string;
  userId: string;
  accountId: string;
  sections: SectionId[];
}

/**
 * Fills a summary request whose rows the caller already inserted (request and sections 'pending').
 * Marks the request running, runs every section in parallel (each reads its own facts in its own
 * RLS transaction and is saved the moment it finishes), then sets the request to done, partial or
 * failed. Meant to be called without awaiting: it never rejects, a failing section never fails the
 * others, and if the request disappears (expired, deleted, no longer visible) it stops quietly.
 */
export async function generateSummary(deps: GenerateSummaryDeps, input: GenerateSummaryInput): Promise<void> {
  const log = deps.log ?? ((line: string) => console.warn(line));
  try {
    const { db } = deps;
    const { userId, requestId } = input;
    if (!(await db.asUser(userId, (q) => markRequestRunning(q, requestId)))) return;
    const now = deps.now?.() ?? new Date();
    const prompts = loadPromptFiles(deps.promptsDir);
    // Handled per section (each reports its own failure); this only keeps the rejection observed.
    prompts.catch(() => {});
    const results: SectionRunResult[] = await Promise.all(
      input.sections.map((sectionId) =>
        runSection({
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
        }),
      ),
    );
    if (results.includes('gone')) return;
    await db.asUser(userId, (q) => finishRequest(q, requestId, finalStatus(results)));
  } catch (error) {
    log(`summary ${input.requestId} stopped: ${logLine(error)}`);
    // Best effort: a request stuck in 'running' would leave the panel waiting until it expires.
    await deps.db
      .asUser(input.userId, (q) => finishRequest(q, input.requestId, 'failed'))
      .catch(() => undefined);
  }
}

function finalStatus(results: SectionRunResult[]): RequestStatus {
  const done = results.filter((r) => r === 'done').length;
  if (done === results.length) return 'done';
  return done === 0 ? 'failed' : 'partial';
}
