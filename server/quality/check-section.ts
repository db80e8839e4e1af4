import type { Checks, Citation } from '../../shared/api.ts';
import type { Embedder } from '../retrieval/embedder.ts';
import { checkCitations } from './citations-check.ts';
import { checkNumbers } from './numbers-check.ts';
import { referenceText, textMetrics } from './text-metrics.ts';

/**
 * Runs the quality guard on one section's output: numbers against the facts the section was given,
 * citations against the sources shown with it. These two decide whether the section passes.
 */
export function checkSection(markdown: string, input: unknown, citations: readonly Citation[]): Checks {
  return { numbers: checkNumbers(markdown, input), citations: checkCitations(markdown, citations) };
}

export interface MetricsOptions {
  /**
   * The rendered prompt the output was written from. Its `<data>` block (the facts as the model
   * read them, figures formatted as it was told to copy them) is the reference text of the
   * metrics; without a prompt the reference is `input`'s text values.
   */
  prompt?: string;
  /** Embedder for the cosine; default the local lexical embedder. */
  embedder?: Embedder;
}

/**
 * `checkSection` plus `metrics` (cosine, BLEU, ROUGE-1/2/L of the output against its input).
 * Async because embedders are. The metrics are informational: if they cannot be computed (an
 * embedder fails) they are left out and the section is still checked; never rejects.
 */
export async function checkSectionWithMetrics(
  markdown: string,
  input: unknown,
  citations: readonly Citation[],
  options: MetricsOptions = {},
): Promise<Checks> {
  const checks = checkSection(markdown, input, citations);
  try {
    const { metrics } = await textMetrics(markdown, referenceText(options.prompt ?? input), options.embedder);
    return { ...checks, metrics };
  } catch {
    return checks;
  }
}
