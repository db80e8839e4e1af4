import type { Database, Queryable } from '../data/db.ts';
import { currentLog } from '../observability/logger.ts';
import type { RetrievalProviders } from '../retrieval/providers.ts';
import { retrieve } from '../retrieval/search.ts';
import { fetchDocumentFocus } from './facts/document-focus.ts';
import {
  DOCUMENT_KINDS,
  type DocumentDataKind,
  type DocumentHit,
  documentQuery,
  selectDocuments,
} from './facts/document-queries.ts';
import { logLine } from './failures.ts';
import { AccountNotVisibleError, loadSectionData, type SectionDataRequest } from './section-data.ts';
import { SectionGoneError } from './section-gone.ts';
import { readSummarySectionData, type SummaryReads } from './summary-reads.ts';
import type { SectionData } from './types.ts';

// These reads issue all their statements at once: COMMIT goes with them (server/data/pipeline.ts).
const ONE_MESSAGE = { oneMessage: true } as const;

export interface ReadSectionOptions {
  /** Embedder and reranker for document retrieval; null or absent = SQL ranking only. */
  retrieval?: RetrievalProviders | null;
  /** Runs in the transaction that reads the facts, before them (e.g. mark the section running); false = gone. */
  begin?: (q: Queryable) => Promise<boolean>;
  /** Receives one line when retrieval fails and the section falls back; never document text. */
  log?: (line: string) => void;
  /**
   * The summary's reads made once for all its sections (summary-reads.ts): then `begin` is not
   * used, the sections being marked running by that read.
   */
  summary?: SummaryReads;
}

/**
 * A section's facts, read as the user so row-level security decides what is seen. Structured facts
 * come from SQL. Documents (news, knowledge base, meeting notes) come from retrieval when a vector
 * index exists: the account's structured facts shape each query and its filters, the query is
 * embedded outside any transaction, and the chosen documents are read back under RLS with the
 * passage that matched. If retrieval fails the documents are ranked by SQL instead, so an embedder
 * outage costs relevance, not the section. A summary's sections share their reads (`summary`).
 * Throws AccountNotVisibleError or SectionGoneError.
 */
export async function readSectionData(
  db: Database,
  userId: string,
  request: SectionDataRequest,
  options: ReadSectionOptions = {},
): Promise<SectionData> {
  if (options.summary) return readSummarySectionData(db, userId, request, options.summary, options);
  // `begin` and the reads are issued together (one round trip); the reads of a gone section are dropped.
  const beginAndLoad = async (q: Queryable, load: SectionDataRequest) => {
    const [begun, data] = await Promise.allSettled([options.begin?.(q) ?? true, loadSectionData(q, load)]);
    if (begun.status === 'rejected') throw begun.reason;
    if (!begun.value) throw new SectionGoneError();
    if (data.status === 'rejected') throw data.reason;
    return data.value;
  };
  const documentKinds = DOCUMENT_KINDS.filter((k) => request.kinds.includes(k));
  const providers = db.hasVector && documentKinds.length ? options.retrieval : null;
  if (!providers) {
    return db.asUser(userId, (q) => beginAndLoad(q, request), ONE_MESSAGE);
  }

  const now = request.now ?? new Date();
  const focus = await db.asUser(
    userId,
    async (q) => {
      const found = await fetchDocumentFocus(q, request.accountId, now);
      if (!found) throw new AccountNotVisibleError();
      return found;
    },
    ONE_MESSAGE,
  );
  const retrieved: Partial<Record<DocumentDataKind, DocumentHit[]>> = {};
  await Promise.all(
    documentKinds.map(async (kind) => {
      try {
        const query = documentQuery(kind, request.accountId, focus, now);
        retrieved[kind] = selectDocuments(
          kind,
          await retrieve(db, userId, query, providers),
          focus,
          query.query,
        );
      } catch (error) {
        (options.log ?? ((line: string) => currentLog().warn(line)))(
          `section ${request.sectionId}: ${kind} retrieval failed, ranking by SQL: ${logLine(error)}`,
        );
      }
    }),
  );
  return db.asUser(userId, (q) => beginAndLoad(q, { ...request, now, retrieved }), ONE_MESSAGE);
}
