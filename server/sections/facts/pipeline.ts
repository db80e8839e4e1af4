import type { Queryable } from '../../data/db.ts';
import { daysBetween, formatDate, formatMoney, isoDay, round } from '../format.ts';
import type { OpportunityFact, PipelineFacts } from '../types.ts';
import type { FactContext } from './context.ts';

export interface OpportunityRow {
  id: string;
  name: string;
  product: string | null;
  stage: string;
  status: OpportunityFact['status'];
  amount: number;
  probability: number;
  close_date: string;
  partner: string | null;
  next_step: string | null;
  last_activity_at: string | null;
}

/** Everything still in play, plus deals won or lost in the last year for context. */
export function fetchOpportunities(q: Queryable, accountId: string, now: Date): Promise<OpportunityRow[]> {
  return q.query<OpportunityRow>(
    `SELECT id, name, product, stage, status, amount, probability, close_date, partner, next_step,
            last_activity_at
       FROM opportunities
      WHERE account_id = $1 AND (status IN ('open', 'stalled') OR close_date >= $2::date - 365)
      ORDER BY CASE status WHEN 'open' THEN 0 WHEN 'stalled' THEN 1 WHEN 'won' THEN 2 ELSE 3 END,
               amount DESC, id`,
    [accountId, isoDay(now)],
  );
}

/** Opportunities as facts plus counts and totals per status. */
export function buildPipeline(rows: OpportunityRow[], ctx: FactContext): PipelineFacts {
  const items = rows.map((r): OpportunityFact => {
    const ref = ctx.sources.add({
      kind: 'opportunity',
      recordId: r.id,
      title: r.name,
      snippet: `${r.status} · ${r.stage} · ${formatMoney(r.amount)} at ${r.probability}% · closes ${formatDate(
        r.close_date,
      )}${r.partner ? ` · partner ${r.partner}` : ''}${r.next_step ? ` · next step: ${r.next_step}` : ''}`,
      date: r.close_date,
    });
    return {
      ref,
      id: r.id,
      name: r.name,
      product: r.product,
      stage: r.stage,
      status: r.status,
      amount: r.amount,
      probability: r.probability,
      closeDate: r.close_date,
      partner: r.partner,
      nextStep: r.next_step,
      lastActivityAt: r.last_activity_at,
      daysSinceActivity: r.last_activity_at ? Math.max(0, daysBetween(r.last_activity_at, ctx.asOf)) : null,
    };
  });
  const by = (status: OpportunityFact['status']) => items.filter((o) => o.status === status);
  const sum = (list: OpportunityFact[]) =>
    round(
      list.reduce((s, o) => s + o.amount, 0),
      2,
    );
  const open = by('open');
  return {
    items,
    openCount: open.length,
    openAmount: sum(open),
    weightedOpenAmount: round(
      open.reduce((s, o) => s + (o.amount * o.probability) / 100, 0),
      0,
    ),
    stalledCount: by('stalled').length,
    stalledAmount: sum(by('stalled')),
    wonCount: by('won').length,
    wonAmount: sum(by('won')),
    lostCount: by('lost').length,
    lostAmount: sum(by('lost')),
  };
}
