import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../server/data/db.ts';
import { accountId } from '../../../server/data/demo/ids.ts';
import { seedDemo } from '../../../server/data/demo/seed.ts';
import { ownerOf } from '../../../server/data/demo/users.ts';
import { parseEnv } from '../../../server/env.ts';
import type { SectionEngine, SectionWriteInput } from '../../../server/llm/engine.ts';
import { createLocalGroundedEngine } from '../../../server/llm/local-grounded.ts';
import { failExhaustedJobs, interruptedMessage } from '../../../server/queue/exhausted.ts';
import { fencedDatabase, LeaseLostError } from '../../../server/queue/fenced-db.ts';
import { claimJob, completeJob, heartbeatJob } from '../../../server/queue/jobs.ts';
import { startJobWorker } from '../../../server/queue/worker.ts';
import { generateSummary } from '../../../server/sections/generate-summary.ts';
import { markSectionRunning } from '../../../server/sections/section-writes.ts';
import { createSummaryRequest, purgeExpiredSummaries } from '../../../server/summaries/summary-requests.ts';
import { SECTION_IDS, type SectionId } from '../../../shared/sections.ts';

// The generation queue on the embedded database: enqueue with the request, claim, lease, fencing,
// resume, attempts, hand-back and purge. (Two processes on PostgreSQL: two-processes.test.ts.)

let db: Database;
const ACCOUNT = accountId(1);
const OWNER = ownerOf(1);
let stranger: string;

beforeAll(async () => {
  db = await openDatabase({ memory: true });
  await seedDemo(db, { accounts: 6 });
  const [row] = await db.asSystem((q) =>
    q.query<{ id: string }>(
      'SELECT id FROM users u WHERE NOT EXISTS (SELECT 1 FROM account_access a WHERE a.user_id = u.id AND a.account_id = $1) LIMIT 1',
      [ACCOUNT],
    ),
  );
  stranger = row!.id;
}, 60_000);
afterAll(() => db?.close());

const terms = (owner: string, leaseMs = 30_000, maxAttempts = 3) => ({ owner, leaseMs, maxAttempts });
const request = (sections: SectionId[] = [...SECTION_IDS]) =>
  createSummaryRequest(db, OWNER, { accountId: ACCOUNT, sections, refresh: true }, 600, { enqueue: true });
const job = (requestId: string) =>
  db.asSystem(
    async (q) =>
      (
        await q.query<{ state: string; attempts: number; lease_owner: string | null }>(
          'SELECT state, attempts, lease_owner FROM generation_jobs WHERE request_id = $1',
          [requestId],
        )
      )[0],
  );
const sections = (requestId: string) =>
  db.asSystem((q) =>
    q.query<{ section_id: SectionId; status: string; markdown: string | null; error: string | null }>(
      'SELECT section_id, status, markdown, error FROM summary_sections WHERE request_id = $1 ORDER BY position',
      [requestId],
    ),
  );
const requestStatus = async (requestId: string) =>
  (
    await db.asSystem((q) =>
      q.query<{ status: string }>('SELECT status FROM summary_requests WHERE id = $1', [requestId]),
    )
  )[0]?.status;
/** Every running lease of the test runs out now (instead of waiting). */
const expireLeases = () =>
  db.asSystem((q) =>
    q.query(
      `UPDATE generation_jobs SET lease_expires_at = now() - interval '1 second' WHERE state = 'running'`,
    ),
  );
const drain = async () => {
  while (await claimJob(db, terms('drain'))) {}
  await db.asSystem((q) => q.query(`UPDATE generation_jobs SET state = 'done' WHERE state <> 'done'`));
};

function countingEngine(): SectionEngine & { calls: SectionId[] } {
  const local = createLocalGroundedEngine();
  const calls: SectionId[] = [];
  return {
    name: 'counting',
    calls,
    write: (input: SectionWriteInput) => {
      calls.push(input.sectionId);
      return local.write(input);
    },
  };
}

/** The local writer, each call held until `open()`: a run that stays in progress while the test acts. */
function gatedEngine(): { engine: SectionEngine; open: () => void } {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const local = createLocalGroundedEngine();
  const engine: SectionEngine = {
    name: 'gated',
    write: async (input) => {
      await gate;
      return local.write(input);
    },
  };
  return { engine, open };
}

