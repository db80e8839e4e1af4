import { parseArgs } from 'node:util';
import pg from 'pg';
import { accountId } from '../server/data/demo/ids.ts';
import { ownerOf } from '../server/data/demo/users.ts';
import { parseEnv } from '../server/env.ts';
import { createLogger } from '../server/observability/logger.ts';
import { createRuntime } from '../server/runtime.ts';
import { createSummaryRequest } from '../server/summaries/summary-requests.ts';

/**
 * `npm run bench -- statements [--summaries 6] [--list]`: what one summary asks of the database,
 * counted where every statement leaves the server (pg.Client.query) — round trips (one a query
 * call; a call may carry several statements), statements and transactions — through the real
 * runtime (queue worker, fenced database, local engine, local retrieval) on in-memory PGlite.
 * Not a timing: a count, so it is the same on every machine; `--list` prints each round trip.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { summaries: { type: 'string', default: '6' }, list: { type: 'boolean', default: false } },
  });
  const n = Number(values.summaries);
  const env = parseEnv({ DB_MEMORY: 'true', DEMO_ACCOUNTS: String(n) });
  const logger = createLogger({
    level: process.env.LOG_LEVEL === 'warn' ? 'warn' : 'silent',
    destination: process.stderr,
  });
  const runtime = await createRuntime(env, { logger });
  const { db } = runtime.deps;

  const sent: string[] = [];
  let bytes = 0;
  let counting = false;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
    if (counting && text) {
      sent.push(text);
      const params = Array.isArray(args[1]) ? (args[1] as unknown[]) : [];
      bytes +=
        Buffer.byteLength(text) + params.reduce<number>((n, p) => n + Buffer.byteLength(String(p ?? '')), 0);
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;

  counting = true;
  for (let i = 1; i <= n; i++) {
    const userId = ownerOf(i);
    const input = { accountId: accountId(i), refresh: true };
    const created = await createSummaryRequest(db, userId, input, runtime.deps.summaryTtlSeconds, {
      enqueue: true,
    });
    await runtime.deps.generate({
      requestId: created.requestId,
      userId,
      ...input,
      sections: created.sections,
    });
    for (;;) {
      counting = false;
      const [row] = await db.asSystem((q) =>
        q.query<{ status: string }>('SELECT status FROM summary_requests WHERE id = $1', [created.requestId]),
      );
      counting = true;
      if (row && row.status !== 'running' && row.status !== 'pending') break;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  counting = false;
  await runtime.close();

  const statements = sent.flatMap((s) => s.split(/;\s*\n/).filter((x) => x.trim()));
  const transactions = statements.filter((s) => /^\s*BEGIN\b/i.test(s)).length;
  if (values.list) for (const s of sent) console.log(s.replace(/\s+/g, ' ').slice(0, 140));
  const per = (x: number) => (x / n).toFixed(1);
  console.log(
    `a summary, ${n} summaries of the demo's accounts: ${per(sent.length)} round trips, ` +
      `${per(statements.length)} statements, ${per(transactions)} transactions, ` +
      `${(bytes / n / 1024).toFixed(1)} KiB of SQL and values sent`,
  );
  console.log(
    JSON.stringify({
      bench: 'statements',
      summaries: n,
      roundTrips: sent.length / n,
      statements: statements.length / n,
      transactions: transactions / n,
      kibSent: bytes / n / 1024,
    }),
  );
}
