import { parseArgs } from 'node:util';
import { type Database, openDatabase } from '../server/data/db.ts';
import { indexDocuments } from '../server/ingest/index-documents.ts';
import { vectorLiteral } from '../server/retrieval/embedder.ts';
import { createLocalLexicalEmbedder } from '../server/retrieval/local-lexical-embedder.ts';
import { retrieve } from '../server/retrieval/search.ts';
import { type Hit, recallAt, STRATEGIES, type Strategy } from './retrieval-queries.ts';
import { report } from './retrieval-report.ts';
import { rng, timed } from './stats.ts';
import { type CorpusOptions, insertAccounts, insertDocuments, queryText } from './synthetic-corpus.ts';

const USER = 'bench@example.com';
const HNSW = 'CREATE INDEX chunks_embedding ON chunks USING hnsw (embedding vector_cosine_ops)';

/**
 * `npm run bench -- retrieval [--chunks 10000] [--accounts N] [--visible 25] [--queries 100]
 * [--incremental 2000] [--data-dir DIR]`: ingest throughput, filtered top-10 latency and recall@10
 * against an exact scan, in PGlite with the production schema, indexing and k-NN code.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      chunks: { type: 'string', default: '10000' },
      accounts: { type: 'string' },
      visible: { type: 'string', default: '25' },
      queries: { type: 'string', default: '100' },
      incremental: { type: 'string', default: '2000' },
      'data-dir': { type: 'string' },
    },
  });
  const chunks = Number(values.chunks);
  const corpus: CorpusOptions = {
    chunks,
    accounts: Number(values.accounts ?? Math.max(20, Math.round(chunks / 100))),
    globalShare: 0.01,
    seed: 42,
  };
  const queries = Number(values.queries);
  const k = 10;
  const db = await openDatabase(values['data-dir'] ? { dataDir: values['data-dir'] } : { memory: true });
  const visible = await insertAccounts(db, USER, corpus.accounts, Number(values.visible));
  const ingest = await ingestAll(db, corpus, Math.min(chunks, Number(values.incremental)));

  const random = rng(7);
  const embedder = createLocalLexicalEmbedder();
  const samples = await Promise.all(
    Array.from({ length: queries }, async () => {
      const text = queryText(random);
      const [v] = await embedder.embed([text]);
      return { text, v: vectorLiteral(v!), account: visible[Math.floor(random() * visible.length)]! };
    }),
  );
  const results: Record<string, { ms: number[]; recall: number[]; rows: number[] }> = {};
  const exact: Hit[][] = [];
  for (const s of samples.slice(0, 5)) await STRATEGIES.ours(db, USER, s.v, s.account, k); // warm-up
  for (const name of ['exact', 'ours', 'naive', 'hnswPostFilter'] as Strategy[]) {
    const r = { ms: [] as number[], recall: [] as number[], rows: [] as number[] };
    results[name] = r;
    for (const [i, s] of samples.entries()) {
      const { ms, value } = await timed(() => STRATEGIES[name](db, USER, s.v, s.account, k));
      if (name === 'exact') exact[i] = value;
      r.ms.push(ms);
      r.rows.push(value.length);
      r.recall.push(recallAt(value, exact[i]!));
    }
  }
  const e2e = { ms: [] as number[], recall: [] as number[], rows: [] as number[] };
  for (const s of samples) {
    const { ms, value } = await timed(() => retrieve(db, USER, { query: s.text, accountId: s.account, k }));
    e2e.ms.push(ms);
    e2e.rows.push(value.length);
  }
  results['retrieve() end to end'] = e2e;
  await db.close();
  report({ chunks, accounts: corpus.accounts, visible: visible.length, queries, k, ingest, results });
}

/** Phase 1 indexes with the HNSW index in place (steady state); phase 2 bulk-loads, then builds it. */
export async function ingestAll(db: Database, corpus: CorpusOptions, incremental: number) {
  const embedder = createLocalLexicalEmbedder();
  await insertDocuments(db, corpus, 0, incremental);
  const steady = await timed(() => indexDocuments(db, embedder, { batchChunks: 500 }));
  const rest = corpus.chunks - incremental;
  let bulkMs = 0;
  let buildMs = 0;
  if (rest > 0) {
    await db.asSystem((q) => q.query('DROP INDEX chunks_embedding'));
    for (let from = incremental; from < corpus.chunks; from += 10_000) {
      await insertDocuments(db, corpus, from, Math.min(10_000, corpus.chunks - from));
    }
    bulkMs = (await timed(() => indexDocuments(db, embedder, { batchChunks: 1000 }))).ms;
    // The graph must fit in maintenance_work_mem (64 MB by default) or the build spills and runs
    // several times slower: ~230 MB for 100k × 512 dimensions.
    buildMs = (
      await timed(() =>
        db.asSystem(async (q) => {
          await q.query("SET LOCAL maintenance_work_mem = '512MB'");
          await q.query(HNSW);
        }),
      )
    ).ms;
  }
  return {
    steadyChunks: steady.value.chunksWritten,
    steadyPerSec: steady.value.chunksWritten / (steady.ms / 1000),
    bulkChunks: rest,
    bulkPerSec: rest ? rest / (bulkMs / 1000) : null,
    hnswBuildSec: buildMs / 1000,
    bulkWithBuildPerSec: rest ? rest / ((bulkMs + buildMs) / 1000) : null,
  };
}
