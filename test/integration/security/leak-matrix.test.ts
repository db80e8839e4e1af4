import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retrieve } from '../../../server/retrieval/search.ts';
import { type SourceKind, type SummaryResponse, summaryResponseSchema } from '../../../shared/api.ts';
import { type CrmObject, type Matrix, OUTSIDER, recordPath, startMatrix } from './matrix-fixture.ts';
import {
  diffRows,
  expectedFingerprints,
  fingerprints,
  listTables,
  scopeOf,
  type TableInfo,
  UNSCOPED_TABLES,
} from './rls-tables.ts';

/**
 * Users × accounts × endpoints: every way account data leaves the server (summary, polling, SSE,
 * name search, feedback, citations and the CRM record pages they open, retrieval, raw SQL as
 * app_user) answers each user with exactly what row-level security lets them see.
 */

const UNKNOWN_ACCOUNT = '001DM9999999999AAA';
const PUBLIC_URL = 'http://crm.test';
const CITED_OBJECT: Record<SourceKind, CrmObject> = {
  account: 'Account',
  usage: 'Account',
  contact: 'Contact',
  opportunity: 'Opportunity',
  activity: 'Event',
  support_case: 'Case',
  investment: 'Investment__c',
  feature_request: 'Feature_Request__c',
  insight: 'Insight__c',
  document: 'Document',
};

interface Answer {
  status: number;
  type: string | null;
  text: string;
}
interface Brief {
  user: string;
  accountId: string;
  requestId: string;
  summary: SummaryResponse;
}

let m: Matrix;
/** POST /v1/summaries for every `${user} ${accountId}`, and for an unknown account per user. */
const created = new Map<string, Answer>();
const unknownCreated = new Map<string, Answer>();
const briefs: Brief[] = [];

const answer = async (res: Response): Promise<Answer> => ({
  status: res.status,
  type: res.headers.get('content-type'),
  text: await res.text(),
});
const api = (user: string, method: string, path: string, body?: unknown) =>
  m.server.call(method, path, { token: m.tokens.get(user), body }).then(answer);
const cell = (user: string, accountId: string) => `${user} ${accountId}`;

beforeAll(async () => {
  m = await startMatrix(6);
  for (const user of m.users) {
    unknownCreated.set(user, await api(user, 'POST', '/v1/summaries', { accountId: UNKNOWN_ACCOUNT }));
    for (const { id } of m.accounts) {
      created.set(cell(user, id), await api(user, 'POST', '/v1/summaries', { accountId: id }));
    }
  }
  // One summary per (user, visible account), generated once and shared by every test below.
  for (const [key, res] of created) {
    if (res.status !== 202) continue;
    const [user, accountId] = key.split(' ') as [string, string];
    const { requestId } = JSON.parse(res.text) as { requestId: string };
    const summary = summaryResponseSchema.parse(
      await m.server.waitForSummary(requestId, m.tokens.get(user)!),
    );
    briefs.push({ user, accountId, requestId, summary });
    for (const other of m.users) if (other !== user) m.forbid(other, requestId);
    // The owner rates it, so feedback rows exist for the SQL matrix.
    expect(
      (await api(user, 'POST', '/v1/feedback', { requestId, sectionId: 'executive', rating: 'up' })).status,
    ).toBe(201);
  }
}, 120_000);
afterAll(() => m?.server.close());

describe('schema', () => {
  it('puts row-level security that app_user cannot bypass on every table holding account or user data', async () => {
    const tables = await listTables(m.server.db);
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['accounts', 'chunks', 'documents']));
    for (const t of tables) {
      if (UNSCOPED_TABLES.has(t.name)) {
        expect(t.columns, t.name).not.toEqual(expect.arrayContaining(['account_id']));
        expect(t.columns, t.name).not.toEqual(expect.arrayContaining(['user_id']));
      } else expect(t.rowSecurity, `${t.name}: RLS enabled`).toBe(true);
      if (t.readable && t.rowSecurity) expect(t.policies, `${t.name}: policies`).toBeGreaterThan(0);
      if (t.readable) expect(scopeOf(t), `${t.name}: classify it in rls-tables.ts`).not.toBeNull();
      // FORCE only binds the table owner; app_user must not be one (else unforced RLS is skipped).
      expect(t.forced || !t.ownedByAppUser, `${t.name}: owned by app_user without FORCE`).toBe(true);
    }
    const [role] = await m.server.db.asSystem((q) =>
      q.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
        "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'app_user'",
      ),
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
  });
});

