import { type BedrockAgentRuntimeClient, RerankCommand } from '@aws-sdk/client-bedrock-agent-runtime';
import type { Reranker } from './reranker.ts';

export interface BedrockRerankerOptions {
  client: BedrockAgentRuntimeClient;
  /** e.g. arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0 */
  modelArn: string;
}

/** Amazon Bedrock Rerank (agent runtime `POST /rerank`): a cross-encoder scores each passage. */
export function createBedrockReranker(options: BedrockRerankerOptions): Reranker {
  return {
    id: `bedrock-rerank:${options.modelArn}`,
    rerank: async (query, documents, topN) => {
      if (documents.length === 0) return [];
      const response = await options.client.send(
        new RerankCommand({
          queries: [{ type: 'TEXT', textQuery: { text: query } }],
          sources: documents.map((text) => ({
            type: 'INLINE',
            inlineDocumentSource: { type: 'TEXT', textDocument: { text } },
          })),
          rerankingConfiguration: {
            type: 'BEDROCK_RERANKING_MODEL',
            bedrockRerankingConfiguration: {
              numberOfResults: Math.min(topN, documents.length),
              modelConfiguration: { modelArn: options.modelArn },
            },
          },
        }),
      );
      return (response.results ?? [])
        .filter((r) => Number.isInteger(r.index) && r.index! >= 0 && r.index! < documents.length)
        .map((r) => ({ index: r.index!, score: r.relevanceScore ?? 0 }))
        .sort((a, b) => b.score - a.score)
        .slice(0, topN);
    },
  };
}