/** A worker of the test database's queue that writes with `engine` (30-s leases, 3 attempts). */
const startWorker = (
  engine: SectionEngine,
  options: { pollMs: number; concurrency: number; owner?: string },
) =>
  startJobWorker({
    db,
    run: (jobDb, input) =>
      generateSummary({ db: jobDb, engine, publicUrl: 'http://crm.test', log: () => {} }, input),
    leaseMs: 30_000,
    maxAttempts: 3,
    ...options,
  });

describe('generation jobs', () => {
  it('need a shared database when this process runs no worker', () => {
    expect(() => parseEnv({ WORKER_MODE: 'off' })).toThrow(/DATABASE_URL: required when WORKER_MODE=off/);
    expect(parseEnv({ WORKER_MODE: 'off', DATABASE_URL: 'postgres://db/x' }).WORKER_MODE).toBe('off');
    expect(parseEnv({})).toMatchObject({ WORKER_MODE: 'on', JOB_LEASE_MS: 30_000, JOB_MAX_ATTEMPTS: 3 });
  });

  it('are queued in the request transaction, once per request, and visible only to their user', async () => {
    await drain();
    const created = await request();
    expect(await job(created.requestId)).toMatchObject({ state: 'queued', attempts: 0, lease_owner: null });
    const reused = await createSummaryRequest(db, OWNER, { accountId: ACCOUNT }, 600, { enqueue: true });
    expect(reused.created).toBe(false);
    const own = await db.asUser(OWNER, (q) => q.query('SELECT request_id FROM generation_jobs'));
    expect(own.map((r) => r.request_id)).toContain(created.requestId);
    expect(await db.asUser(stranger, (q) => q.query('SELECT 1 FROM generation_jobs'))).toEqual([]);
    // A refused request (account not visible) leaves no job behind.
    const before = await db.asSystem((q) => q.query('SELECT 1 FROM generation_jobs'));
    await expect(
      createSummaryRequest(db, stranger, { accountId: ACCOUNT }, 600, { enqueue: true }),
    ).rejects.toThrow(/not found/);
    expect(await db.asSystem((q) => q.query('SELECT 1 FROM generation_jobs'))).toHaveLength(before.length);
    // Nor can a user queue a job for a request that is not theirs.
    await expect(
      db.asUser(stranger, (q) =>
        q.query(
          `INSERT INTO generation_jobs (request_id, user_id, account_id, sections) VALUES ($1, $2, $3, '{}')`,
          [created.requestId, stranger, ACCOUNT],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('are claimed by one worker at a time, and reclaimed when a lease runs out', async () => {
    await drain();
    const { requestId } = await request();
    const a = await claimJob(db, terms('a'));
    expect(a).toMatchObject({ requestId, userId: OWNER, accountId: ACCOUNT, attempts: 1, owner: 'a' });
    expect(a!.sections).toEqual([...SECTION_IDS]);
    expect(await claimJob(db, terms('b'))).toBeNull();
    expect(await heartbeatJob(db, a!, 30_000)).toBe(true);
    await expireLeases();
    const b = await claimJob(db, terms('b'));
    expect(b).toMatchObject({ requestId, attempts: 2, owner: 'b' });
    // The presumed-dead worker wakes up: its heartbeat and every write of its run are refused.
    expect(await heartbeatJob(db, a!, 30_000)).toBe(false);
    const lease = { job: a!, lost: false };
    await expect(
      fencedDatabase(db, lease).asUser(OWNER, (q) => markSectionRunning(q, requestId, 'executive')),
    ).rejects.toBeInstanceOf(LeaseLostError);
    expect(lease.lost).toBe(true);
    expect((await sections(requestId)).every((s) => s.status === 'pending')).toBe(true);
    await completeJob(db, a!);
    expect(await job(requestId)).toMatchObject({ state: 'running', lease_owner: 'b' });
    await completeJob(db, b!);
    expect(await job(requestId)).toMatchObject({ state: 'done', attempts: 2, lease_owner: null });
  });

  it('resume only the sections a stopped run left unfinished', async () => {
    await drain();
    const { requestId } = await request();
    const first = await claimJob(db, terms('a'));
    const engine = countingEngine();
    // The first run finishes two sections, then its process dies (simulated: only those two ran).
    await generateSummary(
      {
        db: fencedDatabase(db, { job: first!, lost: false }),
        engine,
        publicUrl: 'http://crm.test',
        log: () => {},
      },
      { ...first!, sections: ['executive', 'pipeline'] },
    );
    await db.asSystem((q) =>
      q.query(`UPDATE summary_requests SET status = 'running' WHERE id = $1`, [requestId]),
    );
    const kept = (await sections(requestId)).filter((s) => s.status === 'done');
    expect(kept.map((s) => s.section_id).sort()).toEqual(['executive', 'pipeline']);
    await expireLeases();
    engine.calls.length = 0;
    const worker = await startWorker(engine, { pollMs: 20, concurrency: 2, owner: 'b' });
    try {
      await expect.poll(() => requestStatus(requestId), { timeout: 20_000 }).toBe('done');
      expect(engine.calls.sort()).toEqual(['consumption', 'organization', 'recommendations', 'support']);
      const after = await sections(requestId);
      for (const k of kept)
        expect(after.find((s) => s.section_id === k.section_id)?.markdown).toBe(k.markdown);
      await expect.poll(() => job(requestId)).toMatchObject({ state: 'done', attempts: 2 });
    } finally {
      await worker.stop();
    }
  });

  it('fail the unfinished sections with a clear message after the last attempt', async () => {
    await drain();
    const { requestId } = await request(['executive', 'pipeline']);
    const first = await claimJob(db, terms('a', 30_000, 2));
    await generateSummary(
      {
        db: fencedDatabase(db, { job: first!, lost: false }),
        engine: countingEngine(),
        publicUrl: 'x',
        log: () => {},
      },
      { ...first!, sections: ['pipeline'] },
    );
    await db.asSystem((q) =>
      q.query(`UPDATE summary_requests SET status = 'running' WHERE id = $1`, [requestId]),
    );
    await expireLeases();
    expect(await claimJob(db, terms('b', 30_000, 2))).toMatchObject({ attempts: 2 });
    await expireLeases();
    expect(await claimJob(db, terms('c', 30_000, 2))).toBeNull();
    expect(await failExhaustedJobs(db, 2)).toEqual([requestId]);
    expect(await job(requestId)).toMatchObject({ state: 'failed', attempts: 2 });
    expect(await requestStatus(requestId)).toBe('partial');
    const [executive, pipeline] = await sections(requestId);
    expect(executive).toMatchObject({ status: 'failed', error: interruptedMessage(2) });
    expect(pipeline).toMatchObject({ status: 'done' });
    expect(interruptedMessage(2)).toMatch(/interrupted 2 times.*Try again/);
  });

  it('are handed back, not counted, when a worker stops; its late writes are refused', async () => {
    await drain();
    const { requestId } = await request(['executive']);
    const { engine, open: release } = gatedEngine();
    const worker = await startWorker(engine, { pollMs: 1_000, concurrency: 1 });
    const run = worker.runNow(requestId);
    await expect.poll(async () => (await sections(requestId))[0]?.status).toBe('running');
    await worker.stop();
    expect(await job(requestId)).toMatchObject({ state: 'queued', attempts: 0, lease_owner: null });
    release();
    await run;
    expect((await sections(requestId))[0]).toMatchObject({ status: 'running', markdown: null });
    expect(await requestStatus(requestId)).toBe('running');
  });

  it('queued while every slot is taken, are claimed the moment one frees, without waiting for a poll', async () => {
    // What lets in-process PGlite poll only as a safety net (server/queue/generation-queue.ts).
    await drain();
    const { engine, open } = gatedEngine();
    const worker = await startWorker(engine, { pollMs: 60_000, concurrency: 1 });
    try {
      const first = await request(['executive']);
      const running = worker.runNow(first.requestId);
      await expect.poll(async () => (await job(first.requestId))?.state).toBe('running');
      const second = await request(['support']);
      await worker.runNow(second.requestId); // no free slot: returns at once, the job stays queued
      expect(await job(second.requestId)).toMatchObject({ state: 'queued' });
      open();
      await running;
      await expect.poll(() => requestStatus(second.requestId), { timeout: 5_000 }).toBe('done');
      expect(await job(second.requestId)).toMatchObject({ state: 'done', attempts: 1 });
    } finally {
      await worker.stop();
    }
  });

  it('run here at once through runNow, and are purged with the request', async () => {
    await drain();
    const { requestId } = await request(['executive', 'support']);
    const worker = await startWorker(createLocalGroundedEngine(), { pollMs: 60_000, concurrency: 4 });
    try {
      await worker.runNow(requestId);
      expect(await requestStatus(requestId)).toBe('done');
      expect(await job(requestId)).toMatchObject({ state: 'done', attempts: 1, lease_owner: null });
    } finally {
      await worker.stop();
    }
    await db.asSystem((q) =>
      q.query(`UPDATE summary_requests SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        requestId,
      ]),
    );
    await purgeExpiredSummaries(db);
    expect(await job(requestId)).toBeUndefined();
  });
});
