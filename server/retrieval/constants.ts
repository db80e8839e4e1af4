/**
 * Sizes fixed by the schema and the design. EMBEDDING_DIMENSIONS must equal the `vector(512)` of
 * migration 002_chunks: 512 is a size Titan Text Embeddings v2 produces (256/512/1024) and roomy
 * enough for the hashed local embedding, so either provider fills the same column.
 */
export const EMBEDDING_DIMENSIONS = 512;

/** Chunk length and overlap in tokens of TOKENIZER (DESIGN §3). */
export const CHUNK_TOKENS = 1200;
export const CHUNK_OVERLAP_TOKENS = 50;

/**
 * o200k_base (GPT-4o family): a real BPE vocabulary that is markedly more compact than cl100k on
 * non-English text. Bedrock models count slightly differently, so budgets keep some headroom.
 */
export const TOKENIZER = 'o200k_base';

/**
 * Bumped when cleaning or chunking changes, so every document is re-chunked once (it is part of
 * the fingerprint stored in document_index).
 */
export const CHUNKER_VERSION = 'c1';
