import type { SectionId } from '../../shared/sections.ts';
import type { Database } from '../data/db.ts';
import type { SectionEngine } from '../llm/engine.ts';
import { checkSection } from '../quality/check-section.ts';
import { compactCitations } from '../quality/compact-citations.ts';
import { type FailurePhase, logLine, SectionTimeoutError, userMessage } from './failures.ts';
import { buildPromptContext } from './prompt-context.ts';
import { type PromptFile, renderPrompt } from './prompt-files.ts';
import { loadSectionData } from './section-data.ts';
import { markSectionRunning, saveSectionDone, saveSectionFailed } from './section-writes.ts';

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
}

/**
 * One section end to end: mark running and read its facts in one short RLS transaction, render the
 * prompt, call the engine outside any transaction, check and save. Never rejects: a failure is
 * saved on the section and reported as 'failed'; a vanished request is 'gone'.
 */
export async function runSection(run: SectionRun): Promise<SectionRunResult> {
  const started = performance.now();
  let phase: FailurePhase = 'prompts';
  let promptVersion: string | null = null;
  try {
    const file = (await run.prompts)[run.sectionId];
    promptVersion = file.version;
    phase = 'data';
    const data = await run.db.asUser(run.userId, async (q) =>
      (await markSectionRunning(q, run.requestId, run.sectionId))
        ? loadSectionData(q, {
            sectionId: run.sectionId,
            accountId: run.accountId,
            kinds: file.data,
            publicUrl: run.publicUrl,
            now: run.now,
          })
        : null,
    );
    if (!data) return 'gone';
    phase = 'prompt';
    const prompt = renderPrompt(file, buildPromptContext(data));
    phase = 'engine';
    const written = await withTimeout(run.timeoutMs, (signal) =>
      run.engine.write({
        sectionId: run.sectionId,
        title: file.title,
        prompt,
        data,
        tier: file.tier,
        maxOutputTokens: file.maxOutputTokens,
        signal,
      }),
    );
    const { markdown, citations } = compactCitations(written.markdown.trim(), data.sources);
    phase = 'save';
    const saved = await run.db.asUser(run.userId, (q) =>
      saveSectionDone(q, run.requestId, run.sectionId, {
        markdown,
        citations,
        checks: checkSection(markdown, data, citations),
        chart: run.sectionId === 'consumption' && data.usage?.products.length ? data.usage.chart : null,
        model: written.model,
        promptVersion: file.version,
        latencyMs: performance.now() - started,
      }),
    );
    return saved ? 'done' : 'gone';
  } catch (error) {
    run.log(`summary ${run.requestId} section ${run.sectionId} failed in ${phase}: ${logLine(error)}`);
    try {
      const saved = await run.db.asUser(run.userId, (q) =>
        saveSectionFailed(q, run.requestId, run.sectionId, {
          error: userMessage(phase, error),
          promptVersion,
          latencyMs: performance.now() - started,
        }),
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

/** Runs fn with an abort signal that fires after ms; rejects with SectionTimeoutError then. */
async function withTimeout<T>(ms: number, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new SectionTimeoutError(ms));
    }, ms);
  });
  try {
    return await Promise.race([fn(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
