import { loadavg } from 'node:os';
import { mean, quantile, table } from '../stats.ts';
import type { FloorRun, SummaryRun } from './summaries.ts';

export interface BatchResult {
  label: string;
  runs: SummaryRun[];
  /** Each summary's I/O floor: its model calls replayed and the database's round trips, alone. */
  floor: FloorRun[];
  /** CPU of the database's own process per summary (database in a separate process only). */
  dbCpuMs?: number;
  /** This process's CPU with no summary running (queue polling, timers), ms a second. */
  idleCpuMsPerSec: number;
}

const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '—');
const spread = (xs: number[]) => ({ p50: quantile(xs, 0.5), p95: quantile(xs, 0.95) });
const slowest = (r: SummaryRun) => Math.max(...r.sections.map((s) => s.modelMs));
const waited = (r: SummaryRun) => Math.max(...r.sections.map((s) => s.writeMs - s.modelMs));

/** Figures of one batch: latency ratio (a), CPU per summary (c), outcome. */
export function summarizeBatch(b: BatchResult) {
  const { runs } = b;
  const sections = runs.flatMap((r) => r.sections);
  const cpu = runs.map((r) => r.cpuMs);
  const net = (r: { cpuMs: number; wallMs: number }) => r.cpuMs - (b.idleCpuMsPerSec * r.wallMs) / 1000;
  const netOfIdle = mean(runs.map(net));
  const floorNetOfIdle = mean(b.floor.map(net));
  return {
    summaries: runs.length,
    wallMs: spread(runs.map((r) => r.wallMs)),
    slowestSectionMs: spread(runs.map(slowest)),
    wallVsSlowest: spread(runs.map((r) => r.wallMs / slowest(r))),
    slowestBeforeMs: spread(runs.map((r) => r.beforeMs)),
    slowestAfterMs: spread(runs.map((r) => r.afterMs)),
    /** Longest wait for a concurrency slot in a summary (p95). */
    limiterWaitMs: quantile(runs.map(waited), 0.95),
    cpuMsPerSummary: {
      mean: mean(cpu),
      p95: quantile(cpu, 0.95),
      kernel: mean(runs.map((r) => r.systemMs)),
      idlePerSec: b.idleCpuMsPerSec,
      netOfIdle,
      /** The same for the I/O alone, and what is left: the application's own CPU. */
      floorNetOfIdle,
      applicationNet: netOfIdle - floorNetOfIdle,
    },
    dbCpuMsPerSummary: b.dbCpuMs ?? null,
    modelCallsPerSummary: sections.reduce((n, s) => n + s.sent.length, 0) / runs.length,
    sectionsDone: runs.reduce((n, r) => n + r.done, 0) / Math.max(1, sections.length),
    sectionsPassed: runs.reduce((n, r) => n + r.passed, 0) / Math.max(1, sections.length),
  };
}

/** Mean answer length and model time per tier, to show what the stand-in models did. */
function answersByTier(runs: SummaryRun[]) {
  const sections = runs.flatMap((r) => r.sections);
  const of = (tier: string) => sections.filter((s) => s.tier === tier);
  const figures = (tier: string) => ({
    tokens: mean(of(tier).map((s) => s.outputTokens)),
    modelMs: mean(of(tier).map((s) => s.modelMs)),
  });
  return { fast: figures('fast'), deep: figures('deep') };
}

