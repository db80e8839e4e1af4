import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../server/data/db.ts';
import { nearestChunks } from '../../../server/retrieval/candidate-queries.ts';
import { vectorLiteral } from '../../../server/retrieval/embedder.ts';
import { embedLexical } from '../../../server/retrieval/local-lexical-embedder.ts';
import { parseRetrieveInput } from '../../../server/retrieval/retrieve-input.ts';
import { retrieve } from '../../../server/retrieval/search.ts';

// Enough rows that an HNSW scan followed by the account filter would come back nearly empty:
// 120 accounts × 12 chunks, the user sees one account.
const ACCOUNTS = 120;
const PER_ACCOUNT = 12;
const USER = 'alice@example.com';
const TARGET = 'acc-0007';
const TOPICS = [
  'storage renewal',
  'compute migration',
  'support escalation',
  'pricing discount',
  'security audit',
  'data residency',
];

let db: Database;

beforeAll(async () => {
  db = await openDatabase({ memory: true });
  await db.asSystem(async (q) => {
    await q.query("INSERT INTO users VALUES ($1, 'Alice', 'AE', 'seller')", [USER]);
    const ids = Array.from({ length: ACCOUNTS }, (_, i) => `acc-${String(i).padStart(4, '0')}`);
    await q.query(
      `INSERT INTO accounts (id, name, owner_id, created_at, updated_at)
       SELECT id, id, $2, now(), now() FROM unnest($1::text[]) AS id`,
      [ids, USER],
    );
    await q.query('INSERT INTO account_access VALUES ($1, $2)', [USER, TARGET]);
    await q.query(
      `INSERT INTO documents (id, account_id, kind, title, published_at, body, content_hash)
       SELECT 'doc-' || a, a, 'news', 'Doc ' || a, now(), 'body', 'h' FROM unnest($1::text[]) AS a`,
      [ids],
    );
    const rows = ids.flatMap((a, i) =>
      Array.from({ length: PER_ACCOUNT }, (_, j) => {
        const text = `${TOPICS[(i + j) % TOPICS.length]} note ${j} for ${a} ${TOPICS[(i * j) % TOPICS.length]}`;
        return { a, j, text, v: vectorLiteral(embedLexical(text)) };
      }),
    );
    await q.query(
      `INSERT INTO chunks (document_id, ord, account_id, kind, published_at, title, text, token_count, embedding)
       SELECT 'doc-' || a, j, a, 'news', now(), 'Doc ' || a, t, 10, v::vector
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[]) AS r(a, j, t, v)`,
      [rows.map((r) => r.a), rows.map((r) => r.j), rows.map((r) => r.text), rows.map((r) => r.v)],
    );
  });
}, 120_000);
afterAll(() => db?.close());

/** Brute force: every row of the account, exact distance, no index (the cast defeats it). */
async function exactTop(query: string, k: number): Promise<{ id: number; distance: number }[]> {
  return db.asSystem((q) =>
    q.query<{ id: number; distance: number }>(
      `SELECT id, (embedding::text)::vector <=> $1::vector AS distance FROM chunks WHERE account_id = $2
       ORDER BY distance, id LIMIT ${k}`,
      [vectorLiteral(embedLexical(query)), TARGET],
    ),
  );
}

describe('filtered k-NN', () => {
  it('returns k rows under a very selective account filter, equal to exact search', async () => {
    for (const query of ['storage renewal discount', 'security audit', 'compute migration note 3']) {
      const hits = await retrieve(db, USER, {
        query,
        accountId: TARGET,
        k: 10,
        hybrid: false,
        rerank: false,
      });
      expect(hits).toHaveLength(10);
      expect(hits.every((h) => h.accountId === TARGET)).toBe(true);
      const ids = await db.asUser(USER, (q) =>
        nearestChunks(
          q,
          vectorLiteral(embedLexical(query)),
          parseRetrieveInput({ query, accountId: TARGET }),
          { account: TARGET },
          10,
        ),
      );
      expect(ids.map((r) => r.id)).toEqual((await exactTop(query, 10)).map((r) => r.id));
    }
  });

  it('still returns k rows on the HNSW path (iterative scan) when RLS hides most rows', async () => {
    const query = 'pricing discount';
    const rows = await db.asUser(USER, (q) =>
      // exactMax 0 forces the index path: 1,440 rows, of which the user may see 12.
      nearestChunks(q, vectorLiteral(embedLexical(query)), parseRetrieveInput({ query }), 'all', 10, 0),
    );
    expect(rows).toHaveLength(10);
    // Recall by distance, since equal texts tie: a hit counts when it is as near as the exact 10th.
    const kth = (await exactTop(query, 10)).at(-1)!.distance;
    const recall = rows.filter((r) => r.distance <= kth + 1e-9).length / 10;
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
