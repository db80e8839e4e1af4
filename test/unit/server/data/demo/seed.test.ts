import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../../../server/data/db.ts';
import { generateDemoData } from '../../../../../server/data/demo/generate.ts';
import { isSeeded, seedDemo } from '../../../../../server/data/demo/seed.ts';
import { DEMO_TABLES } from '../../../../../server/data/demo/tables.ts';

const anchor = new Date('2025-06-15T00:00:00Z');
const data = generateDemoData({ anchor, accounts: 30 });
let db: Database;

beforeAll(async () => {
  db = await openDatabase({ memory: true });
}, 60_000);
afterAll(() => db?.close());

const idsAs = (user: string, sql: string) =>
  db.asUser(user, async (q) => (await q.query<{ id: string }>(sql)).map((r) => r.id).sort());

describe('seedDemo', () => {
  it('seeds every table once; a second call is a no-op', async () => {
    expect(await isSeeded(db)).toBe(false);
    expect(await seedDemo(db, { anchor, accounts: 30 })).toEqual({ accounts: 30, inserted: true });
    expect(await isSeeded(db)).toBe(true);
    expect(await seedDemo(db, { anchor, accounts: 30 })).toEqual({ accounts: 30, inserted: false });
    for (const { table } of DEMO_TABLES) {
      const [row] = await db.asSystem((q) =>
        q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`),
      );
      expect(row!.n, table).toBe(data[table].length);
    }
  }, 60_000);

  it('matches the live schema column for column', async () => {
    const rows = await db.asSystem((q) =>
      q.query<{ table_name: string; column_name: string }>(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'",
      ),
    );
    for (const { table, columns } of DEMO_TABLES) {
      const live = rows
        .filter((r) => r.table_name === table)
        .map((r) => r.column_name)
        .sort();
      expect(columns.map(([c]) => c).sort(), table).toEqual(live);
    }
  });

  it('round-trips values exactly (numbers, dates, timestamps)', async () => {
    const [opp] = await db.asSystem((q) =>
      q.query('SELECT * FROM opportunities WHERE id = $1', [data.opportunities[0]!.id]),
    );
    expect(opp).toEqual(data.opportunities[0]);
    const [usage] = await db.asSystem((q) =>
      q.query('SELECT * FROM usage_monthly ORDER BY account_id, product, month LIMIT 1'),
    );
    expect(data.usage_monthly).toContainEqual(usage);
  });

  it('lets row-level security show alice only her own accounts and their rows', async () => {
    const own = data.accounts
      .filter((a) => a.owner_id === 'alice@example.com')
      .map((a) => a.id)
      .sort();
    expect(own.length).toBeGreaterThan(0);
    expect(await idsAs('alice@example.com', 'SELECT id FROM accounts')).toEqual(own);
    const contacts = await db.asUser('alice@example.com', (q) =>
      q.query<{ account_id: string }>('SELECT account_id FROM contacts'),
    );
    expect(new Set(contacts.map((c) => c.account_id))).toEqual(new Set(own));
    const docs = await db.asUser('alice@example.com', (q) =>
      q.query<{ account_id: string | null }>('SELECT account_id FROM documents'),
    );
    expect(docs.filter((d) => d.account_id === null)).toHaveLength(12);
    for (const d of docs) if (d.account_id) expect(own).toContain(d.account_id);
  });

  it("shows maria alice's and bob's accounts, and carol's only to carol", async () => {
    const ofOwner = (...owners: string[]) =>
      data.accounts
        .filter((a) => owners.includes(a.owner_id))
        .map((a) => a.id)
        .sort();
    expect(await idsAs('maria@example.com', 'SELECT id FROM accounts')).toEqual(
      ofOwner('alice@example.com', 'bob@example.com'),
    );
    expect(await idsAs('carol@example.com', 'SELECT id FROM accounts')).toEqual(ofOwner('carol@example.com'));
    expect(await idsAs('bob@example.com', 'SELECT id FROM accounts')).toEqual(ofOwner('bob@example.com'));
  });
});
