import { type BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { EMBEDDING_DIMENSIONS } from './constants.ts';
import type { Embedder } from './embedder.ts';

export const TITAN_EMBED_V2 = 'amazon.titan-embed-text-v2:0';

export interface TitanEmbedderOptions {
  client: BedrockRuntimeClient;
  modelId?: string;
  /** 256, 512 or 1024; must equal the chunks.embedding column (EMBEDDING_DIMENSIONS). */
  dimensions?: 256 | 512 | 1024;
  /** Parallel InvokeModel calls (Titan embeds one text per call). */
  concurrency?: number;
}

// Titan v2 accepts up to 50,000 characters (and 8,192 tokens); chunks are far smaller, queries
// are cut here so an oversized one fails soft instead of with a ValidationException.
const MAX_INPUT_CHARS = 50_000;

/**
 * Titan Text Embeddings v2 through InvokeModel (`{inputText, dimensions, normalize: true}`). The
 * SDK retries throttling with backoff itself (standard retry mode).
 */
export function createTitanEmbedder(options: TitanEmbedderOptions): Embedder {
  const modelId = options.modelId ?? TITAN_EMBED_V2;
  const dimensions = options.dimensions ?? EMBEDDING_DIMENSIONS;
  const concurrency = Math.max(1, options.concurrency ?? 4);

  async function embedOne(text: string): Promise<number[]> {
    const response = await options.client.send(
      new InvokeModelCommand({
        modelId,
        contentType: 'application/json',
        accept: 'application/json',
        body: JSON.stringify({ inputText: text.slice(0, MAX_INPUT_CHARS), dimensions, normalize: true }),
      }),
    );
    const parsed = JSON.parse(new TextDecoder().decode(response.body)) as { embedding?: unknown };
    const vector = parsed.embedding;
    if (
      !Array.isArray(vector) ||
      vector.length !== dimensions ||
      !vector.every((v) => typeof v === 'number')
    ) {
      throw new Error(`${modelId} returned no ${dimensions}-dimension embedding`);
    }
    return vector as number[];
  }

  return {
    id: `bedrock:${modelId}/${dimensions}`,
    dimensions,
    embed: async (texts) => {
      const out = new Array<number[]>(texts.length);
      let next = 0;
      const worker = async () => {
        while (next < texts.length) {
          const i = next++;
          out[i] = await embedOne(texts[i]!);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, texts.length) }, worker));
      return out;
    },
  };
}
