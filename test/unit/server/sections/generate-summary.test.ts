import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../server/data/db.ts';
import {
  EngineError,
  type SectionEngine,
  type SectionWriteInput,
  type SectionWriteOutput,
} from '../../../../server/llm/engine.ts';
import { createLocalGroundedEngine } from '../../../../server/llm/local-grounded.ts';
import { generateSummary, INTERRUPTED } from '../../../../server/sections/generate-summary.ts';
import { checksSchema, citationSchema, spendChartSchema } from '../../../../shared/api.ts';
import { SECTION_IDS, SECTION_TITLES, type SectionId } from '../../../../shared/sections.ts';
import { ACCOUNTS, openDemoDatabase, PUBLIC_URL } from './demo-db.ts';

let db: Database;
beforeAll(async () => {
  db = await openDemoDatabase();
}, 60_000);
afterAll(() => db?.close());

const alice = ACCOUNTS[0]!;
const local = createLocalGroundedEngine();
type Write = (input: SectionWriteInput) => Promise<SectionWriteOutput>;

/** The local writer, except for the sections given. */
function engineWith(
  overrides: Partial<Record<SectionId, Write>> = {},
): SectionEngine & { calls: SectionId[] } {
  const calls: SectionId[] = [];
  return {
    name: 'test',
    calls,
    write: (input) => {
      calls.push(input.sectionId);
      return (overrides[input.sectionId] ?? local.write)(input);
    },
  };
}

/** Inserts the rows the POST /v1/summaries handler creates, as the user (or as the owner role). */
async function createRequest(userId: string, accountId: string, sections: SectionId[], asSystem = false) {
  const requestId = randomUUID();
  const insert = async (q: { query: (sql: string, params?: unknown[]) => Promise<unknown> }) => {
    await q.query(
      `INSERT INTO summary_requests (id, user_id, account_id, status, sections, expires_at)
       VALUES ($1, $2, $3, 'pending', $4, now() + interval '10 minutes')`,
      [requestId, userId, accountId, sections],
    );
    for (const [i, s] of sections.entries()) {
      await q.query(
        `INSERT INTO summary_sections (request_id, section_id, position, title, status) VALUES ($1, $2, $3, $4, 'pending')`,
        [requestId, s, i, SECTION_TITLES[s]],
      );
    }
  };
  await (asSystem ? db.asSystem(insert) : db.asUser(userId, insert));
  return requestId;
}

interface SectionRow {
  section_id: SectionId;
  status: string;
  markdown: string | null;
  citations: unknown[];
  checks: Record<string, { passed: boolean }>;
  chart: unknown;
  model: string | null;
  prompt_version: string | null;
  latency_ms: number | null;
  error: string | null;
}

async function readBack(requestId: string) {
  return db.asSystem(async (q) => {
    const [request] = await q.query<{ status: string }>('SELECT status FROM summary_requests WHERE id = $1', [
      requestId,
    ]);
    const sections = await q.query<SectionRow>(
      'SELECT * FROM summary_sections WHERE request_id = $1 ORDER BY position',
      [requestId],
    );
    return { status: request?.status, sections: Object.fromEntries(sections.map((s) => [s.section_id, s])) };
  });
}

const run = (engine: SectionEngine, requestId: string, userId: string, accountId: string, extra = {}) =>
  generateSummary(
    { db, engine, publicUrl: PUBLIC_URL, log: () => {}, ...extra },
    { requestId, userId, accountId, sections: [...SECTION_IDS] },
  );

