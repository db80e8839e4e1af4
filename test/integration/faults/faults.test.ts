import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../../../server/auth/dev-tokens.ts';
import { openDatabase } from '../../../server/data/db.ts';
import { accountId } from '../../../server/data/demo/ids.ts';
import { type SummaryResponse, summaryResponseSchema } from '../../../shared/api.ts';
import { type BedrockServer, startBedrockServer } from '../../support/bedrock-server.ts';
import { type PostgresServer, startPostgres } from '../../support/postgres-server.ts';
import { type ServerProcess, startServerProcess } from '../scale-out/server-process.ts';

// The fault guarantees of `npm run bench -- load --faults`, without timings: a real server process
// on PostgreSQL writing through Bedrock against the local stand-in. A stalled model, a throttling
// storm, a database that is down and a database restart each end every request in done, partial
// or failed with per-section errors, or a JSON error; never a hang, never a crash.

const SECRET = 'faults-test-secret-0123456789';
const FAST = 'test.fast-model';
const DEEP = 'test.deep-model';
const DEEP_SECTIONS = ['executive', 'recommendations'];
const ANSWER = '- Written by the stand-in model for this account. [S1]';
const TERMINAL = ['done', 'partial', 'failed'];

let database: PostgresServer;
let bedrock: BedrockServer;
let server: ServerProcess;
let token: string;
// Account #1 is Alice's.
const ACCOUNT = accountId(1);

beforeAll(async () => {
  [database, bedrock] = await Promise.all([startPostgres(), startBedrockServer()]);
  bedrock.converse.respond(() => ANSWER);
  server = await startServerProcess('faults', {
    DATABASE_URL: database.url,
    DEV_JWT_SECRET: SECRET,
    DEMO_ACCOUNTS: '4',
    LOG_LEVEL: 'info',
    DELIVERY_ENABLED: 'false',
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_SUMMARIES_PER_MINUTE: '0',
    LLM_PROVIDER: 'bedrock',
    LLM_TIMEOUT_MS: '1000',
    LLM_MAX_ATTEMPTS: '2',
    LLM_RETRY_BASE_MS: '50',
    LLM_RETRY_CAP_MS: '100',
    BEDROCK_ENDPOINT: bedrock.url,
    BEDROCK_MODEL_FAST: FAST,
    BEDROCK_MODEL_DEEP: DEEP,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_EC2_METADATA_DISABLED: 'true',
    JOB_POLL_MS: '100',
    // A run whose writes failed while the database was down is handed back and resumed; a short
    // lease makes the resumption quick when even handing it back failed.
    JOB_LEASE_MS: '3000',
  });
  token = await signDevToken('alice@example.com', { secret: SECRET });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await bedrock?.close();
  await database?.stop();
}, 60_000);

const call = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });

async function post(): Promise<string> {
  const res = await call('/v1/summaries', {
    method: 'POST',
    body: JSON.stringify({ accountId: ACCOUNT, refresh: true }),
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { requestId: string }).requestId;
}

/** Polls until the summary has ended (an error answer while polling is polled again, as the panel does). */
async function ended(requestId: string): Promise<SummaryResponse> {
  let summary: SummaryResponse | undefined;
  await expect
    .poll(
      async () => {
        const res = await call(`/v1/summaries/${requestId}`);
        if (res.ok) summary = summaryResponseSchema.parse(await res.json());
        return summary?.status;
      },
      { timeout: 40_000, interval: 200 },
    )
    .toSatisfy((status: string | undefined) => TERMINAL.includes(status ?? ''));
  return summary!;
}

/** Signal 0 only checks that the process exists: a crashed server would be gone. */
const alive = () => {
  try {
    return process.kill(server.pid, 0);
  } catch {
    return false;
  }
};

const failedSections = (summary: SummaryResponse) =>
  summary.sections.filter((s) => s.status === 'failed').map((s) => [s.id, s.error]);

describe('faults: every request ends, the server stays up', () => {
  it('a stalled model ends the summary partial, its sections naming the timeout', async () => {
    bedrock.converse.latency(DEEP, 600_000);
    try {
      const summary = await ended(await post());
      expect(summary.status).toBe('partial');
      const failed = failedSections(summary);
      expect(failed.map(([id]) => id).sort()).toEqual([...DEEP_SECTIONS].sort());
      for (const [, error] of failed) expect(error).toMatch(/did not answer within 1000 ms/);
    } finally {
      bedrock.converse.latency(DEEP, 0);
    }
    expect(alive()).toBe(true);
  });

  it('a throttling storm fails the sections with a throttling error, not a hang', async () => {
    bedrock.inject({ times: Number.POSITIVE_INFINITY, status: 429, errorType: 'ThrottlingException' });
    try {
      const summary = await ended(await post());
      expect(summary.status).toBe('failed');
      for (const section of summary.sections) {
        expect(section.error).toMatch(/Bedrock is throttling requests .*ThrottlingException, HTTP 429/);
      }
    } finally {
      bedrock.reset();
      bedrock.converse.respond(() => ANSWER);
    }
    expect((await ended(await post())).status).toBe('done');
  });

  it('a database that is down answers JSON errors; a restart mid-summary ends it and later requests succeed', async () => {
    bedrock.converse.latency(DEEP, 1_500);
    const requestId = await post();
    await expect.poll(() => bedrock.converse.inFlight, { timeout: 10_000 }).toBeGreaterThan(0);
    // restart() has stopped the database by the time it returns its promise.
    const restarted = database.restart({ downMs: 1_500 });
    const down = await call('/v1/accounts?query=acme');
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(await down.json()).toMatchObject({ error: { code: 'unavailable' } });
    await restarted;
    bedrock.converse.latency(DEEP, 0);

    const interrupted = await ended(requestId);
    for (const section of interrupted.sections) {
      expect(section.status === 'done' || (section.status === 'failed' && section.error)).toBeTruthy();
    }
    expect((await ended(await post())).status).toBe('done');
    expect(alive()).toBe(true);
  });

  it('a connection cut between the queries of a transaction fails that transaction, not the process', async () => {
    const db = await openDatabase({ url: database.url, maxConnections: 2 });
    const admin = new pg.Client(database.url);
    await admin.connect();
    try {
      const cut = db.asSystem(async (q) => {
        const [backend] = await q.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await admin.query('SELECT pg_terminate_backend($1)', [backend!.pid]);
        // The termination arrives while no query runs: an 'error' event on the checked-out client.
        await new Promise((r) => setTimeout(r, 300));
        return q.query('SELECT 1');
      });
      await expect(cut).rejects.toThrow();
      // The broken connection was dropped, not handed to the next transaction.
      for (let i = 0; i < 3; i++)
        expect(await db.asSystem((q) => q.query('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
      await db.close();
    }
  });
});
