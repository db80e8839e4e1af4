import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../../server/data/db.ts';
import { indexDocuments } from '../../../server/ingest/index-documents.ts';
import { createLocalLexicalEmbedder } from '../../../server/retrieval/local-lexical-embedder.ts';
import { RetrievalInputError } from '../../../server/retrieval/retrieve-input.ts';
import { retrieve } from '../../../server/retrieval/search.ts';
import { countingEmbedder, DOCUMENTS, seedFixture, upsertDocument } from './fixture.ts';

const ALICE = 'alice@example.com';
let db: Database;
const embedder = countingEmbedder(createLocalLexicalEmbedder());

const chunksOf = (id: string) =>
  db.asSystem((q) =>
    q.query<{ ord: number; text: string; kind: string; product: string | null }>(
      'SELECT ord, text, kind, product FROM chunks WHERE document_id = $1 ORDER BY ord',
      [id],
    ),
  );

beforeAll(async () => {
  db = await openDatabase({ memory: true });
  await seedFixture(db);
});
afterAll(() => db?.close());

describe('indexing', () => {
  it('indexes every document once, then skips unchanged ones without embedding', async () => {
    const first = await indexDocuments(db, embedder);
    expect(first).toMatchObject({
      seen: DOCUMENTS.length,
      indexed: DOCUMENTS.length,
      unchanged: 0,
      chunksWritten: DOCUMENTS.length,
    });
    const before = embedder.texts;
    const again = await indexDocuments(db, embedder, { onlyChanged: true });
    expect(again).toMatchObject({
      seen: DOCUMENTS.length,
      indexed: 0,
      unchanged: DOCUMENTS.length,
      chunksWritten: 0,
    });
    expect(embedder.texts - before).toBe(0);
  });

  it('updates chunk metadata in place when only metadata changed', async () => {
    const doc = { ...DOCUMENTS[4]!, product: 'Compute' };
    await upsertDocument(db, doc);
    const calls = embedder.calls;
    expect(await indexDocuments(db, embedder)).toMatchObject({ indexed: 0, updated: 1 });
    expect(embedder.calls).toBe(calls);
    expect((await chunksOf(doc.id))[0]!.product).toBe('Compute');
  });

  it('replaces the chunks of a changed document', async () => {
    const long = {
      ...DOCUMENTS[2]!,
      body: Array.from({ length: 1500 }, (_, i) => `Lisbon expansion update ${i}.`).join(' '),
    };
    await upsertDocument(db, long);
    const summary = await indexDocuments(db, embedder);
    expect(summary.indexed).toBe(1);
    const chunks = await chunksOf(long.id);
    expect(chunks.length).toBe(summary.chunksWritten);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.map((c) => c.ord)).toEqual(chunks.map((_, i) => i));
    expect(chunks.some((c) => c.text.includes('automated warehouse'))).toBe(false);
    await upsertDocument(db, DOCUMENTS[2]!);
    await indexDocuments(db, embedder);
    expect(await chunksOf(long.id)).toHaveLength(1);
  });

  it('keeps the old chunks when writing the new ones fails midway', async () => {
    const doc = DOCUMENTS[3]!;
    const old = await chunksOf(doc.id);
    // A trigger makes the INSERT fail after the DELETE of the old chunks has run.
    await db.asSystem((q) =>
      q.query(`CREATE FUNCTION fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$;
               CREATE TRIGGER chunks_fail BEFORE INSERT ON chunks FOR EACH ROW
                 WHEN (NEW.text LIKE '%boom%') EXECUTE FUNCTION fail_insert();`),
    );
    await upsertDocument(db, { ...doc, body: `${doc.body} boom` });
    await expect(indexDocuments(db, embedder)).rejects.toThrow(/disk full/);
    expect(await chunksOf(doc.id)).toEqual(old);
    await db.asSystem((q) => q.query('DROP TRIGGER chunks_fail ON chunks'));
    // The failed document is still stale, so the next run completes it.
    expect(await indexDocuments(db, embedder)).toMatchObject({ indexed: 1 });
    expect((await chunksOf(doc.id))[0]!.text).toContain('boom');
    await upsertDocument(db, doc);
    await indexDocuments(db, embedder);
  });

  it('drops the chunks of a deleted document', async () => {
    await upsertDocument(db, { ...DOCUMENTS[0]!, id: 'kb-temp', title: 'Temporary' });
    await indexDocuments(db, embedder);
    expect(await chunksOf('kb-temp')).toHaveLength(1);
    await db.asSystem((q) => q.query("DELETE FROM documents WHERE id = 'kb-temp'"));
    expect(await chunksOf('kb-temp')).toHaveLength(0);
  });
});

