import type { Database, Queryable } from '../db.ts';
import { appendBundle, emptyBundle, generateAccountBundles, resolveDemoOptions } from './generate.ts';
import { accountId } from './ids.ts';
import { knowledgeBase } from './knowledge-base.ts';
import { DEMO_TABLES } from './tables.ts';
import type { AccountBundle, DemoData, DemoOptions } from './types.ts';
import { DEMO_USERS } from './users.ts';

/** Accounts generated and inserted together: bounds memory whatever the total. */
const ACCOUNTS_PER_FLUSH = 500;
/** Rows per INSERT statement. */
const ROWS_PER_STATEMENT = 5_000;
const FIRST_ACCOUNT = accountId(1);
const LOCK_KEY = 'account-summaries:demo-seed';

/**
 * Inserts rows with one typed unnest() per column: a handful of parameters per statement instead of
 * one per value, which is what makes 10k+ accounts quick.
 */
async function insertRows(q: Queryable, table: keyof DemoData, rows: readonly object[]): Promise<void> {
  const spec = DEMO_TABLES.find((t) => t.table === table);
  if (!spec) throw new Error(`no column spec for ${table}`);
  const names = spec.columns.map(([name]) => name).join(', ');
  const casts = spec.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const conflict = table === 'users' ? ' ON CONFLICT (id) DO NOTHING' : '';
  const sql = `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${casts})${conflict}`;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT) as Record<string, unknown>[];
    await q.query(
      sql,
      spec.columns.map(([name]) => chunk.map((row) => row[name] ?? null)),
    );
  }
}

async function flush(q: Queryable, bundle: AccountBundle): Promise<void> {
  for (const { table } of DEMO_TABLES) {
    if (table !== 'users' && bundle[table].length) await insertRows(q, table, bundle[table]);
  }
}

async function demoPresent(q: Queryable): Promise<boolean> {
  const rows = await q.query<{ present: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM accounts WHERE id = $1) AS present',
    [FIRST_ACCOUNT],
  );
  return rows[0]?.present === true;
}

/** Whether the demo dataset is already in the database (its first account exists). */
export function isSeeded(db: Database): Promise<boolean> {
  return db.asSystem(demoPresent);
}

/**
 * Seeds the fictitious demo dataset (see generateDemoData) as the owner role, in one transaction so a
 * failure leaves nothing half-seeded. Idempotent: if the demo data is already there it does nothing
 * and reports how many demo accounts exist. An advisory lock keeps two starting servers from racing.
 */
export async function seedDemo(
  db: Database,
  options: DemoOptions = {},
): Promise<{ accounts: number; inserted: boolean }> {
  const resolved = resolveDemoOptions(options);
  return db.asSystem(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOCK_KEY]);
    if (await demoPresent(q)) {
      const rows = await q.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM accounts WHERE id LIKE '001DM%'",
      );
      return { accounts: rows[0]?.n ?? 0, inserted: false };
    }
    await insertRows(q, 'users', DEMO_USERS);
    await insertRows(q, 'documents', knowledgeBase(resolved.anchor));
    let batch = emptyBundle();
    for (const bundle of generateAccountBundles(resolved)) {
      appendBundle(batch, bundle);
      if (batch.accounts.length >= ACCOUNTS_PER_FLUSH) {
        await flush(q, batch);
        batch = emptyBundle();
      }
    }
    await flush(q, batch);
    return { accounts: resolved.accounts, inserted: true };
  });
}
