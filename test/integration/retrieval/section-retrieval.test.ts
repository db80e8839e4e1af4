import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/data/db.ts';
import { indexDocuments } from '../../../server/ingest/index-documents.ts';
import { createLocalGroundedEngine } from '../../../server/llm/local-grounded.ts';
import { checkSection } from '../../../server/quality/check-section.ts';
import { compactCitations } from '../../../server/quality/compact-citations.ts';
import { localProviders, type RetrievalProviders } from '../../../server/retrieval/providers.ts';
import { fetchDocumentFocus } from '../../../server/sections/facts/document-focus.ts';
import { documentQuery } from '../../../server/sections/facts/document-queries.ts';
import { buildPromptContext } from '../../../server/sections/prompt-context.ts';
import { loadPromptFiles, renderPrompt } from '../../../server/sections/prompt-files.ts';
import { readSectionData } from '../../../server/sections/read-section-data.ts';
import { AccountNotVisibleError } from '../../../server/sections/section-data.ts';
import type { SectionData } from '../../../server/sections/types.ts';
import { SECTION_IDS } from '../../../shared/sections.ts';
import { ACCOUNTS, openDemoDatabase, PUBLIC_URL } from '../../unit/server/sections/demo-db.ts';

// Sections fed by retrieval: structured facts shape the queries, RLS bounds the results, and the
// passage that matched (not the start of the document) is what the prompt quotes.
let db: Database;
const providers = localProviders();
const NOW = new Date();
const [first, second] = ACCOUNTS;
const NOTE_ID = 'doc-long-meeting-note';
const NEEDLE = 'procurement asked for a ninety-day pilot of the data residency add-on';

const read = (
  accountId: string,
  user: string,
  kinds: string[],
  retrieval: RetrievalProviders | null = providers,
) =>
  readSectionData(
    db,
    user,
    { sectionId: 'executive', accountId, kinds: kinds as never, publicUrl: PUBLIC_URL, now: NOW },
    { retrieval, log: () => {} },
  );

beforeAll(async () => {
  db = await openDemoDatabase();
  // A long meeting note: the part about the open deal sits far past the first chunk.
  const filler = Array.from(
    { length: 400 },
    (_, i) => `Item ${i}: the team reviewed dashboards, owners and the quarterly calendar.`,
  ).join(' ');
  const [opp] = await db.asSystem((q) =>
    q.query<{ name: string }>(
      `SELECT name FROM opportunities WHERE account_id = $1 AND status IN ('open','stalled') ORDER BY id LIMIT 1`,
      [first!.id],
    ),
  );
  await db.asSystem((q) =>
    q.query(
      `INSERT INTO documents (id, account_id, kind, title, url, source, product, published_at, body, content_hash)
       VALUES ($1, $2, 'meeting_note', 'Quarterly operations review', NULL, NULL, NULL, $3, $4, 'h-long-note')`,
      [
        NOTE_ID,
        first!.id,
        new Date(NOW.getTime() - 5 * 86_400_000).toISOString(),
        `${filler} On ${opp?.name ?? 'the open deal'}: ${NEEDLE}; next steps decision due in two weeks.`,
      ],
    ),
  );
  const summary = await indexDocuments(db, providers.embedder);
  expect(summary.indexed).toBeGreaterThan(0);
}, 120_000);
afterAll(() => db?.close());

