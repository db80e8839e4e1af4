/**
 * Turns texts into vectors of a fixed dimension (EMBEDDING_DIMENSIONS). Implementations: the local
 * lexical embedder (default, offline) and Titan Text Embeddings v2 on Amazon Bedrock.
 */
export interface Embedder {
  /**
   * Model and settings, e.g. "local-lexical-v1/512". Stored with each indexed document: a different
   * id means different vectors, so documents are re-embedded when it changes.
   */
  readonly id: string;
  readonly dimensions: number;
  /** One vector per text, in order. Never call inside a database transaction. */
  embed(texts: readonly string[]): Promise<number[][]>;
}

/** A vector as pgvector's text form ('[0.1,0.2]'); bind it as text and cast with ::vector. */
export function vectorLiteral(vector: readonly number[]): string {
  return `[${vector.map((v) => (Number.isFinite(v) ? v : 0)).join(',')}]`;
}

/** Scales a vector to unit length (cosine distance then equals 1 − dot product). */
export function l2Normalize(vector: number[]): number[] {
  let sum = 0;
  for (const v of vector) sum += v * v;
  const norm = Math.sqrt(sum);
  return norm > 0 ? vector.map((v) => v / norm) : vector;
}
