import type { Queryable } from '../../data/db.ts';
import { daysBetween, formatDate, isoDay } from '../format.ts';
import { clip } from '../sources.ts';
import type { SupportCaseFact, SupportFacts } from '../types.ts';
import type { FactContext } from './context.ts';

export interface SupportCaseRow {
  id: string;
  case_number: string;
  subject: string;
  product: string | null;
  severity: SupportCaseFact['severity'];
  status: SupportCaseFact['status'];
  opened_at: string;
  closed_at: string | null;
  description: string | null;
}

/** Closed cases older than this add noise, not insight. */
const RECENT_DAYS = 180;

/** Open and escalated cases, plus cases closed recently; escalations and high severity first. */
export function fetchSupportCases(q: Queryable, accountId: string, now: Date): Promise<SupportCaseRow[]> {
  return q.query<SupportCaseRow>(
    `SELECT id, case_number, subject, product, severity, status, opened_at, closed_at, description
       FROM support_cases
      WHERE account_id = $1 AND (status <> 'closed' OR closed_at >= $2::timestamptz - interval '${RECENT_DAYS} days')
      ORDER BY CASE status WHEN 'escalated' THEN 0 WHEN 'open' THEN 1 ELSE 2 END, severity, opened_at DESC, id
      LIMIT 12`,
    [accountId, isoDay(now)],
  );
}

/** Support cases as facts plus open, escalated and recently closed counts. */
export function buildSupport(rows: SupportCaseRow[], ctx: FactContext): SupportFacts {
  const cases = rows.map(
    (r): SupportCaseFact => ({
      ref: ctx.sources.add({
        kind: 'support_case',
        recordId: r.id,
        title: `Case ${r.case_number}: ${r.subject}`,
        snippet: `${r.severity} · ${r.status} · opened ${formatDate(r.opened_at)}${
          r.closed_at ? ` · closed ${formatDate(r.closed_at)}` : ''
        }${r.description ? ` — ${clip(r.description, 180)}` : ''}`,
        date: r.closed_at ?? r.opened_at,
      }),
      id: r.id,
      caseNumber: r.case_number,
      subject: r.subject,
      product: r.product,
      severity: r.severity,
      status: r.status,
      openedAt: r.opened_at,
      closedAt: r.closed_at,
      ageDays: Math.max(0, daysBetween(r.opened_at, r.closed_at ?? ctx.asOf)),
    }),
  );
  return {
    cases,
    openCount: cases.filter((c) => c.status !== 'closed').length,
    escalatedCount: cases.filter((c) => c.status === 'escalated').length,
    closedRecentCount: cases.filter((c) => c.status === 'closed').length,
    recentDays: RECENT_DAYS,
  };
}