describe('SQL as app_user', () => {
  let tables: TableInfo[];
  beforeAll(async () => {
    tables = await listTables(m.server.db);
  });

  it('reads exactly the rows of visible accounts, own requests and global documents, for every user and table', async () => {
    for (const user of m.users) {
      const visible = m.visible.get(user)!;
      for (const t of tables) {
        if (!t.readable) {
          await expect(m.server.db.asUser(user, (q) => fingerprints(q, t.name))).rejects.toThrow(
            /permission denied/,
          );
          continue;
        }
        const expected = await expectedFingerprints(m.server.db, t, user, visible);
        const actual = await m.server.db.asUser(user, (q) => fingerprints(q, t.name));
        expect(diffRows(expected, actual), `${user} on ${t.name}`).toEqual({ extra: [], missing: [] });
      }
    }
  });

  it('shows global knowledge-base documents and chunks to everyone, even a user with no account', async () => {
    const [all] = await m.server.db.asSystem((q) =>
      q.query<{ docs: number; chunks: number }>(
        `SELECT (SELECT count(*)::int FROM documents WHERE account_id IS NULL AND kind = 'kb') AS docs,
                (SELECT count(*)::int FROM chunks WHERE account_id IS NULL) AS chunks`,
      ),
    );
    expect(all!.docs).toBeGreaterThan(0);
    expect(all!.chunks).toBeGreaterThan(0);
    for (const user of m.users) {
      const [seen] = await m.server.db.asUser(user, (q) =>
        q.query(
          `SELECT (SELECT count(*)::int FROM documents WHERE account_id IS NULL AND kind = 'kb') AS docs,
                  (SELECT count(*)::int FROM chunks WHERE account_id IS NULL) AS chunks`,
        ),
      );
      expect(seen, user).toEqual(all);
    }
  });

  it('negative control: the owner role sees more than any user, and a loosened policy is caught', async () => {
    const accountTables = tables.filter((t) => t.readable && t.columns.includes('account_id'));
    for (const user of m.users.filter((u) => m.visible.get(u)!.length < m.accounts.length)) {
      for (const t of accountTables) {
        const all = await m.server.db.asSystem((q) => fingerprints(q, t.name));
        const mine = await m.server.db.asUser(user, (q) => fingerprints(q, t.name));
        expect(all.length, `${user} on ${t.name}`).toBeGreaterThan(mine.length);
      }
    }
    // The same comparison, run against a deliberately broken policy inside a rolled-back transaction.
    const probe = async (table: string, breakIt: string, user: string) => {
      const info = tables.find((t) => t.name === table)!;
      const expected = await expectedFingerprints(m.server.db, info, user, m.visible.get(user)!);
      let actual: string[] = [];
      await m.server.db
        .asSystem(async (q) => {
          await q.query(breakIt);
          await q.query('SET LOCAL ROLE app_user');
          await q.query("SELECT set_config('app.user_id', $1, true)", [user]);
          actual = await fingerprints(q, table);
          throw new Error('rollback');
        })
        .catch((e: Error) => expect(e.message).toBe('rollback'));
      return diffRows(expected, actual);
    };
    const leaky = await probe(
      'contacts',
      'CREATE POLICY leak_probe ON contacts USING (true)',
      'carol@example.com',
    );
    expect(leaky.extra.length).toBeGreaterThan(0);
    const hidingKb = await probe(
      'chunks',
      'ALTER POLICY chunks_visible ON chunks USING (account_id IN (SELECT account_id FROM account_access WHERE user_id = app_current_user()))',
      OUTSIDER,
    );
    expect(hidingKb.missing.length).toBeGreaterThan(0);
    const policies = await m.server.db.asSystem((q) =>
      q.query("SELECT 1 FROM pg_policy WHERE polname = 'leak_probe'"),
    );
    expect(policies).toEqual([]);
  });
});

