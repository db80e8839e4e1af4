import type { SectionId } from '../../shared/sections.ts';
import type { Queryable } from '../data/db.ts';
import { buildAccount, fetchAccount } from './facts/account.ts';
import { buildActivities, fetchRecentActivities, fetchUpcomingMeetings } from './facts/activities.ts';
import { buildContacts, fetchContacts } from './facts/contacts.ts';
import type { FactContext } from './facts/context.ts';
import type { DocumentDataKind, DocumentHit } from './facts/document-queries.ts';
import {
  buildDocuments,
  fetchKnowledgeBase,
  fetchMeetingNotes,
  fetchNews,
  fetchRetrievedDocuments,
} from './facts/documents.ts';
import { buildInsights, fetchInsights } from './facts/insights.ts';
import { buildPipeline, fetchOpportunities } from './facts/pipeline.ts';
import {
  buildFeatureRequests,
  buildInvestments,
  fetchFeatureRequests,
  fetchInvestments,
} from './facts/programs.ts';
import { buildSupport, fetchSupportCases } from './facts/support.ts';
import { buildUsage, fetchUsage } from './facts/usage.ts';
import { isoDay } from './format.ts';
import { SourceRegistry } from './sources.ts';
import { DATA_KINDS, type DataKind, type SectionData } from './types.ts';

/** The account does not exist or the user may not see it; the two are deliberately the same. */
export class AccountNotVisibleError extends Error {
  constructor() {
    super('The account was not found or is not visible to this user.');
    this.name = 'AccountNotVisibleError';
  }
}

type Facts = Omit<SectionData, 'sectionId' | 'asOf' | 'account' | 'sources'>;

interface KindLoader {
  fetch(q: Queryable, accountId: string, now: Date): Promise<never[]>;
  build(rows: never[], ctx: FactContext): Facts;
}

// Each kind is one query (no per-row look-ups); build turns rows into facts and registers sources.
const loader = <R>(
  fetch: (q: Queryable, accountId: string, now: Date) => Promise<R[]>,
  build: (rows: R[], ctx: FactContext) => Facts,
) => ({ fetch, build }) as unknown as KindLoader;

const LOADERS: Record<Exclude<DataKind, 'account'>, KindLoader> = {
  contacts: loader(fetchContacts, (r, c) => ({ contacts: buildContacts(r, c) })),
  opportunities: loader(fetchOpportunities, (r, c) => ({ opportunities: buildPipeline(r, c) })),
  activities: loader(fetchRecentActivities, (r, c) => ({ activities: buildActivities(r, c) })),
  meetings: loader(fetchUpcomingMeetings, (r, c) => ({ meetings: buildActivities(r, c) })),
  usage: loader(fetchUsage, (r, c) => ({ usage: buildUsage(r, c) })),
  support_cases: loader(fetchSupportCases, (r, c) => ({ supportCases: buildSupport(r, c) })),
  investments: loader(fetchInvestments, (r, c) => ({ investments: buildInvestments(r, c) })),
  feature_requests: loader(fetchFeatureRequests, (r, c) => ({ featureRequests: buildFeatureRequests(r, c) })),
  insights: loader(fetchInsights, (r, c) => ({ insights: buildInsights(r, c) })),
  news: loader(fetchNews, (r, c) => ({ news: buildDocuments(r, c) })),
  knowledge_base: loader(fetchKnowledgeBase, (r, c) => ({ knowledgeBase: buildDocuments(r, c) })),
  meeting_notes: loader(fetchMeetingNotes, (r, c) => ({ meetingNotes: buildDocuments(r, c) })),
};

export interface SectionDataRequest {
  sectionId: SectionId;
  accountId: string;
  /** The kinds the section's prompt file lists; the account profile is always read. */
  kinds: readonly DataKind[];
  /** Base URL of the demo CRM that citation links point into. */
  publicUrl: string;
  now?: Date;
  /**
   * Documents retrieval already chose per kind (see read-section-data.ts); a document kind without
   * an entry is read by the SQL ranking instead (no vector index, or retrieval unavailable).
   */
  retrieved?: Partial<Record<DocumentDataKind, DocumentHit[]>>;
}

/** The rows a section's facts are built from: the account's, and one set a kind. */
export interface FactRows {
  account: Awaited<ReturnType<typeof fetchAccount>>;
  kinds: Partial<Record<DataKind, unknown[]>>;
}

export type FetchedKind = Exclude<DataKind, 'account'>;

/**
 * Reads the account and each of `kinds` with the given connection, one query a kind, all issued
 * together so they reach the database in one round trip (server/data/pipeline.ts). A document kind
 * with `retrieved` hits reads those documents; without, the SQL ranking. Rows are not built into
 * facts here, so one read can serve several sections (read-section-data.ts).
 */
export async function fetchFactRows(
  q: Queryable,
  accountId: string,
  kinds: readonly DataKind[],
  now: Date,
  retrieved?: Partial<Record<DocumentDataKind, DocumentHit[]>>,
): Promise<FactRows> {
  const wanted = DATA_KINDS.filter((k): k is FetchedKind => k !== 'account' && kinds.includes(k));
  const [account, ...rowSets] = await Promise.all([
    fetchAccount(q, accountId),
    ...wanted.map((k) => fetchKindRows(q, k, accountId, now, isDocumentKind(k) ? retrieved?.[k] : undefined)),
  ]);
  return { account, kinds: Object.fromEntries(wanted.map((k, i) => [k, rowSets[i]!])) };
}

/** One kind's rows: the retrieved documents when there are hits, else the kind's SQL query. */
export function fetchKindRows(
  q: Queryable,
  kind: FetchedKind,
  accountId: string,
  now: Date,
  hits?: readonly DocumentHit[],
): Promise<unknown[]> {
  return hits ? fetchRetrievedDocuments(q, hits) : LOADERS[kind].fetch(q, accountId, now);
}

/**
 * A section's facts from rows read for it (or for the whole summary): built in the fixed DATA_KINDS
 * order, so source refs (S1 = account, …) are the same on every run, with the section's own source
 * registry. Throws AccountNotVisibleError when row-level security hid the account.
 */
export function buildSectionData(request: SectionDataRequest, rows: FactRows): SectionData {
  if (!rows.account) throw new AccountNotVisibleError();
  const now = request.now ?? new Date();
  const kinds = DATA_KINDS.filter((k): k is FetchedKind => k !== 'account' && request.kinds.includes(k));
  const ctx: FactContext = {
    accountId: request.accountId,
    asOf: isoDay(now),
    now,
    sources: new SourceRegistry(request.publicUrl),
  };
  const account = buildAccount(rows.account, ctx);
  const facts = kinds.reduce<Facts>((acc, k) => {
    const kindRows = rows.kinds[k];
    if (!kindRows) throw new Error(`the ${k} rows were not read`);
    return Object.assign(acc, LOADERS[k].build(kindRows as never[], ctx));
  }, {});
  return { sectionId: request.sectionId, asOf: ctx.asOf, account, ...facts, sources: ctx.sources.list() };
}

/**
 * Reads and builds a section's facts with the given connection (fetchFactRows, buildSectionData).
 * Throws AccountNotVisibleError when row-level security hides the account.
 */
export async function loadSectionData(q: Queryable, request: SectionDataRequest): Promise<SectionData> {
  const now = request.now ?? new Date();
  const rows = await fetchFactRows(q, request.accountId, request.kinds, now, request.retrieved);
  return buildSectionData({ ...request, now }, rows);
}

function isDocumentKind(kind: DataKind): kind is DocumentDataKind {
  return kind === 'news' || kind === 'knowledge_base' || kind === 'meeting_notes';
}
