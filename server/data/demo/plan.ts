import { PRODUCT_NAMES, type Trend } from './catalogue.ts';
import type { AccountContext } from './profile.ts';
import { SCENARIOS } from './scenarios.ts';
import type { OpportunityStatus, SupportCaseRow } from './types.ts';

export interface OpportunityPlan {
  status: OpportunityStatus;
  product: string;
  stage?: string;
  amount?: number;
  /** null: no partner; undefined: decided at random. */
  partner?: string | null;
  kind?: string;
  /** Days since the last activity on the deal. */
  idleDays?: number;
}

export interface CasePlan {
  severity: SupportCaseRow['severity'];
  status: SupportCaseRow['status'];
  product: string;
  subject?: string;
  openedDaysAgo?: number;
}

export type NewsTopic = 'funding' | 'expansion' | 'leadership' | 'earnings' | 'partnership' | 'launch';

/** The story of one account, drawn first so every table tells the same story. */
export interface AccountPlan {
  products: { name: string; trend: Trend }[];
  opportunities: OpportunityPlan[];
  cases: CasePlan[];
  investments: number;
  featureRequests: number;
  news: NewsTopic[];
  fundingAmount?: number;
  filing: boolean;
  meetingNote: boolean;
  /** Days ahead of each upcoming meeting (0–2 of them). */
  upcomingMeetings: number[];
  /** Past activities: how many, and how recent the newest generic one may be (days ago). */
  activities: number;
  quietDays: number;
  /** Adds a news item and meeting notes that try to instruct the model (server/data/demo/injection.ts). */
  injection?: boolean;
}

const TREND_WEIGHTS: readonly (readonly [Trend, number])[] = [
  ['growth', 35],
  ['flat', 25],
  ['seasonal', 15],
  ['decline', 15],
  ['ramp', 10],
];

export function drawPlan(ctx: AccountContext): AccountPlan {
  const { rng } = ctx;
  const products = rng
    .sample(PRODUCT_NAMES, rng.int(2, 4))
    .map((name) => ({ name, trend: rng.weighted(TREND_WEIGHTS) }));
  const opportunities = Array.from({ length: rng.int(2, 6) }, (_, i) => ({
    // The first deal is live or won, so every account has some history; stalled ones stay a minority.
    status:
      i === 0
        ? rng.pick<OpportunityStatus>(['open', 'won'])
        : rng.weighted<OpportunityStatus>([
            ['open', 4],
            ['stalled', 1],
            ['won', 3],
            ['lost', 2],
          ]),
    product: rng.pick(PRODUCT_NAMES),
  }));
  const cases = Array.from(
    {
      length: rng.weighted([
        [0, 2],
        [1, 3],
        [2, 3],
        [3, 2],
        [4, 1],
        [5, 1],
      ]),
    },
    () => {
      const severity = rng.weighted<CasePlan['severity']>([
        ['sev1', 1],
        ['sev2', 4],
        ['sev3', 9],
        ['sev4', 6],
      ]);
      const escalate = severity === 'sev1' || severity === 'sev2' ? 0.35 : 0.04;
      const status = rng.weighted<CasePlan['status']>([
        ['closed', 0.6],
        ['open', 0.4 - escalate],
        ['escalated', escalate],
      ]);
      return { severity, status, product: rng.pick(products).name };
    },
  );
  const topics = rng.sample<NewsTopic>(
    ctx.segment === 'SMB'
      ? ['funding', 'expansion', 'leadership', 'partnership', 'launch']
      : ['funding', 'expansion', 'leadership', 'earnings', 'partnership', 'launch'],
    rng.int(1, 3),
  );
  const upcoming = rng.weighted([
    [0, 3],
    [1, 4],
    [2, 2],
  ]);
  const plan: AccountPlan = {
    products,
    opportunities,
    cases,
    investments: rng.int(0, 3),
    featureRequests: rng.int(0, 3),
    news: topics,
    filing: ctx.segment !== 'SMB' && rng.chance(0.35),
    meetingNote: rng.chance(0.45),
    upcomingMeetings: Array.from({ length: upcoming }, () => rng.int(1, 21)).sort((a, b) => a - b),
    activities: rng.int(4, 10),
    quietDays: 1,
  };
  const scenario = SCENARIOS[ctx.no];
  return scenario ? { ...plan, ...scenario } : plan;
}