describe('POST /v1/summaries', () => {
  it('answers 202 for a visible account and, for any other, the byte-identical 404 of an unknown one, writing nothing', async () => {
    for (const user of m.users) {
      const unknown = unknownCreated.get(user)!;
      expect(unknown.status).toBe(404);
      for (const { id } of m.accounts) {
        const res = created.get(cell(user, id))!;
        if (m.canSee(user, id)) expect(res.status, cell(user, id)).toBe(202);
        else expect(res, cell(user, id)).toEqual(unknown);
      }
    }
    const rows = await m.server.db.asSystem((q) =>
      q.query<{ user_id: string; account_id: string }>('SELECT user_id, account_id FROM summary_requests'),
    );
    const expected = m.users.flatMap((u) =>
      m.accounts.filter((a) => m.canSee(u, a.id)).map((a) => cell(u, a.id)),
    );
    expect(rows.map((r) => cell(r.user_id, r.account_id)).sort()).toEqual(expected.sort());
    expect(new Set(briefs.map((b) => b.requestId)).size).toBe(briefs.length);
  });
});

describe('GET /v1/summaries/:id and /events', () => {
  it("serves a request to its requester only; anyone else, even seeing the account, gets a random id's 404", async () => {
    for (const user of m.users) {
      const random = randomUUID();
      const notFound = await api(user, 'GET', `/v1/summaries/${random}`);
      const notFoundEvents = await api(user, 'GET', `/v1/summaries/${random}/events`);
      expect(notFound.status).toBe(404);
      expect(notFoundEvents).toEqual(notFound);
      for (const b of briefs) {
        const poll = await api(user, 'GET', `/v1/summaries/${b.requestId}`);
        const events = await api(user, 'GET', `/v1/summaries/${b.requestId}/events`);
        if (user !== b.user) {
          expect(poll, `${user} polls ${b.user}'s`).toEqual(notFound);
          expect(events, `${user} streams ${b.user}'s`).toEqual(notFound);
          continue;
        }
        expect(poll.status).toBe(200);
        expect(JSON.parse(poll.text)).toMatchObject({ requestId: b.requestId, accountId: b.accountId });
        expect(events.status).toBe(200);
        expect(events.type).toMatch(/^text\/event-stream/);
        const data = [...events.text.matchAll(/^data: (.*)$/gm)].map((x) => JSON.parse(x[1]!));
        expect(data.at(-1)).toMatchObject({ requestId: b.requestId, accountId: b.accountId });
        expect(m.leaksIn(user, poll.text), 'poll').toEqual([]);
        expect(m.leaksIn(user, events.text), 'events').toEqual([]);
      }
    }
  });
});

describe('citations', () => {
  it("cite only the summarised account's records or global knowledge-base articles, and open for the requester", async () => {
    const byKey = new Map(m.records.map((r) => [`${r.object} ${r.id}`, r]));
    const kb = new Set(
      (
        await m.server.db.asSystem((q) =>
          q.query<{ id: string }>("SELECT id FROM documents WHERE account_id IS NULL AND kind = 'kb'"),
        )
      ).map((r) => r.id),
    );
    let globalCited = 0;
    for (const b of briefs) {
      const paths = new Set<string>();
      for (const c of b.summary.sections.flatMap((s) => s.citations)) {
        const object = CITED_OBJECT[c.kind];
        const record = byKey.get(`${object} ${c.recordId}`);
        expect(record, `${c.kind} ${c.recordId}`).toBeDefined();
        const global = record!.accountId === null;
        if (global) expect(kb.has(c.recordId), `${c.recordId} is a KB article`).toBe(true);
        else expect(record!.accountId, `${c.kind} ${c.recordId} of ${b.accountId}`).toBe(b.accountId);
        if (global) globalCited++;
        expect(c.url).toBe(`${PUBLIC_URL}${recordPath(object, c.recordId)}`);
        paths.add(recordPath(object, c.recordId));
      }
      expect(m.leaksIn(b.user, JSON.stringify(b.summary)), `${b.user} ${b.accountId}`).toEqual([]);
      for (const path of paths) expect((await m.crm(b.user, path)).status, path).toBe(200);
    }
    expect(globalCited).toBeGreaterThan(0);
  });
});

