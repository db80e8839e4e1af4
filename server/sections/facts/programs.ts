import type { Queryable } from '../../data/db.ts';
import { formatDate, formatMoney, isoDay } from '../format.ts';
import type { FeatureRequestFact, InvestmentFact } from '../types.ts';
import type { FactContext } from './context.ts';

export interface InvestmentRow {
  id: string;
  kind: InvestmentFact['kind'];
  name: string;
  amount: number;
  status: InvestmentFact['status'];
  starts_on: string;
  ends_on: string;
}

export interface FeatureRequestRow {
  id: string;
  title: string;
  product: string | null;
  status: FeatureRequestFact['status'];
  priority: FeatureRequestFact['priority'];
  requested_at: string;
}

/** Credits, programs and funding that are live or proposed, or ended within the last year. */
export function fetchInvestments(q: Queryable, accountId: string, now: Date): Promise<InvestmentRow[]> {
  return q.query<InvestmentRow>(
    `SELECT id, kind, name, amount, status, starts_on, ends_on FROM investments
      WHERE account_id = $1 AND (status <> 'expired' OR ends_on >= $2::date - 365)
      ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'proposed' THEN 1 ELSE 2 END, ends_on DESC, id
      LIMIT 10`,
    [accountId, isoDay(now)],
  );
}

/** Feature requests, open ones and high priority first. */
export function fetchFeatureRequests(q: Queryable, accountId: string): Promise<FeatureRequestRow[]> {
  return q.query<FeatureRequestRow>(
    `SELECT id, title, product, status, priority, requested_at FROM feature_requests
      WHERE account_id = $1
      ORDER BY CASE WHEN status IN ('submitted', 'planned') THEN 0 ELSE 1 END,
               CASE priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, requested_at DESC, id
      LIMIT 10`,
    [accountId],
  );
}

/** Credits, programs and funding as facts. */
export function buildInvestments(rows: InvestmentRow[], ctx: FactContext): InvestmentFact[] {
  return rows.map((r) => ({
    ref: ctx.sources.add({
      kind: 'investment',
      recordId: r.id,
      title: r.name,
      snippet: `${r.kind} · ${r.status} · ${formatMoney(r.amount)} · ${formatDate(r.starts_on)} to ${formatDate(
        r.ends_on,
      )}`,
      date: r.starts_on,
    }),
    id: r.id,
    kind: r.kind,
    name: r.name,
    amount: r.amount,
    status: r.status,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
  }));
}

/** Feature requests as facts. */
export function buildFeatureRequests(rows: FeatureRequestRow[], ctx: FactContext): FeatureRequestFact[] {
  return rows.map((r) => ({
    ref: ctx.sources.add({
      kind: 'feature_request',
      recordId: r.id,
      title: r.title,
      snippet: `${r.priority} priority · ${r.status}${r.product ? ` · ${r.product}` : ''} · requested ${formatDate(
        r.requested_at,
      )}`,
      date: isoDay(r.requested_at),
    }),
    id: r.id,
    title: r.title,
    product: r.product,
    status: r.status,
    priority: r.priority,
    requestedAt: r.requested_at,
  }));
}
