import type { Queryable } from '../../data/db.ts';
import { formatMoney, formatMonth, formatPercent, round } from '../format.ts';
import type { ProductUsageFact, UsageFacts } from '../types.ts';
import type { FactContext } from './context.ts';

export interface UsageRow {
  product: string;
  month: string;
  units: number;
  unit: string;
  spend: number;
}

const MONTHS = 12;
const WINDOW = 3;
/** Changes smaller than this many percent read as "flat" rather than a trend. */
const FLAT_PCT = 5;

/** Twelve months ending at the account's latest reported month (not today: feeds lag). */
export function fetchUsage(q: Queryable, accountId: string): Promise<UsageRow[]> {
  return q.query<UsageRow>(
    `SELECT product, to_char(month, 'YYYY-MM') AS month, units, unit, spend
       FROM usage_monthly
      WHERE account_id = $1
        AND month > (SELECT max(month) FROM usage_monthly WHERE account_id = $1) - interval '${MONTHS} months'
      ORDER BY product, month`,
    [accountId],
  );
}

/**
 * Per-product spend over the 12 months, the last 3 months against the 3 before, the top product
 * and the chart series (missing months count as 0 so every series has 12 points).
 */
export function buildUsage(rows: UsageRow[], ctx: FactContext): UsageFacts {
  const latest =
    rows
      .map((r) => r.month)
      .sort()
      .at(-1) ?? '';
  const months = latest ? monthRange(latest, MONTHS) : [];
  const byProduct = new Map<string, UsageRow[]>();
  for (const r of rows) byProduct.set(r.product, [...(byProduct.get(r.product) ?? []), r]);

  const products: ProductUsageFact[] = [...byProduct.entries()]
    .map(([product, list]) => {
      const spend = months.map((m) => list.find((r) => r.month === m)?.spend ?? 0);
      const last = list[list.length - 1]!;
      const trailing3Spend = round(sum(spend.slice(-WINDOW)), 2);
      const prior3Spend = round(sum(spend.slice(-2 * WINDOW, -WINDOW)), 2);
      const changePct = pctChange(trailing3Spend, prior3Spend);
      return { product, spend, last, trailing3Spend, prior3Spend, changePct, spend12m: round(sum(spend), 2) };
    })
    .sort((a, b) => b.spend12m - a.spend12m || a.product.localeCompare(b.product))
    .map((p) => ({
      ref: ctx.sources.add({
        kind: 'usage',
        recordId: ctx.accountId,
        key: `usage:${p.product}`,
        title: `${p.product} usage, ${formatMonth(months[0]!)}–${formatMonth(latest)}`,
        snippet: `12-month spend ${formatMoney(p.spend12m)}; last 3 months ${formatMoney(
          p.trailing3Spend,
        )} vs prior 3 months ${formatMoney(p.prior3Spend)}${
          p.changePct == null ? '' : ` (${p.changePct >= 0 ? 'up' : 'down'} ${formatPercent(p.changePct)})`
        }.`,
        date: `${latest}-01`,
      }),
      id: `${ctx.accountId}:${p.product}`,
      product: p.product,
      unit: p.last.unit,
      spend12m: p.spend12m,
      trailing3Spend: p.trailing3Spend,
      prior3Spend: p.prior3Spend,
      changePct: p.changePct,
      trend: trendOf(p.changePct, p.trailing3Spend),
      latestMonth: p.last.month,
      latestSpend: p.last.spend,
      latestUnits: p.last.units,
    }));

  const totalTrailing3 = round(sum(products.map((p) => p.trailing3Spend)), 2);
  const totalPrior3 = round(sum(products.map((p) => p.prior3Spend)), 2);
  return {
    currency: 'USD',
    months,
    monthsCovered: months.length,
    windowMonths: WINDOW,
    productCount: products.length,
    products,
    totalSpend12m: round(sum(products.map((p) => p.spend12m)), 2),
    totalTrailing3,
    totalPrior3,
    totalChangePct: pctChange(totalTrailing3, totalPrior3),
    topProduct: products[0]?.product ?? null,
    chart: {
      currency: 'USD',
      months,
      series: [...byProduct.keys()].sort().map((product) => ({
        product,
        spend: months.map((m) => byProduct.get(product)?.find((r) => r.month === m)?.spend ?? 0),
      })),
    },
  };
}

function monthRange(latest: string, count: number): string[] {
  const [y, m] = latest.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

function pctChange(current: number, prior: number): number | null {
  return prior > 0 ? round(((current - prior) / prior) * 100, 1) : null;
}

function trendOf(changePct: number | null, trailing: number): ProductUsageFact['trend'] {
  // No prior spend but spend now: a new product, which is growth.
  if (changePct == null) return trailing > 0 ? 'up' : 'flat';
  if (Math.abs(changePct) < FLAT_PCT) return 'flat';
  return changePct > 0 ? 'up' : 'down';
}

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
