/**
 * A candidate and its references as numbers instead of strings, so the metrics compare tokens by
 * one integer test and index arrays by token: n-gram counting (ngram-overlap.ts) and the LCS of
 * ROUGE-L (rouge.ts) share one encoding, and each token string is hashed once.
 */
export interface TokenIds {
  /** The candidate's tokens as ids 0..vocabularySize − 1, numbered in order of first use. */
  candidate: number[];
  /** Each reference's tokens by the same ids; -1 for a token the candidate never uses. */
  references: number[][];
  /** How many distinct tokens the candidate has. */
  vocabularySize: number;
}

/**
 * Encodes the tokens by the candidate's vocabulary only: every metric here counts what the
 * candidate shares with a reference, and a token the candidate lacks can match nothing.
 */
export function tokenIds(candidate: readonly string[], references: readonly (readonly string[])[]): TokenIds {
  const vocabulary = new Map<string, number>();
  for (const token of candidate) if (!vocabulary.has(token)) vocabulary.set(token, vocabulary.size);
  const encode = (tokens: readonly string[]) => {
    const ids = zeros(tokens.length);
    for (let i = 0; i < tokens.length; i++) ids[i] = vocabulary.get(tokens[i]!) ?? -1;
    return ids;
  };
  return {
    candidate: encode(candidate),
    references: references.map(encode),
    vocabularySize: vocabulary.size,
  };
}

/**
 * Plain arrays of small integers, not Int32Array: these are short-lived, and a typed array of more
 * than a few elements gets a separately allocated backing store that costs more than the work.
 */
export function zeros(length: number): number[] {
  return new Array<number>(length).fill(0);
}
