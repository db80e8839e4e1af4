import { PRODUCT_NAMES } from './catalogue.ts';
import { at, daysFrom } from './dates.ts';
import { childId } from './ids.ts';
import type { AccountPlan } from './plan.ts';
import type { AccountContext } from './profile.ts';
import type { ActivityRow, InsightRow, OpportunityRow, SupportCaseRow, UsageRow } from './types.ts';
import { spendChange } from './usage.ts';

const round3 = (x: number) => Math.round(Math.min(0.99, Math.max(0.01, x)) * 1000) / 1000;

interface Signals {
  usage: readonly UsageRow[];
  opportunities: readonly OpportunityRow[];
  cases: readonly SupportCaseRow[];
  activities: readonly ActivityRow[];
}

/**
 * 2–3 model outputs whose scores and drivers follow from the account's own data: churn risk from the
 * six-month spend trend, open severe cases and meeting recency; propensity for a product not yet
 * used; expansion for a product whose spend grew strongly.
 */
export function generateInsights(ctx: AccountContext, plan: AccountPlan, s: Signals): InsightRow[] {
  const { rng, anchor } = ctx;
  const rows: InsightRow[] = [];
  const computed_at = at(anchor, -rng.int(1, 6), 4, 0);
  const add = (kind: InsightRow['kind'], product: string | null, score: number, drivers: string[]) =>
    rows.push({
      id: childId('insight', ctx.no, rows.length),
      account_id: ctx.id,
      kind,
      product,
      score: round3(score),
      drivers: drivers.join('; '),
      computed_at,
    });
  const direction = (p: number) => `${p < 0 ? 'down' : 'up'} ${Math.abs(p)}%`;

  const used = plan.products.map((p) => p.name);
  const changes = used
    .map((product) => ({ product, ...spendChange(s.usage, product, 6) }))
    .sort((a, b) => a.percent - b.percent);
  const total = spendChange(s.usage, undefined, 6);
  const severe = s.cases.filter(
    (c) => c.status !== 'closed' && (c.severity === 'sev1' || c.severity === 'sev2'),
  );
  const meetings = s.activities.filter((a) => a.type === 'meeting' && daysFrom(anchor, a.occurs_at) < 0);
  const lastMeeting = meetings.length
    ? Math.min(...meetings.map((a) => -daysFrom(anchor, a.occurs_at)))
    : null;

  const churnDrivers = [`Total monthly spend ${direction(total.percent)} (${total.windows})`];
  const worst = changes[0]!;
  if (worst.percent <= -10)
    churnDrivers.push(`${worst.product} spend ${direction(worst.percent)} over the same period`);
  if (severe.length)
    churnDrivers.push(`${severe.length} open sev1/sev2 support case${severe.length > 1 ? 's' : ''}`);
  churnDrivers.push(
    lastMeeting === null ? 'No meeting logged in the last 6 months' : `Last meeting ${lastMeeting} days ago`,
  );
  const churn =
    (total.percent < -5 ? 0.2 + Math.min(0.55, -total.percent / 50) : 0.05 + rng.float(0, 0.15)) +
    severe.reduce(
      (sum, c) => sum + (c.severity === 'sev1' ? 0.12 : 0.06) + (c.status === 'escalated' ? 0.05 : 0),
      0,
    ) +
    (lastMeeting === null || lastMeeting > 60 ? 0.08 : 0);
  add('churn_risk', null, churn, churnDrivers);

  const unused = PRODUCT_NAMES.filter((p) => !used.includes(p) && p !== 'Support Plus');
  const target = unused.length ? rng.pick(unused) : rng.pick(used);
  const best = changes[changes.length - 1]!;
  const propensityDrivers = [
    `${rng.int(35, 70)}% of ${ctx.industry} accounts with similar ${best.product} usage also use ${target}`,
  ];
  const deal = s.opportunities.find(
    (o) => o.product === target && (o.status === 'open' || o.status === 'stalled'),
  );
  if (deal)
    propensityDrivers.push(
      `${deal.status === 'open' ? 'An open' : 'A stalled'} opportunity for ${target} is in ${deal.stage}`,
    );
  add(
    'propensity',
    target,
    rng.float(0.3, 0.7) + (deal ? 0.15 : 0) + (total.percent > 0 ? 0.05 : -0.1),
    propensityDrivers,
  );

  if (best.percent >= 15) {
    add('expansion', best.product, 0.45 + Math.min(0.45, best.percent / 150), [
      `${best.product} spend ${direction(best.percent)} (${best.windows})`,
      `Usage trend supports a larger committed-use agreement for ${best.product}`,
    ]);
  }
  return rows;
}
