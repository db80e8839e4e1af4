import { parseArgs } from 'node:util';
import { parseEnv } from '../server/env.ts';
import { createLogger, withLog } from '../server/observability/logger.ts';
import { allocationProfiled, printAllocations } from './generation/alloc-profile.ts';
import { type Child, startChild } from './generation/child-process.ts';
import { printProfile, profiled } from './generation/cpu-profile.ts';
import type { ModelLatency } from './generation/paced-model.ts';
import { type BatchResult, report } from './generation/report.ts';
import { type Server, startServer } from './generation/server.ts';
import {
  batch,
  type FloorRun,
  idleCpuMsPerSecond,
  ioFloor,
  type Mode,
  type SummaryRun,
  summarize,
} from './generation/summaries.ts';

// Bedrock's default tiers (BEDROCK_MODEL_FAST / _DEEP) with typical streaming latencies.
const defaults = parseEnv({});
const MODELS: Record<string, ModelLatency> = {
  [defaults.BEDROCK_MODEL_FAST]: { firstTokenMs: 350, perTokenMs: 8, jitter: 0.25, bullets: 6 },
  [defaults.BEDROCK_MODEL_DEEP]: { firstTokenMs: 700, perTokenMs: 20, jitter: 0.25, bullets: 5 },
};

/**
 * `npm run bench -- generation [--summaries 8] [--sequential 2] [--accounts 12] [--warmup 2]
 * [--llm-concurrency 8,4] [--stream true|false] [--db both|memory|wire] [--http false|true]
 * [--profile] [--profile-out PREFIX] [--allocations] [--each] [--job-poll-ms 60000]
 * [--floor-round-trips 17] [--bedrock-http 2,1.1]`: whole summaries through the production runtime with the
 * Bedrock engine, against the local Bedrock server in a child process that paces its answers like
 * Nova Lite (fast tier) and Nova Pro (deep tier). Reports (a) a summary's wall time over its
 * slowest section's model time, (b) sections in parallel vs one after another, (c) this process's
 * CPU per summary (the model's time is spent in the child), with PGlite in this process and, as a
 * deployment runs, behind the Postgres wire protocol in another process. The first
 * --llm-concurrency is used throughout; each further one adds an in-process batch with that limit.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      summaries: { type: 'string', default: '8' },
      sequential: { type: 'string', default: '2' },
      accounts: { type: 'string', default: '12' },
      warmup: { type: 'string', default: '2' },
      // The default limit (4, fewer than a summary's 6 sections), then one slot per section.
      'llm-concurrency': { type: 'string', default: `${defaults.LLM_CONCURRENCY},4` },
      stream: { type: 'string', default: defaults.LLM_STREAM },
      db: { type: 'string', default: 'both' },
      http: { type: 'string', default: 'false' },
      profile: { type: 'boolean', default: false },
      allocations: { type: 'boolean', default: false },
      // Prints each summary's CPU and its floor's as they are measured (the tables give means).
      each: { type: 'boolean', default: false },
      // The queue's idle polling is the server's fixed cost, not a summary's, and a summary's job is
      // claimed without it. At the server default (250 ms; idle at 7–26 ms/s, polling included)
      // the idle CPU subtracted over a 4-s summary was larger than the I/O floor and swung (c) by
      // ±40 ms, once to a negative floor; once a minute, idle is 2–9 ms/s and the subtraction small.
      'job-poll-ms': { type: 'string', default: '60000' },
      // A summary's round trips to the database (`npm run bench -- statements`), for the I/O floor.
      'floor-round-trips': { type: 'string', default: '17' },
      // The first is used throughout; each further one adds a wire batch talking to Bedrock that way.
      'bedrock-http': { type: 'string', default: defaults.BEDROCK_HTTP_VERSION },
      'profile-out': { type: 'string' },
    },
  });
  const n = Number(values.summaries);
  const accounts = Number(values.accounts);
  const [concurrency, ...moreConcurrency] = values['llm-concurrency'].split(',').map(Number);
  const httpVersions = values['bedrock-http'].split(',') as ('1.1' | '2')[];
  const envFor = (limit = concurrency) => ({
    BEDROCK_HTTP_VERSION: httpVersions[0]!,
    LLM_CONCURRENCY: String(limit),
    LLM_STREAM: values.stream,
    JOB_POLL_MS: values['job-poll-ms'],
  });
  // The SDK's default credential chain reads these; the local server does not check signatures.
  process.env.AWS_ACCESS_KEY_ID ??= 'bench';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'bench';
  // Node 20 is supported until 2027; the SDK's notice about it would only interrupt the tables.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // Log lines are formatted as in production, then dropped, so the bench prints only its tables.
  const logger = createLogger({ level: defaults.LOG_LEVEL, destination: { write: () => {} } });
  const profiles: (() => Promise<void>)[] = [];
  const parallel: BatchResult[] = [];
  const sequential = { runs: [] as BatchResult['runs'], parallel: [] as BatchResult['runs'] };

  /**
   * Warm-up, idle CPU, a second warm-up, n summaries, then each one's I/O floor (its model calls
   * replayed and the database's round trips, nothing else); profiled once more
   * afterwards with --profile. The second warm-up is there because V8's memory reducer fires some
   * seconds into the idle measurement's quiet time: its full collections (three, ~90 ms of the
   * main thread, in a --trace-gc run) landed inside the first measured summary.
   */
  async function measure(server: Server, label: string, mode: Mode, db?: Child<unknown>) {
    await batch(server, Number(values.warmup), accounts, mode);
    const idleCpuMsPerSec = await idleCpuMsPerSecond();
    await batch(server, 2, accounts, mode);
    const before = await db?.cpuMs();
    const runs: SummaryRun[] = [];
    for (let i = 0; i < n; i++) runs.push(await summarize(server, (i % accounts) + 1, mode));
    const dbCpuMs = db ? ((await db.cpuMs()) - before!) / n : undefined;
    // After the batch, so the summaries are measured exactly as without it.
    const floor: FloorRun[] = [];
    const roundTrips = Number(values['floor-round-trips']);
    // One unmeasured replay first: the first one compiles the replay path and cost 2–3× the rest.
    await ioFloor(
      server,
      runs[0]!.sections.flatMap((s) => s.sent),
      roundTrips,
    );
    for (const [i, run] of runs.entries()) {
      const sent = run.sections.flatMap((s) => s.sent);
      floor.push(await ioFloor(server, sent, roundTrips));
      if (values.each)
        console.log(
          `${label}: summary ${i + 1} ${runs[i]!.cpuMs.toFixed(1)} ms CPU, ` +
            `its I/O floor ${floor[i]!.cpuMs.toFixed(1)} ms`,
        );
    }
    parallel.push({ label, runs, floor, dbCpuMs, idleCpuMsPerSec });
    if (values.profile) {
      const { profile } = await profiled(() => batch(server, n, accounts, mode));
      const out =
        values['profile-out'] && `${values['profile-out']}-${mode}-${db ? 'wire' : 'memory'}.cpuprofile`;
      profiles.push(() => printProfile(profile, n, `${label}, ${mode}`, out));
    }
    if (values.allocations) {
      const { head } = await allocationProfiled(() => batch(server, n, accounts, mode));
      profiles.push(async () => printAllocations(head, n, `${label}, ${mode}`));
    }
    return runs;
  }

  const bedrock = await startChild<{ url: string }>('./bedrock-child.ts', [JSON.stringify(MODELS)]);
  const common = { bedrockUrl: bedrock.ready.url, accounts, env: envFor(), logger };
  const limit = (n = concurrency) => `, LLM_CONCURRENCY ${n}`;
  await withLog(logger, async () => {
    try {
      if (values.db !== 'wire') {
        const server = await startServer(common);
        try {
          const runs = await measure(server, `PGlite in this process${limit()}`, 'parallel');
          sequential.runs = await batch(server, Number(values.sequential), accounts, 'sequential');
          sequential.parallel = runs.slice(0, sequential.runs.length);
        } finally {
          await server.close();
        }
        for (const more of moreConcurrency) {
          const server = await startServer({ ...common, env: envFor(more) });
          try {
            await measure(server, `PGlite in this process${limit(more)}`, 'parallel');
          } finally {
            await server.close();
          }
        }
      }
      if (values.db !== 'memory') {
        const db = await startChild<{ url: string }>('./pglite-child.ts', ['10']);
        try {
          for (const [i, version] of httpVersions.entries()) {
            const env = { ...envFor(), BEDROCK_HTTP_VERSION: version };
            const server = await startServer({ ...common, env, databaseUrl: db.ready.url });
            try {
              const label = `PGlite in another process (wire)${limit()}${i ? `, Bedrock over HTTP/${version}` : ''}`;
              await measure(server, label, 'parallel', db);
              if (values.http === 'true' && i === 0)
                await measure(server, '… through HTTP: POST + SSE /events', 'http', db);
            } finally {
              await server.close();
            }
          }
        } finally {
          await db.stop();
        }
      }
    } finally {
      await bedrock.stop();
    }
  });
  const settings = {
    summaries: n,
    floorRoundTrips: Number(values['floor-round-trips']),
    bedrockHttp: httpVersions,
    accounts,
    llmConcurrency: [concurrency, ...moreConcurrency],
    stream: values.stream === 'true',
    models: MODELS,
  };
  report({ settings, parallel, sequential });
  for (const print of profiles) await print();
}
