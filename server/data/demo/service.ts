import { at, day } from './dates.ts';
import { caseNumber, childId } from './ids.ts';
import type { AccountPlan } from './plan.ts';
import type { AccountContext } from './profile.ts';
import { CASE_SUBJECTS, FEATURE_TITLES, INVESTMENT_NAMES, SEVERITY_IMPACT } from './service-texts.ts';
import type { FeatureRequestRow, InvestmentRow, SupportCaseRow } from './types.ts';

export function generateCases(ctx: AccountContext, plan: AccountPlan): SupportCaseRow[] {
  const { rng, anchor } = ctx;
  return plan.cases.map((c, i) => {
    const closed = c.status === 'closed';
    const opened = c.openedDaysAgo ?? (closed ? rng.int(10, 300) : rng.int(1, 45));
    const hour = rng.int(0, 20);
    const subject = c.subject ?? rng.pick(CASE_SUBJECTS[c.product] ?? ['General question']);
    // A closed case closes before the anchor: after 1–20 days, or within hours when it opened recently.
    const closeDays = closed ? Math.min(rng.int(1, 20), opened - 1) : 0;
    return {
      id: childId('supportCase', ctx.no, i),
      account_id: ctx.id,
      case_number: caseNumber(ctx.no, i),
      subject,
      product: c.product,
      severity: c.severity,
      status: c.status,
      opened_at: at(anchor, -opened, hour, 10),
      closed_at: closed ? at(anchor, -opened + closeDays, hour + 3, 40) : null,
      description: `${subject} (${c.product}). ${SEVERITY_IMPACT[c.severity]}`,
    };
  });
}

const CREDIT_AMOUNT: Record<AccountContext['segment'], [number, number]> = {
  Enterprise: [25, 250],
  'Mid-Market': [5, 60],
  SMB: [1, 10],
};

export function generateInvestments(ctx: AccountContext, plan: AccountPlan): InvestmentRow[] {
  const { rng, anchor } = ctx;
  return Array.from({ length: plan.investments }, (_, i) => {
    const kind = rng.weighted<InvestmentRow['kind']>([
      ['credit', 5],
      ['program', 3],
      ['funding', 2],
    ]);
    // Support seats are not something we fund: pick among the metered products.
    const funded = plan.products.filter((p) => p.name !== 'Support Plus');
    const product = rng.pick(funded.length ? funded : plan.products).name;
    const status = rng.weighted<InvestmentRow['status']>([
      ['active', 5],
      ['proposed', 3],
      ['expired', 2],
    ]);
    const start =
      status === 'active' ? -rng.int(10, 200) : status === 'expired' ? -rng.int(300, 700) : rng.int(7, 60);
    const end =
      status === 'expired' ? -rng.int(10, 290) : status === 'active' ? rng.int(30, 365) : start + 365;
    const [lo, hi] = CREDIT_AMOUNT[ctx.segment];
    return {
      id: childId('investment', ctx.no, i),
      account_id: ctx.id,
      kind,
      name: rng.pick(INVESTMENT_NAMES[kind](product)),
      amount: rng.int(lo, hi) * 1_000,
      status,
      starts_on: day(anchor, start),
      ends_on: day(anchor, Math.max(end, start + 30)),
    };
  });
}

export function generateFeatureRequests(ctx: AccountContext, plan: AccountPlan): FeatureRequestRow[] {
  const { rng, anchor } = ctx;
  const products = plan.products.map((p) => p.name);
  const titles = products.flatMap((p) => (FEATURE_TITLES[p] ?? []).map((t) => [p, t] as const));
  return rng.sample(titles, plan.featureRequests).map(([product, title], i) => ({
    id: childId('featureRequest', ctx.no, i),
    account_id: ctx.id,
    title,
    product,
    status: rng.weighted<FeatureRequestRow['status']>([
      ['submitted', 4],
      ['planned', 3],
      ['shipped', 2],
      ['declined', 1],
    ]),
    priority: rng.weighted<FeatureRequestRow['priority']>([
      ['low', 3],
      ['medium', 4],
      ['high', 2],
    ]),
    requested_at: at(anchor, -rng.int(20, 400), rng.int(8, 17), 0),
  }));
}
