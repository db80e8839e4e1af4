import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/data/db.ts';
import { indexDocuments } from '../../../server/ingest/index-documents.ts';
import { localProviders } from '../../../server/retrieval/providers.ts';
import { retrieve, retrieveMany } from '../../../server/retrieval/search.ts';
import { loadPromptFiles } from '../../../server/sections/prompt-files.ts';
import { readSectionData } from '../../../server/sections/read-section-data.ts';
import { AccountNotVisibleError } from '../../../server/sections/section-data.ts';
import { SectionGoneError } from '../../../server/sections/section-gone.ts';
import { createSummaryReads } from '../../../server/sections/summary-reads.ts';
import { createSummaryRequest } from '../../../server/summaries/summary-requests.ts';
import { SECTION_IDS, type SectionId } from '../../../shared/sections.ts';
import { ACCOUNTS, openDemoDatabase, PUBLIC_URL } from '../../unit/server/sections/demo-db.ts';

// generateSummary reads a summary's facts once for all its sections (summary-reads.ts): the facts
// each section gets must be exactly those of a read of its own, in far fewer transactions.
let db: Database;
const providers = localProviders();
const NOW = new Date();
const [first] = ACCOUNTS;

beforeAll(async () => {
  db = await openDemoDatabase();
  await indexDocuments(db, providers.embedder);
}, 120_000);
afterAll(() => db?.close());

/** The database, counting the transactions run through it. */
function counted(): { db: Database; transactions: () => number } {
  let n = 0;
  return {
    db: {
      ...db,
      asUser: (userId, fn, options) => {
        n++;
        return db.asUser(userId, fn, options);
      },
    },
    transactions: () => n,
  };
}

async function summaryReads(userId: string, sections: readonly SectionId[], accountId = first!.id) {
  const files = await loadPromptFiles();
  const { requestId } = await createSummaryRequest(
    db,
    first!.owner,
    { accountId: first!.id, refresh: true },
    600,
  );
  const reads = createSummaryReads(requestId, sections, files);
  const request = (sectionId: SectionId) => ({
    sectionId,
    accountId,
    kinds: files[sectionId].data,
    publicUrl: PUBLIC_URL,
    now: NOW,
  });
  return { reads, request, requestId, userId };
}

describe('a summary reads its facts once for all its sections', () => {
  it('gives every section exactly the facts of its own read, in 3 transactions instead of one or more a section', async () => {
    const { reads, request, requestId } = await summaryReads(first!.owner, SECTION_IDS);
    const shared = counted();
    const together = await Promise.all(
      SECTION_IDS.map((s) =>
        readSectionData(shared.db, first!.owner, request(s), {
          retrieval: providers,
          summary: reads,
          log: () => {},
        }),
      ),
    );
    const own = counted();
    const alone = await Promise.all(
      SECTION_IDS.map((s) =>
        readSectionData(own.db, first!.owner, request(s), { retrieval: providers, log: () => {} }),
      ),
    );
    expect(together).toEqual(alone);
    // One for the facts of every section, one retrieval for every document kind, one read of them.
    expect(shared.transactions()).toBe(3);
    expect(own.transactions()).toBeGreaterThan(shared.transactions() * 2);
    const statuses = await db.asSystem((q) =>
      q.query<{ status: string }>('SELECT status FROM summary_sections WHERE request_id = $1', [requestId]),
    );
    expect(statuses.map((s) => s.status)).toEqual(SECTION_IDS.map(() => 'running'));
  });

  it('retrieves several queries in one transaction, each exactly as alone', async () => {
    const queries = [
      { query: 'renewal pricing discount', accountId: first!.id, includeGlobal: true },
      { query: 'outage incident escalation', accountId: first!.id, kinds: ['news' as const] },
      { query: 'onboarding best practice', kinds: ['kb' as const] },
    ];
    const once = counted();
    const together = await retrieveMany(once.db, first!.owner, queries, providers);
    expect(once.transactions()).toBe(1);
    expect(together.some((chunks) => chunks.length > 0)).toBe(true);
    for (const [i, query] of queries.entries())
      expect(together[i]).toEqual(await retrieve(db, first!.owner, query, providers));
  });

  it('reads the same facts without retrieval (SQL ranking for documents)', async () => {
    const { reads, request } = await summaryReads(first!.owner, SECTION_IDS);
    for (const s of SECTION_IDS) {
      const together = await readSectionData(db, first!.owner, request(s), {
        retrieval: null,
        summary: reads,
      });
      expect(together).toEqual(await readSectionData(db, first!.owner, request(s), { retrieval: null }));
    }
  });

  it('finds a section gone when its row is, and hides an account the user may not see', async () => {
    const { reads, request, requestId } = await summaryReads(first!.owner, ['executive']);
    await db.asSystem((q) =>
      q.query(`DELETE FROM summary_sections WHERE request_id = $1 AND section_id = 'executive'`, [requestId]),
    );
    await expect(
      readSectionData(db, first!.owner, request('executive'), { retrieval: providers, summary: reads }),
    ).rejects.toBeInstanceOf(SectionGoneError);
    // Carol sees no account: her read of this one finds nothing, exactly like a missing account.
    const other = await summaryReads('carol@example.com', ['consumption']);
    await expect(
      readSectionData(db, 'carol@example.com', other.request('consumption'), {
        retrieval: providers,
        summary: { ...other.reads, markRunning: async () => new Set(['consumption']) },
      }),
    ).rejects.toBeInstanceOf(AccountNotVisibleError);
  });
});
