import { parseArgs } from 'node:util';
import { signDevToken } from '../server/auth/dev-tokens.ts';
import { ALICE, BOB, CAROL } from '../server/data/demo/users.ts';
import { parseEnv } from '../server/env.ts';
import { startPostgres } from '../test/support/postgres-server.ts';
import { startChild } from './generation/child-process.ts';
import type { ModelLatency } from './generation/paced-model.ts';
import { type ApiLoad, apiLoad } from './load/api.ts';
import { runFaults } from './load/faults.ts';
import { printFaults, printLoad } from './load/report.ts';
import { type ServerProcess, startServerProcess } from './load/server-process.ts';
import { type SummaryLoad, summaryLoad } from './load/summaries.ts';

// Bedrock's default tiers with typical streaming latencies (as bench/generation.ts paces them).
const defaults = parseEnv({});
const FAST = defaults.BEDROCK_MODEL_FAST;
const DEEP = defaults.BEDROCK_MODEL_DEEP;
const MODELS: Record<string, ModelLatency> = {
  [FAST]: { firstTokenMs: 350, perTokenMs: 8, jitter: 0.25, bullets: 6 },
  [DEEP]: { firstTokenMs: 700, perTokenMs: 20, jitter: 0.25, bullets: 5 },
};
const SECRET = 'load-bench-secret-0123456789';

/**
 * `npm run bench -- load [--connections 50,200] [--rounds 2] [--accounts 48] [--throttle 0.05]
 * [--llm-concurrency 64] [--worker-concurrency 64] [--timeout 180] [--api-seconds 10] [--db memory|postgres]`
 * and `npm run bench -- load --faults`: the server as a child process (`node --import tsx
 * server/index.ts`, Bedrock engine) against the paced Bedrock child, driven with autocannon —
 * summaries POSTed and followed over SSE to their end at each concurrency, plain API throughput,
 * server memory; or the fault scenarios (data source down, model timeout, throttling storm,
 * database restart) on PostgreSQL, each of which must end every request within a bounded time.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      faults: { type: 'boolean', default: false },
      connections: { type: 'string', default: '50,200' },
      rounds: { type: 'string', default: '2' },
      accounts: { type: 'string', default: '48' },
      throttle: { type: 'string', default: '0.05' },
      'llm-concurrency': { type: 'string', default: '64' },
      'worker-concurrency': { type: 'string', default: '64' },
      timeout: { type: 'string', default: '180' },
      'api-seconds': { type: 'string', default: '10' },
      db: { type: 'string', default: 'memory' },
    },
  });
  const throttle = values.faults ? 0 : Number(values.throttle);
  const bedrock = await startChild<{ url: string }>('../load/bedrock-child.ts', [
    JSON.stringify(MODELS),
    JSON.stringify({ throttleShare: throttle }),
  ]);
  const postgres = values.faults || values.db === 'postgres' ? await startPostgres() : null;
  const settings = {
    accounts: Number(values.accounts),
    throttleShare: throttle,
    llmConcurrency: Number(values['llm-concurrency']),
    workerConcurrency: Number(values['worker-concurrency']),
    database: postgres ? postgres.version : 'PGlite in memory (in the server process)',
    models: MODELS,
  };
  const env: Record<string, string> = {
    LLM_PROVIDER: 'bedrock',
    BEDROCK_ENDPOINT: bedrock.ready.url,
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_EC2_METADATA_DISABLED: 'true',
    DEV_JWT_SECRET: SECRET,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_SUMMARIES_PER_MINUTE: '0',
    DELIVERY_ENABLED: 'false',
    DEMO_ACCOUNTS: values.accounts,
    LLM_CONCURRENCY: values['llm-concurrency'],
    WORKER_CONCURRENCY: values['worker-concurrency'],
    ...(postgres ? { DATABASE_URL: postgres.url } : { DB_MEMORY: 'true' }),
  };
  const tokens = new Map<string, string>();
  for (const user of [ALICE, BOB, CAROL]) tokens.set(user, await signDevToken(user, { secret: SECRET }));
  let server: ServerProcess | undefined;
  try {
    if (values.faults) {
      const results = await runFaults({
        env,
        tokens,
        bedrockUrl: bedrock.ready.url,
        postgres: postgres!,
        FAST,
        DEEP,
      });
      printFaults(settings, results);
      return;
    }
    server = await startServerProcess(env);
    const idleRssMb = server.rssMb();
    const stopSampling = server.sampleMemory();
    const loads: (SummaryLoad & { peak: { rssMb: number; heapMb: number } })[] = [];
    for (const connections of values.connections.split(',').map(Number)) {
      const load = await summaryLoad({
        url: server.url,
        tokens,
        accounts: settings.accounts,
        connections,
        rounds: Number(values.rounds),
        timeoutS: Number(values.timeout),
      });
      loads.push({ ...load, peak: server.takePeak() });
    }
    const durationS = Number(values['api-seconds']);
    const api: ApiLoad[] = [];
    for (const [label, path, token] of [
      ['GET /healthz', '/healthz', undefined],
      ['GET /v1/accounts?query=', '/v1/accounts?query=silverbirch', tokens.get(ALICE)],
    ] as const) {
      api.push(await apiLoad({ label, url: server.url, path, token, connections: 50, durationS }));
    }
    const apiPeak = server.takePeak();
    stopSampling();
    printLoad(settings, { idleRssMb, apiPeak, alive: server.alive() }, loads, api);
  } finally {
    await server?.stop();
    await bedrock.stop();
    await postgres?.stop();
  }
}
