import type { Checks } from '../../shared/api.ts';
import type { Embedder } from '../retrieval/embedder.ts';
import { bleu } from './bleu.ts';
import { embeddingCosine } from './cosine.ts';
import { rougeL, rougeN } from './rouge.ts';
import { metricTokens } from './tokenize-for-metrics.ts';

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
  const output = metricTokens(markdown);
  const input = metricTokens(reference);
  const b = bleu(output, [input]);
  return {
    metrics: {
      cosine: round(await embeddingCosine(markdown, reference, embedder)),
      bleu: round(b.score),
      rouge1: round(rougeN(output, input, 1).f1),
      rouge2: round(rougeN(output, input, 2).f1),
      rougeL: round(rougeL(output, input).f1),
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