describe('GET /v1/accounts?query=', () => {
  it('returns only visible accounts for exact names, prefixes and words, and finds each visible one', async () => {
    const queries = new Set<string>();
    for (const { name } of m.accounts) {
      queries.add(name).add(name.toUpperCase()).add(`${name}, Inc.`).add(`Call about ${name} renewal`);
      for (const n of [1, 2, 3, 5, 8]) queries.add(name.slice(0, n));
      for (const word of name.split(/\s+/)) queries.add(word);
    }
    for (const user of m.users) {
      for (const query of queries) {
        const res = await api(user, 'GET', `/v1/accounts?query=${encodeURIComponent(query)}&limit=50`);
        expect(res.status).toBe(200);
        const ids = (JSON.parse(res.text) as { accounts: { id: string }[] }).accounts.map((a) => a.id);
        for (const id of ids) expect(m.canSee(user, id), `${user} searching "${query}" got ${id}`).toBe(true);
        expect(m.leaksIn(user, res.text)).toEqual([]);
        const named = m.accounts.find((a) => a.name === query);
        if (named && m.canSee(user, named.id)) expect(ids[0], `${user} "${query}"`).toBe(named.id);
      }
    }
  });
});

describe('GET /v1/deliveries', () => {
  it("returns a user's own deliveries of visible accounts only, never another's or a hidden account's", async () => {
    for (const user of m.users) {
      const res = await api(user, 'GET', '/v1/deliveries?limit=100');
      expect(res.status).toBe(200);
      const ids = (JSON.parse(res.text) as { deliveries: { accountId: string }[] }).deliveries.map(
        (d) => d.accountId,
      );
      expect(ids.sort(), user).toEqual([...m.visible.get(user)!].sort());
      expect(m.leaksIn(user, res.text)).toEqual([]);
    }
  });
});

describe('POST /v1/feedback', () => {
  it("answers anyone but the requester with an unknown request's 404, with or without a section, storing nothing", async () => {
    const count = () => m.server.db.asSystem((q) => q.query('SELECT count(*)::int AS n FROM feedback'));
    const before = await count();
    for (const user of m.users) {
      const unknown = await api(user, 'POST', '/v1/feedback', { requestId: randomUUID(), rating: 'down' });
      expect(unknown.status).toBe(404);
      for (const b of briefs.filter((x) => x.user !== user)) {
        for (const body of [
          { requestId: b.requestId, rating: 'down' },
          { requestId: b.requestId, sectionId: 'pipeline', rating: 'down', comment: 'probe' },
        ]) {
          expect(await api(user, 'POST', '/v1/feedback', body), `${user} on ${b.user}'s`).toEqual(unknown);
        }
      }
    }
    expect(await count()).toEqual(before);
  });
});

