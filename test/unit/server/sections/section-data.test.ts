import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../../../../server/data/db.ts';
import { loadPromptFiles } from '../../../../server/sections/prompt-files.ts';
import { readSectionData } from '../../../../server/sections/read-section-data.ts';
import { AccountNotVisibleError, loadSectionData } from '../../../../server/sections/section-data.ts';
import { DATA_KINDS, type DataKind, type SectionData } from '../../../../server/sections/types.ts';
import { ACCOUNTS, openDemoDatabase, PUBLIC_URL } from './demo-db.ts';

let db: Database;
beforeAll(async () => {
  db = await openDemoDatabase();
}, 60_000);
afterAll(() => db?.close());

const [first] = ACCOUNTS;
const request = (accountId: string, kinds: readonly DataKind[] = DATA_KINDS) => ({
  sectionId: 'executive' as const,
  accountId,
  kinds,
  publicUrl: PUBLIC_URL,
});

/** Every `ref` in the facts, wherever it sits. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => (k === 'ref' && typeof v === 'string' ? [v] : refsIn(v)));
}

describe('loadSectionData', () => {
  it('reads every kind for a visible account, each fact tied to a source with a CRM link', async () => {
    const data = await readSectionData(db, first!.owner, request(first!.id));
    expect(data.account.id).toBe(first!.id);
    expect(data.sources[0]).toMatchObject({
      ref: 'S1',
      kind: 'account',
      url: `${PUBLIC_URL}/lightning/r/Account/${first!.id}/view`,
    });
    expect(data.sources.map((s) => s.ref)).toEqual(data.sources.map((_, i) => `S${i + 1}`));
    const { sources, ...facts } = data;
    expect(new Set(refsIn(facts))).toEqual(new Set(sources.map((s) => s.ref)));
    for (const s of sources) {
      expect(s.url).toMatch(
        /^http:\/\/127\.0\.0\.1:8787\/lightning\/r\/(Account|Contact|Opportunity|Event|Case|Investment__c|Feature_Request__c|Insight__c|Document)\/[0-9A-Za-z]{18}\/view$/,
      );
      expect(s.title).not.toBe('');
    }
    expect(sources.find((s) => s.kind === 'opportunity')?.url).toContain('/Opportunity/006DM');
    expect(sources.find((s) => s.kind === 'usage')?.url).toContain(`/Account/${first!.id}/`);
  });

  it('computes pipeline totals and a 12-month usage trend and chart', async () => {
    const data = await readSectionData(
      db,
      first!.owner,
      request(first!.id, ['account', 'opportunities', 'usage']),
    );
    const p = data.opportunities!;
    const open = p.items.filter((o) => o.status === 'open');
    expect(p.openCount).toBe(open.length);
    expect(p.openAmount).toBeCloseTo(
      open.reduce((s, o) => s + o.amount, 0),
      2,
    );
    const u = data.usage!;
    expect(u.months).toHaveLength(12);
    expect(u.chart.months).toEqual(u.months);
    expect(u.chart.series.map((s) => s.product).sort()).toEqual(u.products.map((x) => x.product).sort());
    for (const product of u.products) {
      const spend = u.chart.series.find((s) => s.product === product.product)!.spend;
      expect(product.trailing3Spend).toBeCloseTo(
        spend.slice(-3).reduce((a, b) => a + b, 0),
        2,
      );
      expect(product.prior3Spend).toBeCloseTo(
        spend.slice(-6, -3).reduce((a, b) => a + b, 0),
        2,
      );
    }
    expect(u.topProduct).toBe(u.products[0]!.product);
  });

  it('chooses knowledge-base articles for the products the account uses, buys or is scored on', async () => {
    const data = await readSectionData(db, first!.owner, request(first!.id));
    const products = new Set([
      ...data.usage!.products.map((p) => p.product),
      ...data
        .opportunities!.items.filter((o) => o.status === 'open' || o.status === 'stalled')
        .map((o) => o.product),
      ...data.insights!.map((i) => i.product),
      ...data.supportCases!.cases.filter((c) => c.status !== 'closed').map((c) => c.product),
    ]);
    expect(data.knowledgeBase!.length).toBeGreaterThan(0);
    for (const doc of data.knowledgeBase!) {
      expect(doc.kind).toBe('kb');
      if (doc.product) expect(products).toContain(doc.product);
    }
    for (const doc of data.news!) expect(['news', 'filing']).toContain(doc.kind);
  });

  it('reads only the kinds asked for, one query a kind, the same refs every time', async () => {
    let queries = 0;
    const data = await db.asUser(first!.owner, (q) => {
      const counting: Queryable = {
        query: (sql, params) => {
          queries++;
          return q.query(sql, params);
        },
      };
      return loadSectionData(counting, request(first!.id, ['account', 'usage', 'insights']));
    });
    expect(queries).toBe(3);
    expect(Object.keys(data).sort()).toEqual([
      'account',
      'asOf',
      'insights',
      'sectionId',
      'sources',
      'usage',
    ]);
    const again = await readSectionData(
      db,
      first!.owner,
      request(first!.id, ['account', 'usage', 'insights']),
    );
    expect(again).toEqual(data);
  });

  it('serves every prompt file its data kinds', async () => {
    const files = await loadPromptFiles();
    for (const file of Object.values(files)) {
      const data: SectionData = await readSectionData(db, first!.owner, {
        ...request(first!.id, file.data),
        sectionId: file.id,
      });
      expect(data.sectionId).toBe(file.id);
    }
  });

  it('applies row-level security: a user who cannot see the account gets no data at all', async () => {
    const carols = ACCOUNTS.find((a) => a.owner === 'carol@example.com')!;
    await expect(readSectionData(db, 'carol@example.com', request(first!.id))).rejects.toBeInstanceOf(
      AccountNotVisibleError,
    );
    await expect(readSectionData(db, 'alice@example.com', request(carols.id))).rejects.toBeInstanceOf(
      AccountNotVisibleError,
    );
    // Maria manages Alice and Bob: she sees their accounts, not Carol's.
    await expect(readSectionData(db, 'maria@example.com', request(first!.id))).resolves.toBeTruthy();
    await expect(readSectionData(db, 'maria@example.com', request(carols.id))).rejects.toThrow(/not visible/);
    // Carol still gets the global knowledge base for her own account.
    const own = await readSectionData(
      db,
      'carol@example.com',
      request(carols.id, ['account', 'knowledge_base']),
    );
    expect(own.knowledgeBase!.length).toBeGreaterThan(0);
  });
});
