import { quantile, table } from '../stats.ts';
import type { ApiLoad } from './api.ts';
import type { FaultResult } from './faults.ts';
import type { SummaryLoad } from './summaries.ts';

type Peak = { rssMb: number; heapMb: number };
const ms = (v: number) => (Number.isFinite(v) ? String(Math.round(v)) : '—');
const mb = (v: number) => v.toFixed(0);

/** Counts of each distinct value, most frequent first: "done 380, partial 12". */
export function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return (
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .map(([v, n]) => `${v} ${n}`)
      .join(', ') || '—'
  );
}

export function printLoad(
  settings: object,
  memory: { idleRssMb: number; apiPeak: Peak; alive: boolean },
  loads: (SummaryLoad & { peak: Peak })[],
  api: ApiLoad[],
): void {
  console.log('\nSummaries: POST /v1/summaries (refresh) + SSE /events to the end, per concurrency\n');
  const rows = loads.map((l) => {
    const times = l.runs.map((r) => r.ms);
    const ended = l.runs.filter((r) => ['done', 'partial', 'failed'].includes(r.outcome)).length;
    return [
      String(l.connections),
      String(l.runs.length),
      (ended / (l.wallMs / 1000)).toFixed(2),
      ms(quantile(times, 0.5)),
      ms(quantile(times, 0.95)),
      ms(quantile(times, 0.99)),
      String(l.timeouts + l.errors),
      mb(l.peak.rssMb),
      mb(l.peak.heapMb),
    ];
  });
  console.log(
    table(
      [
        'concurrent',
        'summaries',
        'summaries/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'hung/conn err',
        'peak RSS MB',
        'peak heap MB',
      ],
      rows,
    ),
  );
  console.log('\nOutcomes and errors by kind\n');
  console.log(
    table(
      ['concurrent', 'outcomes', 'failed sections (by message)'],
      loads.map((l) => [
        String(l.connections),
        tally(l.runs.map((r) => r.outcome)),
        tally(l.runs.flatMap((r) => r.sectionErrors.map((e) => e.replace(/\d+/g, 'N')))),
      ]),
    ),
  );
  console.log('\nPlain API (50 connections)\n');
  console.log(
    table(
      ['route', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'non-2xx', 'errors'],
      api.map((a) => [
        a.label,
        a.requestsPerSec.toFixed(0),
        String(a.p50),
        String(a.p97_5),
        String(a.p99),
        String(a.non2xx),
        String(a.errors),
      ]),
    ),
  );
  console.log(
    `\nServer RSS idle ${mb(memory.idleRssMb)} MB; during the API runs peak ${mb(memory.apiPeak.rssMb)} MB RSS, ${mb(memory.apiPeak.heapMb)} MB heap; alive at the end: ${memory.alive}`,
  );
  const summary = loads.map(({ runs, ...l }) => ({
    ...l,
    p50: quantile(
      runs.map((r) => r.ms),
      0.5,
    ),
    p95: quantile(
      runs.map((r) => r.ms),
      0.95,
    ),
    p99: quantile(
      runs.map((r) => r.ms),
      0.99,
    ),
    outcomes: tally(runs.map((r) => r.outcome)),
  }));
  console.log(JSON.stringify({ bench: 'load', settings, memory, summaries: summary, api }));
}

export function printFaults(settings: object, results: FaultResult[]): void {
  console.log(
    '\nFaults: every request must end (done, partial, failed, or a JSON 4xx/5xx) in bounded time\n',
  );
  console.log(
    table(
      [
        'fault',
        'requests',
        'outcomes',
        'slowest ms',
        'hung',
        'server alive',
        'after: next summary',
        'errors seen',
      ],
      results.map((r) => [
        r.fault,
        String(r.runs.length),
        tally(r.runs.map((x) => x.outcome)),
        ms(Math.max(...r.runs.map((x) => x.ms))),
        String(r.runs.filter((x) => x.outcome === 'hung').length),
        r.alive ? 'yes' : `NO (${r.exit})`,
        r.after,
        tally(r.runs.flatMap((x) => x.sectionErrors)),
      ]),
    ),
  );
  console.log(
    JSON.stringify({
      bench: 'load-faults',
      settings,
      faults: results.map(({ runs, ...r }) => ({ ...r, outcomes: tally(runs.map((x) => x.outcome)) })),
    }),
  );
}
