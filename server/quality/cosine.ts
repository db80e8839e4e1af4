import type { Embedder } from '../retrieval/embedder.ts';
import { createLocalLexicalEmbedder } from '../retrieval/local-lexical-embedder.ts';
import { metricText } from './tokenize-for-metrics.ts';

const localEmbedder = createLocalLexicalEmbedder();

/** u·v / (|u||v|); 0 when either vector is all zeros (a text with no words). */
export function cosine(u: readonly number[], v: readonly number[]): number {
  let dot = 0;
  let uu = 0;
  let vv = 0;
  for (let i = 0; i < Math.min(u.length, v.length); i++) {
    dot += u[i]! * v[i]!;
    uu += u[i]! * u[i]!;
    vv += v[i]! * v[i]!;
  }
  // Clamped: rounding can carry the cosine of a vector with itself just past 1.
  return uu > 0 && vv > 0 ? Math.max(-1, Math.min(1, dot / Math.sqrt(uu * vv))) : 0;
}

/**
 * Cosine similarity of the embedder's vectors of the output and of the input, both with markup
 * removed first (`metricText`), in [−1, 1]. Default embedder: the offline local lexical one, so
 * the score measures shared words and word pairs, not meaning. Rejects when the embedder does.
 */
export async function embeddingCosine(
  output: string,
  input: string,
  embedder: Embedder = localEmbedder,
): Promise<number> {
  return cosineOfMetricTexts(metricText(output), metricText(input), embedder);
}

/** `embeddingCosine` of texts `metricText` already cleaned (textMetrics tokenizes them too). */
export async function cosineOfMetricTexts(
  output: string,
  input: string,
  embedder: Embedder = localEmbedder,
): Promise<number> {
  const [u, v] = await embedder.embed([output, input]);
  return cosine(u ?? [], v ?? []);
}