describe('sections read documents through retrieval', () => {
  it('quotes the matching passage of a long document, not its opening', async () => {
    const data = await read(first!.id, first!.owner, ['account', 'opportunities', 'meeting_notes']);
    const note = data.meetingNotes!.find((d) => d.id === NOTE_ID);
    expect(note, 'the long meeting note is among the notes').toBeDefined();
    expect(note!.excerpt).toContain('ninety-day pilot');
    const without = await read(first!.id, first!.owner, ['account', 'meeting_notes'], null);
    const sqlNote = without.meetingNotes!.find((d) => d.id === NOTE_ID);
    expect(sqlNote?.excerpt ?? '').not.toContain('ninety-day pilot');
  });

  it('shapes queries and filters from the structured facts', async () => {
    const focus = await db.asUser(first!.owner, (q) => fetchDocumentFocus(q, first!.id, NOW));
    expect(focus!.products.length).toBeGreaterThan(0);
    const kb = documentQuery('knowledge_base', first!.id, focus!, NOW);
    for (const { product } of focus!.products.slice(0, 3)) expect(kb.query).toContain(product);
    const news = documentQuery('news', first!.id, focus!, NOW);
    expect(news).toMatchObject({ includeGlobal: false, kinds: ['news', 'filing'], accountId: first!.id });
    expect(news.query).toContain(focus!.accountName);

    const data = await read(first!.id, first!.owner, ['account', 'knowledge_base', 'news']);
    const products = new Set(focus!.products.map((p) => p.product));
    expect(data.knowledgeBase!.length).toBeGreaterThan(0);
    for (const doc of data.knowledgeBase!) {
      expect(doc.kind).toBe('kb');
      expect(doc.product === null || products.has(doc.product)).toBe(true);
    }
    const top = focus!.products[0]!.product;
    const hasArticle = await db.asSystem((q) =>
      q.query(`SELECT 1 FROM documents WHERE kind = 'kb' AND product = $1`, [top]),
    );
    if (hasArticle.length) expect(data.knowledgeBase!.some((d) => d.product === top)).toBe(true);
    const perProduct = new Map<string, number>();
    for (const d of data.knowledgeBase!)
      if (d.product) perProduct.set(d.product, (perProduct.get(d.product) ?? 0) + 1);
    expect(Math.max(0, ...perProduct.values())).toBeLessThanOrEqual(2);

    const dates = data.news!.map((d) => d.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const own = await db.asSystem((q) =>
      q.query<{ id: string }>(`SELECT id FROM documents WHERE account_id = $1`, [first!.id]),
    );
    const owned = new Set(own.map((r) => r.id));
    expect(data.news!.every((d) => owned.has(d.id))).toBe(true);
  });

  it('cites every retrieved document with a preview of the matched words', async () => {
    const data = await read(first!.id, first!.owner, ['account', 'knowledge_base', 'news', 'meeting_notes']);
    const docs = [...data.knowledgeBase!, ...data.news!, ...data.meetingNotes!];
    for (const doc of docs) {
      const source = data.sources.find((s) => s.ref === doc.ref)!;
      expect(source).toMatchObject({ kind: 'document', recordId: doc.id });
      expect(source.url).toContain(`/Document/${doc.id}/view`);
      expect(source.snippet.length).toBeGreaterThan(20);
    }
  });

  it('keeps row-level security: no document of an account the user may not see', async () => {
    await expect(read(first!.id, 'carol@example.com', ['account', 'news'])).rejects.toBeInstanceOf(
      AccountNotVisibleError,
    );
    if (second && second.owner !== first!.owner) {
      await expect(read(second.id, first!.owner, ['account', 'news'])).rejects.toBeInstanceOf(
        AccountNotVisibleError,
      );
    }
  });

  it('falls back to SQL ranking when the embedder fails, and logs no document text', async () => {
    const lines: string[] = [];
    const broken: RetrievalProviders = {
      embedder: { ...providers.embedder, embed: () => Promise.reject(new Error('embedding service down')) },
      reranker: null,
    };
    const data = await readSectionData(
      db,
      first!.owner,
      {
        sectionId: 'executive',
        accountId: first!.id,
        kinds: ['account', 'news', 'knowledge_base', 'meeting_notes'],
        publicUrl: PUBLIC_URL,
        now: NOW,
      },
      { retrieval: broken, log: (l) => lines.push(l) },
    );
    expect(data.news!.length + data.knowledgeBase!.length).toBeGreaterThan(0);
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).toMatch(/retrieval failed, ranking by SQL: .*embedding service down/);
    expect(lines.join('\n')).not.toContain(NEEDLE);
  });

  it('every section of every account passes its checks when fed by retrieval', async () => {
    const prompts = await loadPromptFiles();
    const engine = createLocalGroundedEngine();
    for (const account of ACCOUNTS) {
      for (const sectionId of SECTION_IDS) {
        const file = prompts[sectionId];
        const data: SectionData = await readSectionData(
          db,
          account.owner,
          { sectionId, accountId: account.id, kinds: file.data, publicUrl: PUBLIC_URL, now: NOW },
          { retrieval: providers },
        );
        const prompt = renderPrompt(file, buildPromptContext(data));
        const written = await engine.write({
          sectionId,
          title: file.title,
          prompt,
          data,
          tier: file.tier,
          maxOutputTokens: file.maxOutputTokens,
        });
        const { markdown, citations } = compactCitations(written.markdown.trim(), data.sources);
        const checks = await checkSection(markdown, data, citations);
        expect(checks.numbers?.passed, `${account.id} ${sectionId}: ${JSON.stringify(checks.numbers)}`).toBe(
          true,
        );
        expect(checks.citations?.passed, `${account.id} ${sectionId}`).toBe(true);
      }
    }
  }, 120_000);
});
