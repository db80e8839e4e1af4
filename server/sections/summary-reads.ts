import type { SectionId } from '../../shared/sections.ts';
import type { Database, Queryable } from '../data/db.ts';
import { currentLog } from '../observability/logger.ts';
import type { RetrievalProviders } from '../retrieval/providers.ts';
import { retrieveMany } from '../retrieval/search.ts';
import { type DocumentFocus, fetchDocumentFocus } from './facts/document-focus.ts';
import {
  DOCUMENT_KINDS,
  type DocumentDataKind,
  type DocumentHit,
  documentQuery,
  selectDocuments,
} from './facts/document-queries.ts';
import { logLine } from './failures.ts';
import type { PromptFile } from './prompt-files.ts';
import {
  AccountNotVisibleError,
  buildSectionData,
  type FactRows,
  fetchFactRows,
  fetchKindRows,
  type SectionDataRequest,
} from './section-data.ts';
import { SectionGoneError } from './section-gone.ts';
import { markSectionsRunning } from './section-writes.ts';
import { createSummaryMemo, type SummaryMemo } from './summary-memo.ts';
import type { DataKind, SectionData } from './types.ts';

// These reads issue all their statements at once: COMMIT goes with them (server/data/pipeline.ts).
const ONE_MESSAGE = { oneMessage: true } as const;

/** What one generateSummary run reads once for all its sections. */
export interface SummaryReads {
  /** Every kind the run's sections read (the union of their prompt files' `data`). */
  kinds: readonly DataKind[];
  /** Marks the run's sections running, in the first read; resolves those still there. */
  markRunning(q: Queryable): Promise<ReadonlySet<string>>;
  memo: SummaryMemo;
}

/** The reads of one run of `sections` of a request, whose prompt files are `files`. */
export function createSummaryReads(
  requestId: string,
  sections: readonly SectionId[],
  files: Record<SectionId, PromptFile>,
): SummaryReads {
  return {
    kinds: [...new Set(sections.flatMap((sectionId) => files[sectionId].data))],
    markRunning: (q) => markSectionsRunning(q, requestId, sections),
    memo: createSummaryMemo(),
  };
}

interface SummaryBase {
  running: ReadonlySet<string>;
  focus: DocumentFocus | null;
  rows: FactRows;
}

/**
 * A section's facts from reads its summary makes once for all its sections, as the user (RLS):
 * one transaction marks the sections running and reads the account, its document focus and every
 * structured kind any section needs (one round trip); then every document kind is retrieved and
 * its documents read, once, by the first section that needs documents. Each section builds its facts from
 * those rows with its own source registry, exactly as from a read of its own (section-data.ts).
 * Retrieval failing for a kind falls back to the SQL ranking, as in readSectionData.
 */
export async function readSummarySectionData(
  db: Database,
  userId: string,
  request: SectionDataRequest,
  reads: SummaryReads,
  options: { retrieval?: RetrievalProviders | null; log?: (line: string) => void },
): Promise<SectionData> {
  const now = request.now ?? new Date();
  const asOf = now.toISOString();
  const providers = db.hasVector ? (options.retrieval ?? null) : null;
  const retrieving = providers !== null && DOCUMENT_KINDS.some((k) => reads.kinds.includes(k));
  const base = await reads.memo.once(['summary facts', userId, request.accountId, asOf], () =>
    db.asUser(
      userId,
      async (q): Promise<SummaryBase> => {
        const structured = retrieving ? reads.kinds.filter((k) => !isDocumentKind(k)) : reads.kinds;
        const [running, focus, rows] = await Promise.all([
          reads.markRunning(q),
          retrieving ? fetchDocumentFocus(q, request.accountId, now) : null,
          fetchFactRows(q, request.accountId, structured, now),
        ]);
        return { running, focus, rows };
      },
      ONE_MESSAGE,
    ),
  );
  if (!base.running.has(request.sectionId)) throw new SectionGoneError();
  if (!base.rows.account) throw new AccountNotVisibleError();
  const documentKinds = DOCUMENT_KINDS.filter((k) => request.kinds.includes(k));
  if (!retrieving || !base.focus || !documentKinds.length)
    return buildSectionData({ ...request, now }, base.rows);

  const focus = base.focus;
  const log = options.log ?? ((line: string) => currentLog().warn(line));
  // Every document kind of the summary at once: one retrieval (its searches in one message, its
  // chunk rows in another) and one read of the chosen documents, by the first section that asks.
  const documents = await reads.memo.once(['documents', userId, request.accountId, asOf], async () => {
    const kinds = DOCUMENT_KINDS.filter((k) => reads.kinds.includes(k));
    const queries = kinds.map((kind) => documentQuery(kind, request.accountId, focus, now));
    let hits: (DocumentHit[] | undefined)[] = kinds.map(() => undefined);
    try {
      const found = await retrieveMany(db, userId, queries, providers);
      hits = found.map((chunks, i) => selectDocuments(kinds[i]!, chunks, focus, queries[i]!.query));
    } catch (error) {
      for (const kind of kinds)
        log(`section ${request.sectionId}: ${kind} retrieval failed, ranking by SQL: ${logLine(error)}`);
    }
    const rows = await db.asUser(
      userId,
      (q) => Promise.all(kinds.map((kind, i) => fetchKindRows(q, kind, request.accountId, now, hits[i]))),
      ONE_MESSAGE,
    );
    return Object.fromEntries(kinds.map((k, i) => [k, rows[i]!]));
  });
  const kinds = { ...base.rows.kinds, ...Object.fromEntries(documentKinds.map((k) => [k, documents[k]!])) };
  return buildSectionData({ ...request, now }, { account: base.rows.account, kinds });
}

function isDocumentKind(kind: DataKind): kind is DocumentDataKind {
  return (DOCUMENT_KINDS as readonly DataKind[]).includes(kind);
}
