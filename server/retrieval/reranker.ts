/** A relevance score for one document of the list given to rerank(). */
export interface RerankScore {
  /** Position in the input list. */
  index: number;
  /** Higher is more relevant; comparable only within one call. */
  score: number;
}

/**
 * Orders candidate passages by relevance to a query. Implementations: the local lexical scorer
 * (default, offline) and Amazon Bedrock Rerank (a cross-encoder).
 */
export interface Reranker {
  readonly id: string;
  /** The best `topN` documents, most relevant first. Never call inside a database transaction. */
  rerank(query: string, documents: readonly string[], topN: number): Promise<RerankScore[]>;
}