describe('demo CRM pages', () => {
  it.each(['alice@example.com', 'bob@example.com', 'maria@example.com', 'carol@example.com'])(
    '%s opens exactly the records of visible accounts and every KB article; the rest are an unknown id’s 404',
    async (user) => {
      expect(m.users).toContain(user);
      const notFound = new Map<string, Answer>();
      for (const r of m.records) {
        if (!notFound.has(r.object))
          notFound.set(r.object, await answer(await m.crm(user, recordPath(r.object, 'NOPE'))));
        const res = await answer(await m.crm(user, recordPath(r.object, r.id)));
        if (!m.canSee(user, r.accountId)) {
          expect(res, `${user} ${r.object} ${r.id}`).toEqual(notFound.get(r.object));
          continue;
        }
        expect(res.status, `${user} ${r.object} ${r.id}`).toBe(200);
        expect(res.text).toContain(`data-record-id="${r.id}"`);
        expect(m.leaksIn(user, res.text), `${user} ${r.object} ${r.id}`).toEqual([]);
      }
      expect(notFound.get('Account')!.status).toBe(404);
    },
  );

  it('list views and their searches show only visible records; an unknown user is sent to sign in', async () => {
    for (const user of m.users.filter((u) => u !== OUTSIDER)) {
      for (const list of ['Account', 'Opportunity', 'Case']) {
        for (const q of ['', ...m.accounts.map((a) => a.name), 'a', 'e']) {
          const res = await answer(await m.crm(user, `/lightning/o/${list}/list?q=${encodeURIComponent(q)}`));
          expect(res.status).toBe(200);
          expect(m.leaksIn(user, res.text, q), `${user} ${list} "${q}"`).toEqual([]);
        }
      }
    }
    const outsider = await m.crm(
      OUTSIDER,
      recordPath('Document', m.records.find((r) => r.object === 'Document')!.id),
    );
    expect(outsider.status).toBe(302);
    expect(outsider.headers.get('location')).toMatch(/^\/login/);
  });
});

describe('retrieval', () => {
  it("returns another account's chunks to no one, and global chunks to everyone", async () => {
    for (const user of m.users) {
      for (const { id, name } of m.accounts) {
        const hits = await retrieve(m.server.db, user, {
          query: `${name} renewal pricing`,
          accountId: id,
          k: 50,
        });
        for (const h of hits)
          expect(h.accountId === null || m.canSee(user, h.accountId), `${user} ${id}`).toBe(true);
        if (!m.canSee(user, id)) expect(hits.every((h) => h.accountId === null)).toBe(true);
        expect(hits.length).toBeGreaterThan(0);
        const own = await retrieve(m.server.db, user, { query: name, accountId: id, includeGlobal: false });
        if (!m.canSee(user, id)) expect(own).toEqual([]);
      }
    }
  });
});

describe('losing access', () => {
  it('hides summaries, feedback targets, search hits and records of an account the moment access is revoked', async () => {
    const b = briefs.find((x) => x.user === 'maria@example.com')!;
    const revoke = (sql: string) => m.server.db.asSystem((q) => q.query(sql, [b.user, b.accountId]));
    const name = m.accounts.find((a) => a.id === b.accountId)!.name;
    await revoke('DELETE FROM account_access WHERE user_id = $1 AND account_id = $2');
    try {
      const random = randomUUID();
      const notFound = await api(b.user, 'GET', `/v1/summaries/${random}`);
      expect(await api(b.user, 'GET', `/v1/summaries/${b.requestId}`)).toEqual(notFound);
      expect(await api(b.user, 'GET', `/v1/summaries/${b.requestId}/events`)).toEqual(notFound);
      expect(await api(b.user, 'POST', '/v1/feedback', { requestId: b.requestId, rating: 'up' })).toEqual(
        await api(b.user, 'POST', '/v1/feedback', { requestId: random, rating: 'up' }),
      );
      const search = await api(b.user, 'GET', `/v1/accounts?query=${encodeURIComponent(name)}`);
      expect(search.text).not.toContain(b.accountId);
      expect((await m.crm(b.user, recordPath('Account', b.accountId))).status).toBe(404);
      expect(
        await m.server.db.asUser(b.user, (q) =>
          q.query('SELECT 1 FROM summary_requests WHERE id = $1', [b.requestId]),
        ),
      ).toEqual([]);
    } finally {
      await revoke('INSERT INTO account_access (user_id, account_id) VALUES ($1, $2)');
    }
    expect((await api(b.user, 'GET', `/v1/summaries/${b.requestId}`)).status).toBe(200);
  });
});
