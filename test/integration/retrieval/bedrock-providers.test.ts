import { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../server/data/db.ts';
import { parseEnv } from '../../../server/env.ts';
import { indexDocuments } from '../../../server/ingest/index-documents.ts';
import { createRetrievalProviders, type RetrievalProviders } from '../../../server/retrieval/providers.ts';
import { retrieve } from '../../../server/retrieval/search.ts';
import { fakeEmbedding } from '../../support/bedrock-models.ts';
import { type BedrockServer, startBedrockServer } from '../../support/bedrock-server.ts';
import { DOCUMENTS, seedFixture } from './fixture.ts';

const ARN = 'arn:aws:bedrock:us-west-2::foundation-model/amazon.rerank-v1:0';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
let db: Database;
let bedrock: BedrockServer;
let providers: RetrievalProviders;
let runtime: BedrockRuntimeClient;
let agent: BedrockAgentRuntimeClient;

beforeAll(async () => {
  [db, bedrock] = await Promise.all([openDatabase({ memory: true }), startBedrockServer()]);
  await seedFixture(db);
  const env = parseEnv({
    EMBEDDINGS_PROVIDER: 'bedrock',
    RERANK_PROVIDER: 'bedrock',
    RERANK_MODEL_ARN: ARN,
    BEDROCK_ENDPOINT: bedrock.url,
    BEDROCK_AGENT_ENDPOINT: bedrock.url,
  });
  // The SDK's default handlers (HTTP/2 for both clients); only credentials are fixed for the test.
  runtime = new BedrockRuntimeClient({
    region: env.BEDROCK_REGION,
    endpoint: env.BEDROCK_ENDPOINT,
    credentials,
  });
  agent = new BedrockAgentRuntimeClient({
    region: env.BEDROCK_REGION,
    endpoint: env.BEDROCK_AGENT_ENDPOINT,
    credentials,
  });
  providers = createRetrievalProviders(env, { runtime, agent });
});
beforeEach(() => bedrock.reset());
afterAll(async () => {
  runtime?.destroy();
  agent?.destroy();
  await Promise.all([db?.close(), bedrock?.close()]);
});

describe('Titan Text Embeddings v2 through the real SDK', () => {
  it('embeds every chunk with InvokeModel and stores the returned vectors', async () => {
    const summary = await indexDocuments(db, providers.embedder);
    expect(summary).toMatchObject({ indexed: DOCUMENTS.length, chunksWritten: DOCUMENTS.length });
    const calls = bedrock.calls.filter((c) => c.route === 'invoke-model');
    expect(calls).toHaveLength(DOCUMENTS.length);
    expect(calls[0]).toMatchObject({ params: { modelId: 'amazon.titan-embed-text-v2:0' } });
    expect(calls[0]!.body).toMatchObject({ dimensions: 512, normalize: true });
    const [row] = await db.asSystem((q) =>
      q.query<{ title: string; text: string; embedding: string }>(
        "SELECT title, text, embedding::text FROM chunks WHERE document_id = 'kb-credits'",
      ),
    );
    const stored = JSON.parse(row!.embedding) as number[];
    const expected = fakeEmbedding(`${row!.title}\n\n${row!.text}`, 512);
    expect(stored.map((v) => v.toFixed(5))).toEqual(expected.map((v) => v.toFixed(5)));
    expect(await db.asSystem((q) => q.query('SELECT DISTINCT embedder FROM document_index'))).toEqual([
      { embedder: 'bedrock:amazon.titan-embed-text-v2:0/512' },
    ]);
  });

  it('retries a throttled call and succeeds', async () => {
    bedrock.throttle('invoke-model', 2);
    const [vector] = await providers.embedder.embed(['storage renewal']);
    expect(vector).toHaveLength(512);
    expect(bedrock.calls.filter((c) => c.route === 'invoke-model')).toHaveLength(3);
  });

  it('surfaces a model error', async () => {
    bedrock.inject({
      route: 'invoke-model',
      status: 400,
      errorType: 'ValidationException',
      message: 'Input is too long',
    });
    await expect(providers.embedder.embed(['x'])).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Input is too long',
    });
  });

  it('works over HTTP/1.1 too (NodeHttpHandler)', async () => {
    const client = new BedrockRuntimeClient({
      region: 'us-east-1',
      endpoint: bedrock.url,
      credentials,
      requestHandler: new NodeHttpHandler(),
    });
    const { embedder } = createRetrievalProviders(
      parseEnv({ EMBEDDINGS_PROVIDER: 'bedrock', BEDROCK_ENDPOINT: bedrock.url }),
      { runtime: client },
    );
    expect((await embedder.embed(['a', 'b'])).map((v) => v.length)).toEqual([512, 512]);
    client.destroy();
  });
});

describe('retrieval with Titan query embeddings and Bedrock Rerank', () => {
  it('embeds the query, reranks the candidates and returns the reranked order', async () => {
    const hits = await retrieve(
      db,
      'alice@example.com',
      { query: 'archive tier renewal discount', accountId: 'acc-northwind', k: 3 },
      providers,
    );
    expect(hits[0]!.documentId).toBe('nw-note-1');
    expect(bedrock.calls.map((c) => c.route)).toEqual(['invoke-model', 'rerank']);
    const body = bedrock.calls[1]!.body as {
      queries: unknown;
      sources: unknown[];
      rerankingConfiguration: unknown;
    };
    expect(body.queries).toEqual([{ type: 'TEXT', textQuery: { text: 'archive tier renewal discount' } }]);
    expect(body.rerankingConfiguration).toEqual({
      type: 'BEDROCK_RERANKING_MODEL',
      bedrockRerankingConfiguration: { numberOfResults: 3, modelConfiguration: { modelArn: ARN } },
    });
    // RLS holds on this path as well: only alice's account and the knowledge base were candidates.
    expect(body.sources.length).toBe(4);
    expect(JSON.stringify(body.sources)).not.toMatch(/Contoso/);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('retries a throttled rerank, and falls back to the fused order when Rerank keeps failing', async () => {
    bedrock.throttle('rerank', 1);
    const query = { query: 'migration credits program', accountId: 'acc-northwind', k: 2 };
    expect((await retrieve(db, 'alice@example.com', query, providers))[0]!.documentId).toBe('kb-credits');
    expect(bedrock.calls.filter((c) => c.route === 'rerank')).toHaveLength(2);
    bedrock.inject({
      route: 'rerank',
      times: Number.POSITIVE_INFINITY,
      status: 503,
      errorType: 'ServiceUnavailableException',
    });
    const fallback = await retrieve(db, 'alice@example.com', query, providers);
    expect(fallback[0]!.documentId).toBe('kb-credits');
    expect(fallback).toHaveLength(2);
  });
});