describe('retrieve', () => {
  it('finds the right passage with a citable source', async () => {
    const [top] = await retrieve(db, ALICE, {
      query: 'archive tier renewal discount',
      accountId: 'acc-northwind',
    });
    expect(top).toMatchObject({
      sourceId: 'nw-note-1#0',
      documentId: 'nw-note-1',
      ord: 0,
      kind: 'meeting_note',
      title: 'QBR with Northwind',
      url: 'https://docs.example.com/nw-note-1',
      publishedAt: '2024-06-12T00:00:00.000Z',
      truncated: false,
    });
    expect(top!.snippet).toContain('archive tier renewal');
    expect(top!.tokens).toBeGreaterThan(10);
  });

  it('includes the global knowledge base unless asked not to', async () => {
    const withKb = await retrieve(db, ALICE, {
      query: 'migration credits program',
      accountId: 'acc-northwind',
    });
    expect(withKb[0]!.documentId).toBe('kb-credits');
    const own = await retrieve(db, ALICE, {
      query: 'migration credits program',
      accountId: 'acc-northwind',
      includeGlobal: false,
    });
    expect(own.every((c) => c.accountId === 'acc-northwind')).toBe(true);
  });

  it('applies kind, product and date filters', async () => {
    const base = { query: 'warehouse Lisbon storage discount renewal', accountId: 'acc-northwind' };
    expect((await retrieve(db, ALICE, { ...base, kinds: ['news'] })).map((c) => c.documentId)).toEqual([
      'nw-news-1',
    ]);
    expect(
      (await retrieve(db, ALICE, { ...base, products: ['Object Storage'] })).map((c) => c.documentId).sort(),
    ).toEqual(['kb-storage', 'nw-note-1']);
    const june = await retrieve(db, ALICE, { ...base, from: '2024-06-01', to: '2024-06-12' });
    expect(june.map((c) => c.documentId)).toEqual(['nw-note-1']);
  });

  it('finds an exact identifier through full-text search (hybrid)', async () => {
    const hits = await retrieve(db, ALICE, { query: 'INV-48213', k: 1, rerank: false });
    expect(hits[0]!.documentId).toBe('nw-note-1');
  });

  it('fits the token budget', async () => {
    const all = await retrieve(db, ALICE, {
      query: 'warehouse storage discount',
      accountId: 'acc-northwind',
    });
    const budget = all[0]!.tokens + 40;
    const fitted = await retrieve(db, ALICE, {
      query: 'warehouse storage discount',
      accountId: 'acc-northwind',
      tokenBudget: budget,
    });
    expect(fitted.reduce((n, c) => n + c.tokens, 0)).toBeLessThanOrEqual(budget);
    expect(fitted[0]!.sourceId).toBe(all[0]!.sourceId);
    expect(fitted.length).toBeLessThan(all.length);
  });

  it('returns nothing, rather than arbitrary rows, for a query of stop words', async () => {
    expect(await retrieve(db, ALICE, { query: 'the and of' })).toEqual([]);
  });

  it('rejects invalid filters with a typed 400 error', async () => {
    await expect(retrieve(db, ALICE, { query: 'x', kinds: ['memo' as 'kb'] })).rejects.toBeInstanceOf(
      RetrievalInputError,
    );
    await expect(retrieve(db, ALICE, { query: 'x', k: 500 })).rejects.toMatchObject({ status: 400 });
  });
});

describe('row-level security', () => {
  const contosoDocs = new Set(['ct-news-1', 'ct-filing-1']);
  const query = 'warehouse Lisbon discount storage renewal layoffs annual report';

  it('never returns another account’s chunks, whatever the filter', async () => {
    for (const input of [
      { query },
      { query, accountId: 'acc-contoso' },
      { query, accountId: 'acc-contoso', includeGlobal: false },
    ]) {
      const hits = await retrieve(db, ALICE, { ...input, k: 50 });
      expect(hits.filter((c) => contosoDocs.has(c.documentId))).toEqual([]);
    }
    expect(await retrieve(db, ALICE, { query, accountId: 'acc-contoso', includeGlobal: false })).toEqual([]);
  });

  it('lets everybody read the knowledge base, and a manager both accounts', async () => {
    const carol = await retrieve(db, 'carol@example.com', { query, k: 50 });
    expect(carol.length).toBeGreaterThan(0);
    expect(carol.every((c) => c.kind === 'kb' && c.accountId === null)).toBe(true);
    const maria = await retrieve(db, 'maria@example.com', { query, k: 50 });
    expect(new Set(maria.map((c) => c.accountId))).toEqual(new Set([null, 'acc-northwind', 'acc-contoso']));
    const bob = await retrieve(db, 'bob@example.com', { query, k: 50 });
    expect(bob.some((c) => c.accountId === 'acc-northwind')).toBe(false);
  });

  it('denies app_user any read of the index bookkeeping', async () => {
    expect(await db.asUser(ALICE, (q) => q.query('SELECT count(*)::int AS n FROM chunks'))).toEqual([
      { n: 4 },
    ]); // 2 KB + 2 Northwind
    await expect(db.asUser(ALICE, (q) => q.query('SELECT * FROM document_index'))).rejects.toThrow(
      /permission denied/,
    );
  });
});
