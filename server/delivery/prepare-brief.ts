import type { Database } from '../data/db.ts';
import { ApiError } from '../http/errors.ts';
import type { SectionEngine } from '../llm/engine.ts';
import type { RetrievalProviders } from '../retrieval/providers.ts';
import { generateSummary } from '../sections/generate-summary.ts';
import { readSummary } from '../summaries/read-summary.ts';
import { createSummaryRequest } from '../summaries/summary-requests.ts';
import { type DueMeeting, type LeasedDelivery, setRequestId } from './delivery-store.ts';
import type { Brief } from './slack-message.ts';

export interface BriefDeps {
  db: Database;
  engine: SectionEngine;
  retrieval: RetrievalProviders | null;
  publicUrl: string;
  /** How long a summary's text stays once the seller could look at it (SUMMARY_TTL_SECONDS). */
  summaryTtlSeconds: number;
}

/** Why a brief could not be prepared; `retryable` = a later attempt may succeed. */
export class BriefError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'BriefError';
  }
}

const NOT_VISIBLE = 'the account or meeting is not visible to the seller';
const MAX_TTL_SECONDS = 86_400;

/**
 * Prepares the brief of one meeting as its seller — every read and write under row-level security,
 * so an account the seller may not see yields no brief. Generates the whole summary (the panel then
 * opens on it without waiting) and keeps its text until the meeting starts plus the usual TTL;
 * a summary prepared by an earlier attempt is reused while it is still there.
 */
export async function prepareBrief(
  deps: BriefDeps,
  meeting: DueMeeting,
  leased: readonly LeasedDelivery[],
  now: Date,
): Promise<{ brief: Brief; requestId: string }> {
  const { db } = deps;
  const [row] = await db.asUser(meeting.userId, (q) =>
    q.query<{ subject: string; occurs_at: string; name: string }>(
      `SELECT act.subject, act.occurs_at, acc.name
         FROM activities act JOIN accounts acc ON acc.id = act.account_id
        WHERE act.id = $1 AND act.owner_id = $2`,
      [meeting.activityId, meeting.userId],
    ),
  );
  if (!row) throw new BriefError(NOT_VISIBLE, false);
  const header = {
    accountId: meeting.accountId,
    accountName: row.name,
    meetingSubject: row.subject,
    meetingAt: row.occurs_at,
  };

  const earlier = leased.find((r) => r.requestId)?.requestId;
  if (earlier) {
    const executive = await readExecutive(db, meeting.userId, earlier);
    if (executive) return { brief: { ...header, ...executive }, requestId: earlier };
  }

  const ttl = Math.min(
    MAX_TTL_SECONDS,
    Math.ceil((Date.parse(row.occurs_at) - now.getTime()) / 1000) + deps.summaryTtlSeconds,
  );
  let created: Awaited<ReturnType<typeof createSummaryRequest>>;
  try {
    created = await createSummaryRequest(
      db,
      meeting.userId,
      { accountId: meeting.accountId, refresh: true },
      Math.max(ttl, 5),
    );
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_found') throw new BriefError(NOT_VISIBLE, false);
    throw error;
  }
  await setRequestId(db, leased, created.requestId);
  // Never rejects: failures are recorded per section, and read back below.
  await generateSummary(
    { db, engine: deps.engine, publicUrl: deps.publicUrl, retrieval: deps.retrieval },
    {
      requestId: created.requestId,
      userId: meeting.userId,
      accountId: meeting.accountId,
      sections: created.sections,
    },
  );
  const executive = await readExecutive(db, meeting.userId, created.requestId);
  if (!executive) throw new BriefError('the executive summary could not be generated', true);
  return { brief: { ...header, ...executive }, requestId: created.requestId };
}

async function readExecutive(
  db: Database,
  userId: string,
  requestId: string,
): Promise<Pick<Brief, 'executiveMarkdown' | 'citations'> | null> {
  const summary = await readSummary(db, userId, requestId);
  const section = summary?.sections.find((s) => s.id === 'executive');
  if (section?.status !== 'done' || !section.markdown) return null;
  return { executiveMarkdown: section.markdown, citations: section.citations };
}
