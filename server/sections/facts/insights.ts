import type { Queryable } from '../../data/db.ts';
import { round } from '../format.ts';
import type { InsightFact } from '../types.ts';
import type { FactContext } from './context.ts';

export interface InsightRow {
  id: string;
  kind: InsightFact['kind'];
  product: string | null;
  score: number;
  drivers: string;
  computed_at: string;
}

const LABEL: Record<InsightFact['kind'], string> = {
  propensity: 'Propensity to buy',
  churn_risk: 'Churn risk',
  expansion: 'Expansion potential',
};

/** The latest score per (kind, product): older scores were superseded by the model's next run. */
export function fetchInsights(q: Queryable, accountId: string): Promise<InsightRow[]> {
  return q.query<InsightRow>(
    `SELECT * FROM (
       SELECT DISTINCT ON (kind, coalesce(product, '')) id, kind, product, score, drivers, computed_at
         FROM ml_insights WHERE account_id = $1
        ORDER BY kind, coalesce(product, ''), computed_at DESC
     ) latest ORDER BY score DESC, id`,
    [accountId],
  );
}

/** Model scores as facts, with the score also as a whole percent. */
export function buildInsights(rows: InsightRow[], ctx: FactContext): InsightFact[] {
  return rows.map((r) => {
    const scorePct = round(r.score * 100, 0);
    return {
      ref: ctx.sources.add({
        kind: 'insight',
        recordId: r.id,
        title: `${LABEL[r.kind]}${r.product ? `: ${r.product}` : ''}`,
        snippet: `Score ${r.score} (${scorePct}%). Drivers: ${r.drivers}`,
        date: r.computed_at,
      }),
      id: r.id,
      kind: r.kind,
      product: r.product,
      score: r.score,
      scorePct,
      drivers: r.drivers,
      computedAt: r.computed_at,
    };
  });
}

/** How an insight kind is named to a seller. */
export function insightLabel(kind: InsightFact['kind']): string {
  return LABEL[kind];
}
