import { accountId } from '../../server/data/demo/ids.ts';
import { ownerOf } from '../../server/data/demo/users.ts';
import type { SummaryResponse } from '../../shared/api.ts';
import type { PostgresServer } from '../../test/support/postgres-server.ts';
import type { ModelFaults } from './bedrock-child.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';
import type { SummaryRun } from './summaries.ts';

export interface FaultResult {
  fault: string;
  runs: SummaryRun[];
  alive: boolean;
  exit: string | null;
  /** How a fresh summary started after the fault had ended turned out. */
  after: string;
}

const HUNG_MS = 120_000;
const BURST = 12;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Four faults against one server process on PostgreSQL, each while a burst of summaries runs:
 * every request must end in done, partial or failed (per-section errors) or a JSON 4xx/5xx within
 * HUNG_MS, and the server must stay up and serve a normal summary once the fault is over.
 */
export async function runFaults(options: {
  env: Record<string, string>;
  tokens: Map<string, string>;
  bedrockUrl: string;
  postgres: PostgresServer;
  FAST: string;
  DEEP: string;
}): Promise<FaultResult[]> {
  const { postgres, DEEP } = options;
  // A model timeout above the slowest normal answer (deep tier ≈ 4 s), so a stall shows in seconds.
  const server = await startServerProcess({ ...options.env, LLM_TIMEOUT_MS: '6000' });
  const model = (faults: Partial<ModelFaults>) =>
    fetch(`${options.bedrockUrl}/bench/faults`, { method: 'POST', body: JSON.stringify(faults) });
  let next = 0;
  const follow = () => followSummary(server, options.tokens, 1 + (next++ % 40));
  const burst = () => Promise.all(Array.from({ length: BURST }, follow));
  const results: FaultResult[] = [];
  const record = async (fault: string, runs: SummaryRun[], restore?: () => Promise<unknown>) => {
    await restore?.();
    const after = server.alive() ? (await follow()).outcome : 'server down';
    results.push({ fault, runs, alive: server.alive(), exit: server.exit(), after });
  };
  try {
    await model({ stall: [DEEP] });
    await record('model timeout (deep tier stalls)', await burst(), () => model({ stall: [] }));

    await model({ throttleShare: 1 });
    await record('throttling storm (100% 429)', await burst(), () => model({ throttleShare: 0 }));

    // The database goes away for 5 s while summaries run, and new ones arrive while it is down.
    const running = burst();
    await sleep(1_000);
    const outage = postgres.restart({ downMs: 5_000 });
    await sleep(1_500);
    const duringOutage = burst();
    await outage;
    await record('data source down (database 5 s)', [...(await running), ...(await duringOutage)]);

    // A restart (fast shutdown: sessions cut, back at once) while model calls are in flight.
    const inFlight = burst();
    await sleep(1_500);
    await postgres.restart();
    await record('database restart', await inFlight);
  } finally {
    if (!server.alive()) console.error(`The server exited (${server.exit()}):\n${server.stderr()}`);
    await server.stop();
  }
  return results;
}

/** POST a summary, poll it to its end; a JSON error ends it too, no end within HUNG_MS is "hung". */
export async function followSummary(
  server: ServerProcess,
  tokens: Map<string, string>,
  accountNo: number,
): Promise<SummaryRun> {
  const started = performance.now();
  const headers = {
    authorization: `Bearer ${tokens.get(ownerOf(accountNo))}`,
    'content-type': 'application/json',
  };
  const end = (outcome: string, sectionErrors: string[] = []) => ({
    ms: performance.now() - started,
    outcome,
    sectionErrors,
  });
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${server.url}${path}`, {
      ...init,
      headers,
      signal: AbortSignal.timeout(HUNG_MS),
    });
    const body = (await res.json()) as { error?: { code: string } } & Partial<SummaryResponse>;
    return { status: res.status, body };
  };
  try {
    const posted = await call('/v1/summaries', {
      method: 'POST',
      body: JSON.stringify({ accountId: accountId(accountNo), refresh: true }),
    });
    if (posted.status !== 202) return end(`http ${posted.status} ${posted.body.error?.code}`);
    while (performance.now() - started < HUNG_MS) {
      await sleep(250);
      const got = await call(`/v1/summaries/${posted.body.requestId}`);
      if (got.status !== 200) continue; // An error while polling: the panel polls again.
      const summary = got.body as SummaryResponse;
      if (!['done', 'partial', 'failed'].includes(summary.status)) continue;
      // A section left unfinished without an error would be an unclear end: it shows as such.
      const failed = summary.sections.filter((s) => s.status !== 'done');
      const message = (s: (typeof failed)[number]) =>
        s.error ? s.error.replace(/\d+(\.\d+)?/g, 'N') : `${s.status}, no error`;
      return end(summary.status, failed.map(message));
    }
    return end('hung');
  } catch (error) {
    return end(
      error instanceof Error && error.name === 'TimeoutError'
        ? 'hung'
        : `no answer (${(error as Error).name})`,
    );
  }
}