describe('generateSummary', () => {
  it('fills every section and marks the request done', async () => {
    const requestId = await createRequest(alice.owner, alice.id, [...SECTION_IDS]);
    await run(engineWith(), requestId, alice.owner, alice.id);
    const { status, sections } = await readBack(requestId);
    expect(status).toBe('done');
    for (const id of SECTION_IDS) {
      const s = sections[id]!;
      expect(s).toMatchObject({
        status: 'done',
        model: 'local-grounded-writer-1',
        prompt_version: '1.0.0',
        error: null,
      });
      expect(s.markdown).toMatch(/\[S1\]/);
      expect(s.citations.length).toBeGreaterThan(0);
      for (const c of s.citations) citationSchema.parse(c);
      checksSchema.parse(s.checks);
      expect(s.checks.numbers!.passed).toBe(true);
      expect(s.checks.citations!.passed).toBe(true);
      expect(s.latency_ms).toBeGreaterThanOrEqual(0);
      if (id === 'consumption') spendChartSchema.parse(s.chart);
      else expect(s.chart).toBeNull();
    }
  });

  it('marks a failing section failed with a clear message and the request partial', async () => {
    const requestId = await createRequest(alice.owner, alice.id, [...SECTION_IDS]);
    const lines: string[] = [];
    const engine = engineWith({
      support: async () => {
        throw new EngineError('the model is throttled, try again later');
      },
      organization: async () => {
        throw new TypeError('Cannot read properties of undefined (reading "x")\n    at secret.ts:1:1');
      },
    });
    await run(engine, requestId, alice.owner, alice.id, { log: (line: string) => lines.push(line) });
    const { status, sections } = await readBack(requestId);
    expect(status).toBe('partial');
    expect(sections.support).toMatchObject({
      status: 'failed',
      markdown: null,
      error: 'The writer failed: the model is throttled, try again later',
    });
    expect(sections.organization).toMatchObject({
      status: 'failed',
      error: 'The writer failed unexpectedly.',
    });
    for (const id of ['executive', 'consumption', 'pipeline', 'recommendations'] as const) {
      expect(sections[id]!.status).toBe('done');
    }
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toMatch(/secret\.ts|Northwind|\[S\d+\]/);
  });

  it('marks the request failed when every section fails', async () => {
    const requestId = await createRequest(alice.owner, alice.id, [...SECTION_IDS]);
    const fail: Write = async () => {
      throw new EngineError('down');
    };
    await run(
      engineWith(Object.fromEntries(SECTION_IDS.map((id) => [id, fail]))),
      requestId,
      alice.owner,
      alice.id,
    );
    const { status, sections } = await readBack(requestId);
    expect(status).toBe('failed');
    expect(Object.values(sections).every((s) => s.status === 'failed')).toBe(true);
  });

  it('saves each section as soon as it finishes, while slower ones still run', async () => {
    const requestId = await createRequest(alice.owner, alice.id, [...SECTION_IDS]);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const engine = engineWith({
      executive: async (input) => {
        await gate;
        return local.write(input);
      },
    });
    const running = run(engine, requestId, alice.owner, alice.id);
    let snapshot = await readBack(requestId);
    for (let i = 0; i < 100 && snapshot.sections.pipeline?.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      snapshot = await readBack(requestId);
    }
    expect(snapshot.status).toBe('running');
    expect(snapshot.sections.executive!.status).toBe('running');
    expect(snapshot.sections.pipeline!.status).toBe('done');
    release();
    await running;
    expect((await readBack(requestId)).status).toBe('done');
  });

  it('fails a section whose writer does not answer in time', async () => {
    const requestId = await createRequest(alice.owner, alice.id, [...SECTION_IDS]);
    const engine = engineWith({ pipeline: () => new Promise(() => {}) });
    await run(engine, requestId, alice.owner, alice.id, { sectionTimeoutMs: 300 });
    const { status, sections } = await readBack(requestId);
    expect(status).toBe('partial');
    expect(sections.pipeline).toMatchObject({
      status: 'failed',
      error: 'The writer did not finish within 300 ms.',
    });
  });

  it('stops quietly when the request has vanished, before or during the run', async () => {
    const gone = randomUUID();
    // true: nothing is left to retry.
    await expect(run(engineWith(), gone, alice.owner, alice.id)).resolves.toBe(true);

    const requestId = await createRequest(alice.owner, alice.id, [...SECTION_IDS]);
    const engine = engineWith({
      executive: async (input) => {
        await db.asSystem((q) => q.query('DELETE FROM summary_requests WHERE id = $1', [requestId]));
        return local.write(input);
      },
    });
    await expect(run(engine, requestId, alice.owner, alice.id)).resolves.toBe(true);
    expect(await readBack(requestId)).toEqual({ status: undefined, sections: {} });
  });

  it('reads and writes nothing for a user who may not see the account', async () => {
    const requestId = await createRequest('carol@example.com', alice.id, [...SECTION_IDS], true);
    const engine = engineWith();
    await run(engine, requestId, 'carol@example.com', alice.id);
    expect(engine.calls).toEqual([]);
    const { status, sections } = await readBack(requestId);
    expect(status).toBe('pending');
    expect(Object.values(sections).every((s) => s.status === 'pending' && s.markdown === null)).toBe(true);
  });

  it('fails every section, without leaking server paths, when the prompt files cannot be loaded', async () => {
    const requestId = await createRequest(alice.owner, alice.id, [...SECTION_IDS]);
    await run(engineWith(), requestId, alice.owner, alice.id, { promptsDir: '/nonexistent/prompts' });
    const { status, sections } = await readBack(requestId);
    expect(status).toBe('failed');
    for (const s of Object.values(sections)) {
      expect(s).toMatchObject({ status: 'failed', error: 'The prompt files could not be loaded.' });
    }
  });

  it('ends a section whose outcome could not be saved as interrupted, not left running', async () => {
    const requestId = await createRequest(alice.owner, alice.id, [...SECTION_IDS]);
    // Every write of the pipeline section's outcome fails, as if the database went away just then.
    const flaky = {
      ...db,
      asUser: (userId, fn) =>
        db.asUser(userId, (q) =>
          fn({
            query: (sql, params) =>
              /SET status = '(done|failed)'/.test(sql) && params?.[1] === 'pipeline'
                ? Promise.reject(new Error('connection terminated'))
                : q.query(sql, params),
          }),
        ),
    } as Database;
    await expect(run(engineWith(), requestId, alice.owner, alice.id, { db: flaky })).resolves.toBe(true);
    const { status, sections } = await readBack(requestId);
    expect(status).toBe('partial');
    expect(sections.pipeline).toMatchObject({ status: 'failed', error: INTERRUPTED });
    expect(sections.executive!.status).toBe('done');
  });

  it('never rejects, even when the database fails', async () => {
    const broken = { ...db, asUser: () => Promise.reject(new Error('connection refused')) } as Database;
    const lines: string[] = [];
    await expect(
      generateSummary(
        { db: broken, engine: engineWith(), publicUrl: PUBLIC_URL, log: (l) => lines.push(l) },
        { requestId: 'r1', userId: alice.owner, accountId: alice.id, sections: ['pipeline'] },
      ),
      // false: the request could not be ended, so the queue hands the job back for a retry.
    ).resolves.toBe(false);
    expect(lines).toEqual(['summary r1 stopped: Error: connection refused']);
  });
});
