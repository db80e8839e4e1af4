import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../../../server/auth/dev-tokens.ts';
import { type SummaryResponse, summaryResponseSchema } from '../../../shared/api.ts';
import { SECTION_IDS } from '../../../shared/sections.ts';
import { type BedrockServer, startBedrockServer } from '../../support/bedrock-server.ts';
import { type PostgresServer, startPostgres } from '../../support/postgres-server.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';

// Two real server processes on one PostgreSQL (Debian's 15: no pgvector, documents ranked by SQL),
// writing sections through Bedrock Converse against the local stand-in server. The process running
// a summary is killed (SIGKILL) mid-generation; the other takes the job over when its lease runs
// out, redoes only the unfinished sections, and serves polling and SSE of a request it never saw.

const SECRET = 'scale-out-test-secret-0123456789';
const FAST = 'test.fast-model';
const DEEP = 'test.deep-model';
const DEEP_SECTIONS = ['executive', 'recommendations'];
const LEASE_MS = 3_000;

let database: PostgresServer;
let bedrock: BedrockServer;
let sql: pg.Client;
let a: ServerProcess;
let b: ServerProcess | undefined;
let token: string;
let accountId: string;

const env = () => ({
  DATABASE_URL: database.url,
  DEV_JWT_SECRET: SECRET,
  DEMO_ACCOUNTS: '4',
  LOG_LEVEL: 'info',
  DELIVERY_ENABLED: 'false',
  LLM_PROVIDER: 'bedrock',
  LLM_STREAM: 'false',
  LLM_TIMEOUT_MS: '120000',
  BEDROCK_ENDPOINT: bedrock.url,
  BEDROCK_MODEL_FAST: FAST,
  BEDROCK_MODEL_DEEP: DEEP,
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_EC2_METADATA_DISABLED: 'true',
  JOB_LEASE_MS: String(LEASE_MS),
  JOB_POLL_MS: '100',
});

beforeAll(async () => {
  [database, bedrock] = await Promise.all([startPostgres(), startBedrockServer()]);
  bedrock.converse.respond(() => '- Written by the stand-in model for this account. [S1]');
  // Deep-tier sections hang on the first server (it is killed while they wait); fast ones answer.
  bedrock.converse.latency(DEEP, 120_000);
  a = await startServerProcess('server-a', env());
  sql = new pg.Client(database.url);
  await sql.connect();
  // Every write to a section (its new status), with the process (application_name) that made it.
  await sql.query(`
    CREATE TABLE section_writes (request_id text, section_id text, status text, app text,
                                 at timestamptz DEFAULT clock_timestamp());
    CREATE FUNCTION audit_section() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN
      INSERT INTO section_writes (request_id, section_id, status, app)
      VALUES (NEW.request_id, NEW.section_id, NEW.status, current_setting('application_name'));
      RETURN NEW;
    END $$;
    CREATE TRIGGER audit AFTER UPDATE ON summary_sections FOR EACH ROW EXECUTE FUNCTION audit_section();`);
  token = await signDevToken('alice@example.com', { secret: SECRET });
  const { rows } = await sql.query<{ account_id: string }>(
    "SELECT account_id FROM account_access WHERE user_id = 'alice@example.com' ORDER BY 1 LIMIT 1",
  );
  accountId = rows[0]!.account_id;
}, 180_000);

afterAll(async () => {
  await Promise.all([a?.kill(), b?.stop()]);
  await sql?.end();
  await bedrock?.close();
  await database?.stop();
}, 60_000);

