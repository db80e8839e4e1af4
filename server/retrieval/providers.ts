import { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { Env } from '../env.ts';
import { createBedrockRuntimeClient } from '../llm/bedrock-client.ts';
import { createBedrockReranker } from './bedrock-reranker.ts';
import { createTitanEmbedder } from './bedrock-titan-embedder.ts';
import { EMBEDDING_DIMENSIONS } from './constants.ts';
import type { Embedder } from './embedder.ts';
import { createLocalLexicalEmbedder } from './local-lexical-embedder.ts';
import { createLocalLexicalReranker } from './local-lexical-reranker.ts';
import type { Reranker } from './reranker.ts';

/** The embedder and reranker retrieval and indexing use; reranker null = keep the fused order. */
export interface RetrievalProviders {
  embedder: Embedder;
  reranker: Reranker | null;
}

/** The offline defaults: local lexical embedding and local BM25 reranking. */
export function localProviders(): RetrievalProviders {
  return { embedder: createLocalLexicalEmbedder(), reranker: createLocalLexicalReranker() };
}

type ProviderEnv = Pick<
  Env,
  | 'BEDROCK_REGION'
  | 'BEDROCK_ENDPOINT'
  | 'BEDROCK_HTTP_VERSION'
  | 'BEDROCK_AGENT_ENDPOINT'
  | 'EMBEDDINGS_PROVIDER'
  | 'EMBEDDING_MODEL_ID'
  | 'RERANK_PROVIDER'
  | 'RERANK_MODEL_ARN'
>;

/**
 * Providers chosen by configuration. AWS credentials come from the SDK's default chain (env,
 * profile, instance role); `clients` lets tests pass clients with their own handler or credentials.
 */
export function createRetrievalProviders(
  env: ProviderEnv,
  clients: { runtime?: BedrockRuntimeClient; agent?: BedrockAgentRuntimeClient } = {},
): RetrievalProviders {
  const embedder =
    env.EMBEDDINGS_PROVIDER === 'bedrock'
      ? createTitanEmbedder({
          client:
            clients.runtime ??
            createBedrockRuntimeClient({
              region: env.BEDROCK_REGION,
              endpoint: env.BEDROCK_ENDPOINT,
              httpVersion: env.BEDROCK_HTTP_VERSION,
            }),
          modelId: env.EMBEDDING_MODEL_ID,
          dimensions: EMBEDDING_DIMENSIONS,
        })
      : createLocalLexicalEmbedder();
  let reranker: Reranker | null = null;
  if (env.RERANK_PROVIDER === 'local') reranker = createLocalLexicalReranker();
  if (env.RERANK_PROVIDER === 'bedrock') {
    if (!env.RERANK_MODEL_ARN) throw new Error('RERANK_MODEL_ARN is required when RERANK_PROVIDER=bedrock');
    reranker = createBedrockReranker({
      client:
        clients.agent ??
        new BedrockAgentRuntimeClient({ region: env.BEDROCK_REGION, endpoint: env.BEDROCK_AGENT_ENDPOINT }),
      modelArn: env.RERANK_MODEL_ARN,
    });
  }
  return { embedder, reranker };
}
