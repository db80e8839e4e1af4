import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../../server/data/db.ts';
import { inlineValues, sqlLiteral } from '../../../../server/data/sql-literal.ts';

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ memory: true });
}, 60_000);
afterAll(() => db?.close());

const tricky = "o'brien \\ $2 -- ; DROP TABLE accounts";

describe('asUser with a first statement', () => {
  it('runs it as app_user with the user set, values inlined verbatim, and hands fn its rows', async () => {
    const seen = await db.asUser(
      tricky,
      async (q, first) => ({ first, inside: await q.query("SELECT current_setting('app.user_id') AS uid") }),
      {
        sql: "SELECT current_user AS role, current_setting('app.user_id') AS uid, $1::text AS v, $2::int AS n",
        values: [tricky, 3],
      },
    );
    expect(seen.first).toEqual([{ role: 'app_user', uid: tricky, v: tricky, n: 3 }]);
    expect(seen.inside).toEqual([{ uid: tricky }]);
  });

  it('passes no rows when there is no first statement, and fails the transaction when it fails', async () => {
    await expect(db.asUser('alice', async (_q, first) => first)).resolves.toBeUndefined();
    await expect(
      db.asUser('alice', async () => 'ran', { sql: 'SELECT * FROM no_such_table', values: [] }),
    ).rejects.toThrow(/no_such_table/);
    // The connection is usable again (the failed transaction was rolled back).
    await expect(db.asUser('alice', async (q) => q.query('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
  });
});

describe('sqlLiteral', () => {
  it('escapes strings, passes integers and refuses anything else', () => {
    expect(sqlLiteral("a'b")).toBe("'a''b'");
    expect(sqlLiteral('a\\b')).toBe(" E'a\\\\b'");
    expect(sqlLiteral(42)).toBe('42');
    expect(() => sqlLiteral(1.5)).toThrow();
    expect(() => sqlLiteral('a\0b')).toThrow(/NUL/);
    expect(inlineValues('x = $1 AND y = $2', ['p', 7])).toBe("x = 'p' AND y = 7");
    expect(() => inlineValues('x = $2', ['p'])).toThrow(/\$2/);
  });
});
