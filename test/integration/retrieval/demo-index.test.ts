import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../server/data/db.ts';
import { seedDemo } from '../../../server/data/demo/seed.ts';
import { indexDocuments } from '../../../server/ingest/index-documents.ts';
import { createLocalLexicalEmbedder } from '../../../server/retrieval/local-lexical-embedder.ts';
import { retrieve } from '../../../server/retrieval/search.ts';

// What start-up does after seeding: index the demo documents, then serve retrieval per user.
let db: Database;
let access: Map<string, string[]>;

beforeAll(async () => {
  db = await openDatabase({ memory: true });
  await seedDemo(db, { accounts: 6 });
  const rows = await db.asSystem((q) =>
    q.query<{ user_id: string; account_id: string }>('SELECT * FROM account_access'),
  );
  access = new Map();
  for (const r of rows) access.set(r.user_id, [...(access.get(r.user_id) ?? []), r.account_id]);
}, 120_000);
afterAll(() => db?.close());

describe('demo documents', () => {
  it('index once, then count as unchanged', async () => {
    const embedder = createLocalLexicalEmbedder();
    const first = await indexDocuments(db, embedder, { onlyChanged: true });
    expect(first.seen).toBeGreaterThan(0);
    expect(first.indexed).toBe(first.seen);
    expect(first.chunksWritten).toBeGreaterThanOrEqual(first.seen);
    expect(await indexDocuments(db, embedder)).toMatchObject({ indexed: 0, unchanged: first.seen });
  });

  it('serve each user only their accounts and the knowledge base', async () => {
    const [alice] = access.get('alice@example.com') ?? [];
    expect(alice).toBeDefined();
    const hits = await retrieve(db, 'alice@example.com', {
      query: 'news announcement growth product support',
      accountId: alice,
      k: 20,
    });
    expect(hits.length).toBeGreaterThan(0);
    const allowed = new Set(access.get('alice@example.com'));
    expect(hits.every((h) => h.accountId === null || allowed.has(h.accountId))).toBe(true);
    const everything = await retrieve(db, 'alice@example.com', {
      query: 'news announcement growth product support',
      k: 50,
    });
    expect(everything.every((h) => h.accountId === null || allowed.has(h.accountId))).toBe(true);
  });
});
