import { productByName, SEASONAL_FACTORS, SEGMENT_SCALE, type Trend } from './catalogue.ts';
import { monthStart } from './dates.ts';
import type { AccountPlan } from './plan.ts';
import type { AccountContext } from './profile.ts';
import type { UsageRow } from './types.ts';

export const USAGE_MONTHS = 15;

const round2 = (x: number) => Math.round(x * 100) / 100;

// The 15 months (oldest first) and their calendar month index, computed once per anchor: date
// formatting was the hottest spot when generating 100k accounts.
let cached: { anchor: number; months: string[]; monthIndex: number[] } | undefined;
function usageMonths(anchor: Date): { months: string[]; monthIndex: number[] } {
  if (cached?.anchor !== anchor.getTime()) {
    const months = Array.from({ length: USAGE_MONTHS }, (_, i) => monthStart(anchor, i - USAGE_MONTHS));
    cached = { anchor: anchor.getTime(), months, monthIndex: months.map((m) => Number(m.slice(5, 7)) - 1) };
  }
  return cached;
}

/** Level of month i (0 = oldest) relative to the base, by trend. Plain multiplication only: exact everywhere. */
function trendFactors(trend: Trend, ctx: AccountContext): number[] {
  const { rng } = ctx;
  const factors: number[] = [];
  let level = trend === 'ramp' ? 0.12 : 1;
  const rate =
    trend === 'growth'
      ? rng.float(0.025, 0.06)
      : trend === 'decline'
        ? rng.float(0.045, 0.08)
        : rng.float(0.15, 0.25);
  const { monthIndex } = usageMonths(ctx.anchor);
  for (let i = 0; i < USAGE_MONTHS; i++) {
    if (trend === 'seasonal') level = SEASONAL_FACTORS[monthIndex[i]!]!;
    factors.push(level);
    if (trend === 'growth') level *= 1 + rate;
    // Decline starts after six steady months, so the last nine show the drop.
    if (trend === 'decline' && i >= 5) level *= 1 - rate;
    if (trend === 'ramp') level = Math.min(1.1, level * (1 + rate));
  }
  return factors;
}

/** Monthly usage for the last 15 full months, one row per product and month; spend = units × price. */
export function generateUsage(ctx: AccountContext, plan: AccountPlan): UsageRow[] {
  const { rng } = ctx;
  const rows: UsageRow[] = [];
  const { months } = usageMonths(ctx.anchor);
  for (const { name, trend } of plan.products) {
    const product = productByName(name);
    const [lo, hi] = product.enterpriseUnits;
    const base = rng.float(lo, hi) * SEGMENT_SCALE[ctx.segment];
    const factors = trendFactors(trend, ctx);
    factors.forEach((factor, i) => {
      const raw = base * factor * (1 + rng.float(-0.04, 0.04));
      // Seats are whole; everything else is metered to the cent.
      const units = product.unit === 'seats' ? Math.max(1, Math.round(raw)) : Math.max(0.01, round2(raw));
      rows.push({
        account_id: ctx.id,
        product: name,
        month: months[i]!,
        units,
        unit: product.unit,
        spend: round2(units * product.price),
      });
    });
  }
  return rows;
}

export interface SpendChange {
  /** Whole percent, negative when spend fell. */
  percent: number;
  /** "Mar–May 2025 vs Sep–Nov 2024": the two 3-month windows compared. */
  windows: string;
}

const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function windowLabel(months: readonly string[]): string {
  const label = (m: string) => SHORT[Number(m.slice(5, 7)) - 1]!;
  return `${label(months[0]!)}–${label(months[months.length - 1]!)} ${months[months.length - 1]!.slice(0, 4)}`;
}

/**
 * Change of a product's (or the total) spend: the last 3 months of the rows given against the 3
 * months that end `monthsBack` months earlier (3: the quarter before; 6: half a year before).
 */
export function spendChange(usage: readonly UsageRow[], product?: string, monthsBack = 3): SpendChange {
  const rows = product ? usage.filter((r) => r.product === product) : usage;
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const recentMonths = months.slice(-3);
  const beforeMonths = months.slice(-3 - monthsBack, months.length - monthsBack);
  const sum = (ms: string[]) => rows.filter((r) => ms.includes(r.month)).reduce((s, r) => s + r.spend, 0);
  const before = sum(beforeMonths);
  if (recentMonths.length < 3 || beforeMonths.length < 3 || before === 0) return { percent: 0, windows: '' };
  return {
    percent: Math.round((sum(recentMonths) / before - 1) * 100),
    windows: `${windowLabel(recentMonths)} vs ${windowLabel(beforeMonths)}`,
  };
}
