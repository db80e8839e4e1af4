import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchAccounts } from '../../../server/accounts/search-accounts.ts';
import { type Database, openDatabase } from '../../../server/data/db.ts';
import { seedDemo } from '../../../server/data/demo/seed.ts';
import { recordFeedback } from '../../../server/feedback/record-feedback.ts';
import { readSummary } from '../../../server/summaries/read-summary.ts';
import { createSummaryRequest } from '../../../server/summaries/summary-requests.ts';
import { freePort } from '../../support/free-port.ts';
import { type PostgresServer, startPostgres } from '../../support/postgres-server.ts';

/**
 * One SQL code path, three engines: PGlite in-process, PGlite over the Postgres wire protocol
 * (pglite-socket), and a real PostgreSQL started here (Debian's 15, without pgvector).
 */
interface Backend {
  name: string;
  open(): Promise<{ db: Database; stop(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'PGlite in-process',
    open: async () => {
      const db = await openDatabase({ memory: true });
      return { db, stop: () => db.close() };
    },
  },
  {
    name: 'PGlite over the wire (pglite-socket)',
    open: async () => {
      const pglite = new PGlite({ extensions: { vector } });
      const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: await freePort() });
      await server.start();
      const db = await openDatabase({
        url: `postgres://postgres@${server.getServerConn()}/postgres`,
        maxConnections: 1,
      });
      return {
        db,
        stop: async () => {
          await db.close();
          await server.stop();
          await pglite.close();
        },
      };
    },
  },
  {
    name: 'PostgreSQL (Debian)',
    open: async () => {
      const pg: PostgresServer = await startPostgres();
      const db = await openDatabase({ url: pg.url });
      return {
        db,
        stop: async () => {
          await db.close();
          await pg.stop();
        },
      };
    },
  },
];

for (const backend of backends) {
  describe(backend.name, () => {
    let db: Database;
    let stop: () => Promise<void>;
    let access: Map<string, string[]>;

    beforeAll(async () => {
      ({ db, stop } = await backend.open());
      await seedDemo(db, { accounts: 9 });
      const rows = await db.asSystem((q) =>
        q.query<{ user_id: string; account_id: string }>('SELECT * FROM account_access ORDER BY 2'),
      );
      access = new Map();
      for (const r of rows) access.set(r.user_id, [...(access.get(r.user_id) ?? []), r.account_id]);
    }, 120_000);
    afterAll(() => stop?.());

    it('migrates idempotently', async () => {
      const reopened = await db.asSystem((q) =>
        q.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id'),
      );
      expect(reopened.map((r) => r.id)).toContain('001_core');
    });

    it('row-level security shows each user exactly their accounts, whichever table is read', async () => {
      for (const user of [
        'alice@example.com',
        'bob@example.com',
        'maria@example.com',
        'carol@example.com',
        'nobody@example.com',
      ]) {
        const expected = (access.get(user) ?? []).sort();
        for (const table of ['accounts', 'contacts', 'opportunities', 'support_cases', 'usage_monthly']) {
          const column = table === 'accounts' ? 'id' : 'account_id';
          const seen = await db.asUser(user, (q) =>
            q.query<{ a: string }>(`SELECT DISTINCT ${column} AS a FROM ${table} ORDER BY 1`),
          );
          expect(
            seen.map((r) => r.a).every((a) => expected.includes(a)),
            `${user} reads only visible rows of ${table}`,
          ).toBe(true);
        }
        const accounts = await db.asUser(user, (q) =>
          q.query<{ id: string }>('SELECT id FROM accounts ORDER BY id'),
        );
        expect(accounts.map((r) => r.id)).toEqual(expected);
      }
      const maria = new Set(access.get('maria@example.com'));
      for (const id of [...(access.get('alice@example.com') ?? []), ...(access.get('bob@example.com') ?? [])])
        expect(maria.has(id)).toBe(true);
      for (const id of access.get('carol@example.com') ?? []) expect(maria.has(id)).toBe(false);
    });

    it('knowledge-base documents are readable by everyone; account documents only by who may see them', async () => {
      const kb = await db.asUser('nobody@example.com', (q) =>
        q.query<{ n: number }>('SELECT count(*)::int AS n FROM documents'),
      );
      const kbTotal = await db.asSystem((q) =>
        q.query<{ n: number }>('SELECT count(*)::int AS n FROM documents WHERE account_id IS NULL'),
      );
      expect(kb[0]?.n).toBe(kbTotal[0]?.n);
      expect(kb[0]?.n).toBeGreaterThan(0);
    });

    it('a user-scoped setting does not outlive its transaction', async () => {
      await db.asUser('alice@example.com', (q) => q.query('SELECT 1'));
      const [row] = await db.asSystem((q) =>
        q.query<{ user_id: string | null; role: string }>(
          "SELECT current_setting('app.user_id', true) AS user_id, current_user AS role",
        ),
      );
      expect(row?.user_id ?? '').toBe('');
      expect(row?.role).toBe('postgres');
    });

    it('requests, polling, name search and feedback work as the user and refuse others', async () => {
      const [aliceAccount] = access.get('alice@example.com')!;
      const created = await createSummaryRequest(db, 'alice@example.com', { accountId: aliceAccount! }, 600);
      expect(created.created).toBe(true);
      expect((await readSummary(db, 'alice@example.com', created.requestId))?.sections).toHaveLength(6);
      expect(await readSummary(db, 'bob@example.com', created.requestId)).toBeNull();
      await expect(
        createSummaryRequest(db, 'bob@example.com', { accountId: aliceAccount! }, 600),
      ).rejects.toThrow(/not found/);
      await expect(
        recordFeedback(db, 'bob@example.com', { requestId: created.requestId, rating: 'up' }),
      ).rejects.toThrow(/not found/);
      expect(
        (await recordFeedback(db, 'alice@example.com', { requestId: created.requestId, rating: 'up' })).id,
      ).toBeGreaterThan(0);
      const [name] = await db.asSystem((q) =>
        q.query<{ name: string }>('SELECT name FROM accounts WHERE id = $1', [aliceAccount]),
      );
      expect((await searchAccounts(db, 'alice@example.com', name!.name))[0]?.id).toBe(aliceAccount);
      expect(await searchAccounts(db, 'carol@example.com', name!.name)).toEqual([]);
    });
  });
}