/** Prints the latency, speed-up and CPU tables and one JSON line. */
export function report(r: {
  settings: Record<string, unknown>;
  parallel: BatchResult[];
  sequential: { runs: SummaryRun[]; parallel: SummaryRun[] };
}) {
  const batches = r.parallel.map((b) => ({ label: b.label, ...summarizeBatch(b) }));
  const seqMs = mean(r.sequential.runs.map((x) => x.wallMs));
  const parMs = mean(r.sequential.parallel.map((x) => x.wallMs));
  const speedup = { summaries: r.sequential.runs.length, sequentialMs: seqMs, parallelMs: parMs };
  const answers = answersByTier(r.parallel.flatMap((b) => b.runs));
  const load = loadavg().map((l) => l.toFixed(2));
  console.log(`\ngeneration: ${JSON.stringify(r.settings)}`);
  console.log(`load average ${load.join(' ')}, ${process.arch} Node ${process.version}`);
  console.log(
    `model answers (mean): fast tier ${f(answers.fast.tokens)} tokens in ${f(answers.fast.modelMs)} ms, ` +
      `deep tier ${f(answers.deep.tokens)} tokens in ${f(answers.deep.modelMs)} ms\n`,
  );
  const ratioHeader = ['wall p50', 'wall p95', 'slowest p50', 'slowest p95', 'ratio p50', 'ratio p95'];
  console.log(
    table(
      [
        'summary, 6 sections in parallel',
        'n',
        ...ratioHeader,
        'before',
        'after',
        'slot wait',
        'checks passed',
        'target ≤ 1.15 (p50)',
      ],
      batches.map((b) => [
        b.label,
        String(b.summaries),
        f(b.wallMs.p50),
        f(b.wallMs.p95),
        f(b.slowestSectionMs.p50),
        f(b.slowestSectionMs.p95),
        `${f(b.wallVsSlowest.p50, 3)}×`,
        `${f(b.wallVsSlowest.p95, 3)}×`,
        f(b.slowestBeforeMs.p50),
        f(b.slowestAfterMs.p50),
        f(b.limiterWaitMs),
        `${f(b.sectionsPassed * 100)}%`,
        b.wallVsSlowest.p50 <= 1.15 ? 'met' : 'missed',
      ]),
    ),
  );
  console.log(
    "(ms; slowest = the slowest section's model calls, request sent → answer ended; target ratio ≤ 1.15;\n" +
      " before / after (p50) = the rest of the slowest section's path: summary start → its first model\n" +
      ' call (request, job, facts, retrieval, prompt) and its last answer → summary end (checks, save,\n' +
      ' status); slot wait (p95) = longest wait of a section for an LLM_CONCURRENCY slot)\n',
  );
  console.log(
    table(
      ['sections', 'summaries', 'mean wall ms', 'speed-up'],
      [
        ['one after another', String(speedup.summaries), f(seqMs), '1.00×'],
        ['in parallel (same accounts)', String(speedup.summaries), f(parMs), `${f(seqMs / parMs, 2)}×`],
      ],
    ),
  );
  console.log();
  console.log(
    table(
      [
        'server CPU a summary (model time excluded)',
        'mean',
        'p95',
        'kernel',
        'idle/s',
        'net of idle',
        'I/O floor',
        'application',
        'database',
        'target ≤ 20 (net)',
      ],
      batches.map(({ label, cpuMsPerSummary: c, dbCpuMsPerSummary: db }) => [
        label,
        f(c.mean, 1),
        f(c.p95, 1),
        f(c.kernel, 1),
        f(c.idlePerSec, 1),
        f(c.netOfIdle, 1),
        f(c.floorNetOfIdle, 1),
        f(c.applicationNet, 1),
        db === null ? '(in server)' : f(db, 1),
        c.netOfIdle <= 20 ? 'met' : `missed, ×${f(c.netOfIdle / 20, 1)}`,
      ]),
    ),
  );
  console.log(
    '(ms of CPU, user + kernel; idle/s = CPU a second with no summary running (queue polling, timers);\n' +
      " net of idle = mean minus idle/s × the summary's wall time, what a summary adds, judged against the\n" +
      " target; I/O floor = the same summary's model calls replayed through the same client and its\n" +
      ' database round trips as one-message `SELECT 1`s, with no application code, net of idle; application\n' +
      " = net of idle minus the floor; database = the database process's CPU for the summaries alone)",
  );
  const json = {
    bench: 'generation',
    ...r.settings,
    loadavg: load,
    answers,
    batches,
    speedup: { ...speedup, ratio: seqMs / parMs },
  };
  console.log(`\n${JSON.stringify(json)}`);
}