const call = (server: ServerProcess, path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
const poll = async (server: ServerProcess, id: string) =>
  (await (await call(server, `/v1/summaries/${id}`)).json()) as SummaryResponse;
const job = async (id: string) =>
  (
    await sql.query<{ state: string; attempts: number; lease_owner: string | null }>(
      'SELECT state, attempts, lease_owner FROM generation_jobs WHERE request_id = $1',
      [id],
    )
  ).rows[0];

describe('two server processes on one PostgreSQL', () => {
  it('finish a summary whose process was killed mid-generation, from the other process', async () => {
    const posted = await call(a, '/v1/summaries', { method: 'POST', body: JSON.stringify({ accountId }) });
    expect(posted.status).toBe(202);
    const { requestId } = (await posted.json()) as { requestId: string };
    // Server A claimed its own job at once (the single-process fast path).
    await expect
      .poll(() => job(requestId), { timeout: 10_000 })
      .toMatchObject({ state: 'running', attempts: 1 });
    expect((await job(requestId))!.lease_owner).toContain(`:${a.pid}:`);

    // B starts while A works; it has never seen the request but polls and streams it.
    b = await startServerProcess('server-b', env());
    const fast = SECTION_IDS.filter((id) => !DEEP_SECTIONS.includes(id));
    await expect
      .poll(
        async () =>
          (await poll(b!, requestId)).sections
            .filter((s) => s.status === 'done')
            .map((s) => s.id)
            .sort(),
        { timeout: 30_000 },
      )
      .toEqual([...fast].sort());
    await expect.poll(() => bedrock.converse.inFlight).toBe(DEEP_SECTIONS.length);
    const midway = await poll(b, requestId);
    expect(midway.status).toBe('running');
    const events = readEvents(await call(b, `/v1/summaries/${requestId}/events`));
    const callsBefore = bedrock.calls.filter((c) => c.route.startsWith('converse')).length;
    expect((await job(requestId))!.lease_owner).toContain(`:${a.pid}:`);

    await a.kill();
    const killedAt = Date.now();
    bedrock.converse.latency(DEEP, 200);

    const streamed = await events;
    const finishedAt = Date.now();
    const last = streamed.at(-1)!;
    expect(last.event).toBe('summary');
    const summary = summaryResponseSchema.parse(last.data);
    expect(summary.status).toBe('done');
    expect(summary.sections.map((s) => [s.id, s.status])).toEqual(SECTION_IDS.map((id) => [id, 'done']));
    expect((await poll(b, requestId)).status).toBe('done');
    expect(await job(requestId)).toMatchObject({ state: 'done', attempts: 2, lease_owner: null });

    // Only the two unfinished sections were written again, by B; no section was written done twice.
    const after = bedrock.calls.filter((c) => c.route.startsWith('converse')).length;
    expect(after - callsBefore).toBe(DEEP_SECTIONS.length);
    const { rows: writes } = await sql.query<{ section_id: string; status: string; app: string; at: string }>(
      'SELECT section_id, status, app, at FROM section_writes WHERE request_id = $1 ORDER BY at',
      [requestId],
    );
    for (const id of SECTION_IDS) {
      const done = writes.filter((w) => w.section_id === id && w.status === 'done');
      expect(
        done.map((w) => w.app),
        id,
      ).toEqual([DEEP_SECTIONS.includes(id) ? 'server-b' : 'server-a']);
      expect(
        writes.some((w) => w.section_id === id && w.status === 'failed'),
        id,
      ).toBe(false);
    }
    for (const id of DEEP_SECTIONS) {
      const running = writes.filter((w) => w.section_id === id && w.status === 'running').map((w) => w.app);
      expect(running, id).toEqual(['server-a', 'server-b']);
    }
    expect(streamed.filter((e) => e.event === 'section').length).toBeGreaterThanOrEqual(SECTION_IDS.length);
    const resumed = writes.find((w) => w.app === 'server-b')!;
    const reclaimMs = Date.parse(resumed.at) - killedAt;
    expect(reclaimMs).toBeLessThan(LEASE_MS + 3_000);
    console.log(
      JSON.stringify({ scaleOut: { leaseMs: LEASE_MS, reclaimMs, killToDoneMs: finishedAt - killedAt } }),
    );
  }, 120_000);
});

interface SseEvent {
  event: string;
  data: unknown;
}

/** Reads a server-sent event stream to its end. */
async function readEvents(res: Response): Promise<SseEvent[]> {
  expect(res.status).toBe(200);
  const text = await res.text();
  return [...text.matchAll(/^event: (\w+)\ndata: (.*)$/gm)].map((m) => ({
    event: m[1]!,
    data: JSON.parse(m[2]!),
  }));
}
