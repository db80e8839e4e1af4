import type { SectionId } from '../../shared/sections.ts';
import type { Database } from '../data/db.ts';
import type { SectionEngine } from '../llm/engine.ts';
import { checkSectionWithMetrics } from '../quality/check-section.ts';
import { compactCitations } from '../quality/compact-citations.ts';
import type { RetrievalProviders } from '../retrieval/providers.ts';
import { type FailurePhase, logLine, userMessage } from './failures.ts';
import { buildPromptContext } from './prompt-context.ts';
import { type PromptFile, renderPrompt } from './prompt-files.ts';
import { readSectionData } from './read-section-data.ts';
import { SectionGoneError } from './section-gone.ts';
import { markSectionRunning, saveSectionDone, saveSectionFailed } from './section-writes.ts';
import type { SummaryReads } from './summary-reads.ts';
import type { SectionData } from './types.ts';
import { writeSection } from './write-section.ts';

// A save is one UPDATE: COMMIT goes with it (server/data/pipeline.ts).
const ONE_MESSAGE = { oneMessage: true } as const;

export type SectionRunResult = 'done' | 'failed' | 'gone';

export interface SectionRun {
  db: Database;
  engine: SectionEngine;
  publicUrl: string;
  requestId: string;
  userId: string;
  accountId: string;
  sectionId: SectionId;
  prompts: Promise<Record<SectionId, PromptFile>>;
  timeoutMs: number;
  /** One instant for the whole request, so every section measures "recent" and "upcoming" alike. */
  now: Date;
  log: (line: string) => void;
  /** Document retrieval providers; null = documents ranked by SQL. */
  retrieval?: RetrievalProviders | null;
  /** Reads made once for all the sections of one summary (see summary-reads.ts). */
  summary?: SummaryReads;
}

/**
 * One section end to end: mark running and read its facts under RLS (structured facts by SQL,
 * documents by retrieval when available), render the prompt, call the engine outside any
 * transaction, check and save. Never rejects: a failure is saved on the section and reported as
 * 'failed'; a vanished request is 'gone'.
 */
export async function runSection(run: SectionRun): Promise<SectionRunResult> {
  const started = performance.now();
  let phase: FailurePhase = 'prompts';
  let promptVersion: string | null = null;
  try {
    const file = (await run.prompts)[run.sectionId];
    promptVersion = file.version;
    phase = 'data';
    let data: SectionData;
    try {
      data = await readSectionData(
        run.db,
        run.userId,
        {
          sectionId: run.sectionId,
          accountId: run.accountId,
          kinds: file.data,
          publicUrl: run.publicUrl,
          now: run.now,
        },
        {
          retrieval: run.retrieval,
          begin: (q) => markSectionRunning(q, run.requestId, run.sectionId),
          log: run.log,
          summary: run.summary,
        },
      );
    } catch (error) {
      if (error instanceof SectionGoneError) return 'gone';
      throw error;
    }
    phase = 'prompt';
    const prompt = renderPrompt(file, buildPromptContext(data));
    phase = 'engine';
    // A model-backed engine's answer with invented figures is regenerated once (write-section.ts).
    const written = await writeSection({
      engine: run.engine,
      input: {
        sectionId: run.sectionId,
        title: file.title,
        prompt,
        data,
        tier: file.tier,
        maxOutputTokens: file.maxOutputTokens,
      },
      timeoutMs: run.timeoutMs,
      log: run.log,
      label: `summary ${run.requestId} section ${run.sectionId}`,
    });
    const { markdown, citations } = compactCitations(written.markdown.trim(), data.sources);
    phase = 'save';
    // Outside the transaction: the metrics' embedder may be a network call.
    const checks = await checkSectionWithMetrics(markdown, data, citations, { prompt });
    const saved = await run.db.asUser(
      run.userId,
      (q) =>
        saveSectionDone(q, run.requestId, run.sectionId, {
          markdown,
          citations,
          checks,
          chart: run.sectionId === 'consumption' && data.usage?.products.length ? data.usage.chart : null,
          model: written.model,
          promptVersion: file.version,
          latencyMs: performance.now() - started,
        }),
      ONE_MESSAGE,
    );
    return saved ? 'done' : 'gone';
  } catch (error) {
    run.log(`summary ${run.requestId} section ${run.sectionId} failed in ${phase}: ${logLine(error)}`);
    try {
      const saved = await run.db.asUser(
        run.userId,
        (q) =>
          saveSectionFailed(q, run.requestId, run.sectionId, {
            error: userMessage(phase, error),
            promptVersion,
            latencyMs: performance.now() - started,
          }),
        ONE_MESSAGE,
      );
      return saved ? 'failed' : 'gone';
    } catch (saveError) {
      run.log(
        `summary ${run.requestId} section ${run.sectionId} could not be marked failed: ${logLine(saveError)}`,
      );
      return 'failed';
    }
  }
}
