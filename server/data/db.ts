import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { vector } from '@electric-sql/pglite-pgvector';
import pg from 'pg';
import { MIGRATIONS } from './migrations.ts';
import { pipeline, type StatementOptions, type TransactionOptions } from './pipeline.ts';
import { sqlLiteral } from './sql-literal.ts';

/**
 * A connection inside one transaction. Parameters are positional ($1, $2, …). Statements issued in
 * the same tick (e.g. under Promise.all) go to the database in one round trip, in the order issued.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: StatementOptions,
  ): Promise<T[]>;
}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** Whether pgvector is installed (PGlite always; a PostgreSQL only if the extension exists). */
  readonly hasVector: boolean;
  /**
   * Runs fn in one transaction as the non-superuser role app_user with app.user_id = userId, so
   * row-level security decides what it may read or write. Never await slow I/O (model calls) in fn:
   * PGlite serialises transactions.
   */
  asUser<T>(userId: string, fn: (q: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Runs fn in one transaction as the owner role (bypasses RLS): migrations, seeding, expiry only. */
  asSystem<T>(fn: (q: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

export type { StatementOptions, TransactionOptions };

export type DatabaseOptions =
  | { url: string; maxConnections?: number }
  | { dataDir: string }
  | { memory: true };

// Numbers as numbers, dates as 'YYYY-MM-DD' and timestamps as ISO strings: the same values on both
// engines, and no time-zone shift of calendar dates.
const NUMERIC = 1700;
const INT8 = 20;
const DATE = 1082;
const TIMESTAMPTZ = 1184;
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === NUMERIC || oid === INT8) return (v: string) => Number(v);
    if (oid === DATE) return (v: string) => v;
    if (oid === TIMESTAMPTZ) return (v: string) => new Date(v).toISOString();
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let pool: pg.Pool;
  let pglite: PGlite | undefined;
  if ('url' in options) {
    pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10, types });
    // An idle connection the server dropped (restart, failover) is replaced at the next checkout;
    // unhandled, the pool's error event would end the process.
    pool.on('error', () => {});
  } else {
    // PGlite creates only the last folder of its path: a fresh clone has no .data/ yet.
    if ('dataDir' in options) mkdirSync(dirname(options.dataDir), { recursive: true });
    pglite =
      'dataDir' in options
        ? new PGlite(options.dataDir, { extensions: { vector } })
        : new PGlite({ extensions: { vector } });
    await pglite.waitReady;
    pool = new pg.Pool({ ...createPgConfig(pglite), types });
  }

  /** Opens a transaction on a pooled connection; `begin` is sent with its first statements. */
  async function transaction<T>(
    begin: readonly string[],
    fn: (q: Queryable) => Promise<T>,
    options?: TransactionOptions,
  ) {
    const client = await pool.connect();
    // A connection cut while checked out (database restart, failover) emits 'error' on the client
    // between queries; unheard, that ends the process. The transaction fails on its next query.
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken = error;
    };
    client.on('error', onError);
    const pipe = pipeline(client, begin, options);
    try {
      const result = await fn(pipe.q);
      await pipe.end('COMMIT');
      return result;
    } catch (error) {
      await pipe.end('ROLLBACK').catch((rollbackError: Error) => {
        broken ??= rollbackError;
      });
      throw error;
    } finally {
      client.off('error', onError);
      // A broken connection is closed, not handed to the next transaction.
      client.release(broken);
    }
  }

  const db: Database = {
    kind: pglite ? 'pglite' : 'postgres',
    hasVector: false,
    // set_config('role', …, true) is SET LOCAL ROLE; is_local=true ends both with the transaction,
    // so nothing leaks to the next user. They go with BEGIN in the first message, and the statements
    // after them run one after another, so every one of fn's statements runs as app_user (RLS).
    asUser: (userId, fn, options) =>
      transaction(
        [
          'BEGIN',
          `SELECT set_config('role', 'app_user', true), set_config('app.user_id', ${sqlLiteral(userId)}, true)`,
        ],
        fn,
        options,
      ),
    asSystem: (fn, options) => transaction(['BEGIN'], fn, options),
    close: async () => {
      await pool.end();
      await pglite?.close();
    },
  };
  await migrate(db);
  const [installed] = await db.asSystem((q) =>
    q.query("SELECT 1 FROM pg_extension WHERE extname = 'vector'"),
  );
  return { ...db, hasVector: Boolean(installed) };
}

async function migrate(db: Database): Promise<void> {
  await db.asSystem(async (q) => {
    // Several processes may start at once on one PostgreSQL: one migrates, the others wait, then skip.
    await q.query('SELECT pg_advisory_xact_lock(7311003)');
    await q.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz DEFAULT now())',
    );
    const done = new Set(
      (await q.query<{ id: string }>('SELECT id FROM schema_migrations')).map((r) => r.id),
    );
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue;
      // Checked per migration: an earlier one in this run may have created the extension.
      if (
        m.requires === 'vector' &&
        !(await q.query("SELECT 1 FROM pg_extension WHERE extname = 'vector'")).length
      )
        continue;
      await q.query(m.sql);
      await q.query('INSERT INTO schema_migrations (id) VALUES ($1)', [m.id]);
    }
  });
}
