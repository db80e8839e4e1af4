import type { ingestAll } from './retrieval.ts';
import { mean, quantile, table } from './stats.ts';

export interface Samples {
  ms: number[];
  recall: number[];
  rows: number[];
}

/** Prints the ingest and query tables (ratios against the exact scan) and one JSON line. */
export function report(r: {
  chunks: number;
  accounts: number;
  visible: number;
  queries: number;
  k: number;
  ingest: Awaited<ReturnType<typeof ingestAll>>;
  results: Record<string, Samples>;
}) {
  const exactP50 = quantile(r.results.exact!.ms, 0.5);
  const summary = Object.fromEntries(
    Object.entries(r.results).map(([name, x]) => [
      name,
      {
        p50Ms: quantile(x.ms, 0.5),
        p95Ms: quantile(x.ms, 0.95),
        recallAt10: x.recall.length ? mean(x.recall) : null,
        rowsPerQuery: mean(x.rows),
        p50VsExact: quantile(x.ms, 0.5) / exactP50,
      },
    ]),
  );
  const f = (n: number | null, d = 1) => (n === null ? '—' : n.toFixed(d));
  console.log(
    `\nretrieval: ${r.chunks.toLocaleString('en')} chunks, ${r.accounts} accounts (user sees ${r.visible}), ${r.queries} queries, top-${r.k}, ${process.arch} Node ${process.version}\n`,
  );
  console.log(
    table(
      ['ingest', 'chunks', 'chunks/s'],
      [
        ['pipeline, HNSW index in place', String(r.ingest.steadyChunks), f(r.ingest.steadyPerSec, 0)],
        ['pipeline, no index (bulk load)', String(r.ingest.bulkChunks), f(r.ingest.bulkPerSec, 0)],
        [
          `bulk load + HNSW build (${f(r.ingest.hnswBuildSec)} s)`,
          String(r.ingest.bulkChunks),
          f(r.ingest.bulkWithBuildPerSec, 0),
        ],
      ],
    ),
  );
  console.log();
  console.log(
    table(
      ['query (account filter, RLS on)', 'p50 ms', 'p95 ms', 'recall@10', 'rows', 'p50 vs exact'],
      Object.entries(summary).map(([name, s]) => [
        name,
        f(s.p50Ms, 2),
        f(s.p95Ms, 2),
        f(s.recallAt10, 3),
        f(s.rowsPerQuery, 1),
        `${f(s.p50VsExact, 2)}×`,
      ]),
    ),
  );
  console.log(
    `\n${JSON.stringify({ bench: 'retrieval', chunks: r.chunks, accounts: r.accounts, ingest: r.ingest, queries: summary })}`,
  );
}
