import { createHash } from 'node:crypto';
import { awsError, type BedrockCall, type Reply } from './bedrock-wire.ts';

// Default route handlers of the local Bedrock server: deterministic stand-ins for the models.

const TITAN_V2 = /^amazon\.titan-embed-text-v2/;

/** InvokeModel for Titan Text Embeddings v2 (`{inputText, dimensions, normalize}`). */
export function invokeModel(call: BedrockCall): Reply {
  const modelId = call.params.modelId!;
  if (!TITAN_V2.test(modelId))
    return awsError(400, 'ValidationException', 'The provided model identifier is invalid.');
  const body = call.body as { inputText?: unknown; dimensions?: unknown; normalize?: unknown } | undefined;
  const dimensions = body?.dimensions ?? 1024;
  if (typeof body?.inputText !== 'string' || !body.inputText.trim()) {
    return awsError(400, 'ValidationException', 'Malformed input request: inputText is required');
  }
  if (dimensions !== 256 && dimensions !== 512 && dimensions !== 1024) {
    return awsError(
      400,
      'ValidationException',
      `Malformed input request: dimensions must be 256, 512 or 1024`,
    );
  }
  const embedding = fakeEmbedding(body.inputText, dimensions, body.normalize !== false);
  const tokens = body.inputText.split(/\s+/).filter(Boolean).length;
  return {
    headers: { 'x-amzn-bedrock-input-token-count': String(tokens) },
    body: { embedding, embeddingsByType: { float: embedding }, inputTextTokenCount: tokens },
  };
}

/**
 * A stand-in for Titan's vectors: hashed character trigrams of the words (not the local lexical
 * embedder's features, so tests can tell which one produced a vector), similar text → close vectors.
 */
export function fakeEmbedding(text: string, dimensions: number, normalize = true): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const digest = createHash('md5')
        .update(padded.slice(i, i + 3))
        .digest();
      vector[digest.readUInt32LE(0) % dimensions]! += digest[4]! & 1 ? 1 : -1;
    }
  }
  const norm = Math.hypot(...vector) || 1;
  return normalize ? vector.map((v) => v / norm) : vector;
}

/** bedrock-agent-runtime Rerank with a BEDROCK_RERANKING_MODEL configuration. */
export function rerank(call: BedrockCall): Reply {
  const body = call.body as
    | {
        queries?: { textQuery?: { text?: string } }[];
        sources?: { inlineDocumentSource?: { textDocument?: { text?: string } } }[];
        rerankingConfiguration?: {
          bedrockRerankingConfiguration?: {
            numberOfResults?: number;
            modelConfiguration?: { modelArn?: string };
          };
        };
      }
    | undefined;
  const query = body?.queries?.[0]?.textQuery?.text;
  const config = body?.rerankingConfiguration?.bedrockRerankingConfiguration;
  if (!query || !body?.sources?.length || !config?.modelConfiguration?.modelArn) {
    return awsError(400, 'ValidationException', 'queries, sources and a modelArn are required');
  }
  const words = new Set(query.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []);
  // A crude cross-encoder: the share of query words a passage contains, in (0, 1).
  const results = body.sources
    .map((s, index) => {
      const text = new Set(
        s.inlineDocumentSource?.textDocument?.text?.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [],
      );
      const hits = [...words].filter((w) => text.has(w)).length;
      return { index, relevanceScore: (hits + 0.01) / (words.size + 0.02) };
    })
    .sort((a, b) => b.relevanceScore - a.relevanceScore || a.index - b.index)
    .slice(0, config.numberOfResults ?? body.sources.length);
  return { body: { results } };
}
