import { ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { accountId } from '../../server/data/demo/ids.ts';
import { ownerOf } from '../../server/data/demo/users.ts';
import { INTERRUPTED } from '../../server/sections/generate-summary.ts';
import { loadPromptFiles } from '../../server/sections/prompt-files.ts';
import { runSection } from '../../server/sections/run-section.ts';
import { endRequest, markRequestRunning } from '../../server/sections/section-writes.ts';
import { createSummaryReads } from '../../server/sections/summary-reads.ts';
import { createSummaryRequest } from '../../server/summaries/summary-requests.ts';
import type { Checks } from '../../shared/api.ts';
import type { SectionId } from '../../shared/sections.ts';
import type { Server } from './server.ts';
import type { ModelCall, SectionTiming } from './timings.ts';

/** What one summary cost: wall time, this process's CPU, its sections' engine timings and outcome. */
export interface SummaryRun {
  wallMs: number;
  /** The slowest section's path outside its model calls: from the request to its first call… */
  beforeMs: number;
  /** …and from the end of its last call to the summary's end (checks, save, request status). */
  afterMs: number;
  cpuMs: number;
  systemMs: number;
  sections: SectionTiming[];
  done: number;
  /** Sections whose numbers and citations checks both passed. */
  passed: number;
}

/**
 * How a summary is made. `parallel`: as POST /v1/summaries does it (request and job recorded, then
 * deps.generate: the queue worker runs generateSummary, sections in parallel). `http`: the real
 * routes through app.request (auth, POST, then the panel's SSE /events stream until the summary
 * event). `sequential`: the same sections written one after another by the same runSection.
 */
export type Mode = 'parallel' | 'http' | 'sequential';

const TERMINAL = new Set(['done', 'partial', 'failed']);

export async function summarize(server: Server, accountNo: number, mode: Mode): Promise<SummaryRun> {
  const { db } = server.deps;
  const userId = ownerOf(accountNo);
  const input = { accountId: accountId(accountNo), refresh: true };
  const token = mode === 'http' ? await server.token(userId) : '';
  server.take();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let requestId: string;
  if (mode === 'http') requestId = await overHttp(server, token, input);
  else {
    const ttl = server.deps.summaryTtlSeconds;
    const created = await createSummaryRequest(db, userId, input, ttl, { enqueue: mode === 'parallel' });
    requestId = created.requestId;
    const job = { requestId, userId, accountId: input.accountId, sections: created.sections };
    if (mode === 'parallel') {
      await server.deps.generate(job);
      await finished(server, requestId);
    } else await oneAfterAnother(server, job);
  }
  const ended = performance.now();
  const used = process.cpuUsage(cpu);
  const sections = server.take();
  const slowest = sections.reduce((a, b) => (b.modelMs > a.modelMs ? b : a));
  const rows = await db.asSystem((q) =>
    q.query<{ status: string; checks: Checks }>(
      'SELECT status, checks FROM summary_sections WHERE request_id = $1',
      [requestId],
    ),
  );
  return {
    wallMs: ended - started,
    beforeMs: slowest.firstCallAt - started,
    afterMs: ended - slowest.lastEndAt,
    cpuMs: (used.user + used.system) / 1000,
    systemMs: used.system / 1000,
    sections,
    done: rows.filter((r) => r.status === 'done').length,
    passed: rows.filter((r) => r.checks.numbers?.passed && r.checks.citations?.passed).length,
  };
}

/** POST /v1/summaries, then reads GET …/events to its end (the stream closes after the summary). */
async function overHttp(server: Server, token: string, input: { accountId: string; refresh: boolean }) {
  const authorization = `Bearer ${token}`;
  const posted = await server.app.request('/v1/summaries', {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (posted.status !== 202) throw new Error(`POST /v1/summaries: ${posted.status} ${await posted.text()}`);
  const { requestId } = (await posted.json()) as { requestId: string };
  const events = await server.app.request(`/v1/summaries/${requestId}/events`, {
    headers: { authorization },
  });
  const text = await events.text();
  if (!text.includes('event: summary'))
    throw new Error(`events ended without a summary: ${text.slice(-200)}`);
  return requestId;
}

/**
 * deps.generate resolves when its run ends, or at once when the worker's poll claimed the job
 * first; then wait for the request to finish (rare, and only a status read every 10 ms).
 */
async function finished(server: Server, requestId: string) {
  for (;;) {
    const [row] = await server.deps.db.asSystem((q) =>
      q.query<{ status: string }>('SELECT status FROM summary_requests WHERE id = $1', [requestId]),
    );
    if (!row || TERMINAL.has(row.status)) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** generateSummary's steps (without a job) with its Promise.all replaced by a loop. */
async function oneAfterAnother(
  server: Server,
  job: { requestId: string; userId: string; accountId: string; sections: SectionId[] },
) {
  const { db, publicUrl } = server.deps;
  const { sections, ...ids } = job;
  await db.asUser(job.userId, (q) => markRequestRunning(q, job.requestId));
  const prompts = loadPromptFiles();
  const now = new Date();
  // The same shared reads as in parallel, so the comparison is of the scheduling alone.
  const summary = createSummaryReads(job.requestId, sections, await prompts);
  for (const sectionId of sections) {
    await runSection({
      db,
      engine: server.engine,
      publicUrl,
      ...ids,
      sectionId,
      prompts,
      retrieval: server.retrieval,
      timeoutMs: 60_000,
      now,
      log: (line) => console.warn(line),
      summary,
    });
  }
  await db.asUser(job.userId, (q) => endRequest(q, job.requestId, sections, INTERRUPTED));
}

/** Summaries of accounts 1, 2, … (round robin over `accounts`), one at a time. */
export async function batch(
  server: Server,
  count: number,
  accounts: number,
  mode: Mode,
): Promise<SummaryRun[]> {
  const runs: SummaryRun[] = [];
  for (let i = 0; i < count; i++) runs.push(await summarize(server, (i % accounts) + 1, mode));
  return runs;
}

/** This process's CPU while it waits with nothing to do (queue polling, timers), in ms a second. */
export async function idleCpuMsPerSecond(ms = 3_000): Promise<number> {
  const cpu = process.cpuUsage();
  await new Promise((r) => setTimeout(r, ms));
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / ms;
}

/** What the I/O floor of one summary cost: wall time and this process's CPU. */
export interface FloorRun {
  wallMs: number;
  cpuMs: number;
}

/**
 * The I/O of a summary with no application code around it: its model calls replayed as
 * sent (same prompts, so the paced model answers at the same length), all at once, through the
 * server's Bedrock client, while the server's database runs `roundTrips` one-message transactions
 * of `SELECT 1` one after another — what a summary cannot do without, whatever the code around it.
 */
export async function ioFloor(
  server: Server,
  calls: readonly ModelCall[],
  roundTrips: number,
): Promise<FloorRun> {
  if (!calls.length) throw new Error('no model calls recorded to replay');
  const cpu = process.cpuUsage();
  const started = performance.now();
  const model = Promise.all(
    calls.map(async ({ commandName, input }) => {
      if (commandName === 'ConverseStreamCommand') {
        const answer = await server.bedrock.send(new ConverseStreamCommand(input as never));
        for await (const _ of answer.stream ?? []);
      } else await server.bedrock.send(new ConverseCommand(input as never));
    }),
  );
  for (let i = 0; i < roundTrips; i++)
    await server.deps.db.asSystem((q) => q.query('SELECT 1'), { oneMessage: true });
  await model;
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}
