import type { Checks } from '../../shared/api.ts';
import type { Embedder } from '../retrieval/embedder.ts';
import { bleuOfCounts } from './bleu.ts';
import { cosineOfMetricTexts } from './cosine.ts';
import { ngramOverlapsOfIds } from './ngram-overlap.ts';
import { lcsLengthOfIds, rougeLOfLcs, rougeNOfOverlap } from './rouge.ts';
import { tokenIds } from './token-ids.ts';
import { metricText, tokensOfMetricText } from './tokenize-for-metrics.ts';

export type TextMetrics = NonNullable<Checks['metrics']>;

export interface TextMetricsReport {
  metrics: TextMetrics;
  /** Why the scores are what they are; BLEU's brevity penalty dominates when the input is long. */
  detail: { outputTokens: number; inputTokens: number; bleuPrecisions: number[]; brevityPenalty: number };
}

/**
 * Cosine, BLEU (1–4-grams, brevity penalty, ε smoothing) and ROUGE-1/2/L F1 of an output's
 * markdown against its reference text, all over `metricTokens` (cosine over `metricText`).
 * Rounded to 4 decimals. The output is the candidate and the input the single reference, so the
 * input being far longer than the output lowers BLEU (brevity penalty) and ROUGE (recall).
 */
export async function textMetrics(
  markdown: string,
  reference: string,
  embedder?: Embedder,
): Promise<TextMetricsReport> {
  // Each text is cleaned, tokenized and encoded as token ids once, and its n-grams counted once:
  // BLEU's 1- and 2-gram counts against the single reference are ROUGE-1's and ROUGE-2's overlaps.
  const outputText = metricText(markdown);
  const inputText = metricText(reference);
  const output = tokensOfMetricText(outputText);
  const input = tokensOfMetricText(inputText);
  const ids = tokenIds(output, [input]);
  const counts = ngramOverlapsOfIds(ids, 4);
  const b = bleuOfCounts(counts, output.length, [input.length]);
  const rougeN = (n: number) => rougeNOfOverlap(counts[n - 1]!.matches, output.length, input.length, n);
  const lcs = lcsLengthOfIds(ids.candidate, ids.references[0]!, ids.vocabularySize);
  return {
    metrics: {
      cosine: round(await cosineOfMetricTexts(outputText, inputText, embedder)),
      bleu: round(b.score),
      rouge1: round(rougeN(1).f1),
      rouge2: round(rougeN(2).f1),
      rougeL: round(rougeLOfLcs(lcs, output.length, input.length).f1),
    },
    detail: {
      outputTokens: output.length,
      inputTokens: input.length,
      bleuPrecisions: b.precisions.map(round),
      brevityPenalty: round(b.brevityPenalty),
    },
  };
}

// The template's own tag lines; values inside are escaped, so they cannot forge one.
const DATA_BLOCK = /^<data>\r?\n([\s\S]*?)^<\/data>\r?$/m;

/**
 * The text a section's output is measured against. A string is a rendered prompt or plain text:
 * its `<data>` … `</data>` block (the facts as the model read them) when it has one, otherwise
 * all of it. Anything else is JSON-like facts: its string and number values, one a line.
 */
export function referenceText(input: unknown): string {
  if (typeof input === 'string') {
    const block = DATA_BLOCK.exec(input);
    return block ? block[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>') : input;
  }
  const lines: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string') lines.push(value);
    else if (typeof value === 'number' && Number.isFinite(value)) lines.push(String(value));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(input);
  return lines.join('\n');
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
