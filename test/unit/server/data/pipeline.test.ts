import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../../server/data/db.ts';
import {
  escapeLiteral,
  inlineValues,
  parameterLiteral,
  sqlLiteral,
} from '../../../../server/data/sql-literal.ts';

let db: Database;
beforeAll(async () => {
  db = await openDatabase({ memory: true });
}, 60_000);
afterAll(() => db?.close());

// Every message a transaction sends, as node-postgres is asked to send it.
const sent: string[] = [];
const query = pg.Client.prototype.query;
beforeAll(() => {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    sent.push(typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string })?.text));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
});
afterAll(() => {
  pg.Client.prototype.query = query;
});
afterEach(() => {
  sent.length = 0;
});

const tricky = "o'brien \\ $2 -- ; DROP TABLE accounts";

describe('a transaction pipeline', () => {
  it('sends BEGIN, the role switch and the statements issued together in one message, then COMMIT', async () => {
    const [who, value, count] = await db.asUser(tricky, (q) =>
      Promise.all([
        q.query("SELECT current_user AS role, current_setting('app.user_id') AS uid"),
        q.query('SELECT $1::text AS v, $2::int AS n', [tricky, 3]),
        q.query('SELECT count(*) AS n FROM accounts'),
      ]),
    );
    expect(who).toEqual([{ role: 'app_user', uid: tricky }]);
    expect(value).toEqual([{ v: tricky, n: 3 }]);
    // The owner role would see the seeded accounts; an unknown user under RLS sees none.
    expect(count).toEqual([{ n: 0 }]);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatch(/^BEGIN;\nSELECT set_config\('role', 'app_user', true\)/);
    expect(sent[1]).toBe('COMMIT');
  });

  it('types inlined values from their context as parameters are: dates, arrays, JSON, null, numbers', async () => {
    const when = new Date('2026-03-04T05:06:07.890Z');
    const rows = await db.asSystem(async (q) => {
      const [row] = await Promise.all([
        q.query(
          `SELECT $1::timestamptz AS at, $2::text[] AS list, $3::jsonb AS doc, $4::text AS nothing,
                  $5::float8 AS x, $6::int + 1 AS n, $7::boolean AS yes`,
          [when, ['a', 'b"c', "d'e", 'f\\g'], { k: "it's", n: [1, 2] }, null, 1.25, 41, true],
        ),
        q.query('SELECT 1'),
      ]);
      return row;
    });
    expect(rows).toEqual([
      {
        at: when.toISOString(),
        list: ['a', 'b"c', "d'e", 'f\\g'],
        doc: { k: "it's", n: [1, 2] },
        nothing: null,
        x: 1.25,
        n: 42,
        yes: true,
      },
    ]);
  });

  it('keeps the extended protocol for a lone statement after the first message', async () => {
    await db.asSystem(async (q) => {
      await q.query('SELECT 1');
      await q.query('SELECT $1::text AS v', [tricky]);
    });
    expect(sent).toEqual(['BEGIN;\nSELECT 1', 'SELECT $1::text AS v', 'COMMIT']);
  });

  it('sends nothing for a transaction that made no statement', async () => {
    await expect(db.asUser('alice', async () => 'nothing')).resolves.toBe('nothing');
    expect(sent).toEqual([]);
  });

  it('fails every statement of a failed message, rolls back, and leaves the connection usable', async () => {
    await db.asSystem((q) => q.query('CREATE TABLE IF NOT EXISTS pipeline_probe (v text)'));
    const outcome = db.asSystem((q) =>
      Promise.allSettled([
        q.query("INSERT INTO pipeline_probe VALUES ('written')"),
        q.query('SELECT * FROM no_such_table'),
        q.query('SELECT 1'),
      ]).then((all) => {
        if (all.some((a) => a.status === 'rejected')) throw (all[1] as PromiseRejectedResult).reason;
        return all;
      }),
    );
    await expect(outcome).rejects.toThrow(/no_such_table/);
    expect(sent.at(-1)).toBe('ROLLBACK');
    // The insert before the failure in the same message was rolled back with the transaction.
    await expect(db.asSystem((q) => q.query('SELECT count(*) AS n FROM pipeline_probe'))).resolves.toEqual([
      { n: 0 },
    ]);
  });

  it('keeps BEGIN and the role switch for the next statements when a value cannot be inlined', async () => {
    const role = await db.asUser('alice@example.com', async (q) => {
      const refused = Promise.all([q.query('SELECT 1'), q.query('SELECT $1::bytea', [Buffer.from('x')])]);
      await expect(refused).rejects.toThrow(/binary/);
      return q.query('SELECT current_user AS role');
    });
    expect(role).toEqual([{ role: 'app_user' }]);
    expect(sent[0]).toMatch(/^BEGIN;\nSELECT set_config\('role', 'app_user', true\)/);
  });

  it('refuses statements after the transaction ended', async () => {
    let late: Promise<unknown> | undefined;
    await db.asSystem(async (q) => {
      await q.query('SELECT 1');
      setTimeout(() => {
        late = q.query('SELECT 2').catch((error: Error) => error.message);
      });
    });
    await new Promise((r) => setTimeout(r, 5));
    await expect(late).resolves.toMatch(/after its transaction ended/);
  });
});

describe('a transaction sent in one message', () => {
  it('commits with its statements, in one round trip, and leaves the connection to the next as it was', async () => {
    await db.asSystem((q) => q.query('CREATE TABLE IF NOT EXISTS one_message_probe (v text)'));
    await db.asSystem((q) => q.query('GRANT SELECT, INSERT ON one_message_probe TO app_user'));
    sent.length = 0;
    const rows = await db.asUser(
      'alice@example.com',
      (q) =>
        Promise.all([
          q.query('INSERT INTO one_message_probe VALUES ($1)', ['kept']),
          q.query('SELECT current_user AS role'),
        ]),
      { oneMessage: true },
    );
    expect(rows[1]).toEqual([{ role: 'app_user' }]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/;\nCOMMIT$/);
    // Committed (another transaction sees it), and the role switch ended with the transaction.
    await expect(
      db.asSystem((q) =>
        Promise.all([q.query('SELECT v FROM one_message_probe'), q.query('SELECT current_user AS role')]),
      ),
    ).resolves.toEqual([[{ v: 'kept' }], [{ role: 'postgres' }]]);
  });

  it('refuses a statement after its message, and rolls back a message that failed', async () => {
    await expect(
      db.asSystem(
        async (q) => {
          await q.query('SELECT 1');
          return q.query('SELECT 2');
        },
        { oneMessage: true },
      ),
    ).rejects.toThrow(/sent in one message/);
    await expect(
      db.asSystem(
        (q) => Promise.all([q.query("INSERT INTO one_message_probe VALUES ('lost')"), q.query('SELECT 1/0')]),
        { oneMessage: true },
      ),
    ).rejects.toThrow(/division by zero/);
    expect(sent.at(-1)).toBe('ROLLBACK');
    await expect(db.asSystem((q) => q.query('SELECT v FROM one_message_probe'))).resolves.toEqual([
      { v: 'kept' },
    ]);
  });
});

describe("a transaction's last statement", () => {
  it('carries COMMIT in its message, after earlier messages, and nothing may follow it', async () => {
    const rows = await db.asUser('alice@example.com', async (q) => {
      await q.query('SELECT 1');
      const [last] = await Promise.all([
        q.query('SELECT $1::text AS v', ['x'], { last: true }),
        q.query('SELECT current_user AS role'),
      ]);
      return last;
    });
    expect(rows).toEqual([{ v: 'x' }]);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe("SELECT 'x'::text AS v;\nSELECT current_user AS role;\nCOMMIT");
    await expect(db.asSystem((q) => q.query('SELECT current_user AS role'))).resolves.toEqual([
      { role: 'postgres' },
    ]);
    await expect(
      db.asSystem(async (q) => {
        await q.query('SELECT 1', [], { last: true });
        return q.query('SELECT 2');
      }),
    ).rejects.toThrow(/ended or was committed/);
  });
});

describe('SQL literals', () => {
  it('escapes strings, passes integers and refuses anything else', () => {
    expect(sqlLiteral("a'b")).toBe("'a''b'");
    expect(sqlLiteral('a\\b')).toBe(" E'a\\\\b'");
    expect(sqlLiteral(42)).toBe('42');
    expect(() => sqlLiteral(1.5)).toThrow();
    expect(() => sqlLiteral('a\0b')).toThrow(/NUL/);
  });

  it("escapes exactly as node-postgres's escapeLiteral does", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = ["'", '\\', 'a', 'é', ' ', '"', '$', ';', '\n', '😀', '\u0301'];
    for (let i = 0; i < 2_000; i++) {
      const text = Array.from(
        { length: Math.floor(random() * 12) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      expect(escapeLiteral(text)).toBe(pg.escapeLiteral(text));
    }
  });

  it('inlines parameters as quoted literals, NULL for null, and refuses binary values and gaps', () => {
    expect(inlineValues('x = $1 AND y = $2 AND z = $10', ['p', 7, 1, 1, 1, 1, 1, 1, 1, null])).toBe(
      "x = 'p' AND y = '7' AND z = NULL",
    );
    expect(parameterLiteral(undefined)).toBe('NULL');
    expect(() => parameterLiteral(Buffer.from('x'))).toThrow(/binary/);
    expect(() => inlineValues('x = $2', ['p'])).toThrow(/\$2/);
    expect(() => inlineValues('x = $0', ['p'])).toThrow(/\$0/);
  });
});
