import { generateActivities } from './activities.ts';
import { generateContacts } from './contacts.ts';
import { generateDocuments } from './documents.ts';
import { generateInsights } from './insights.ts';
import { generateOpportunities } from './pipeline.ts';
import { drawPlan } from './plan.ts';
import { accountRow, buildContext } from './profile.ts';
import { createRng, deriveSeed } from './random.ts';
import { generateCases, generateFeatureRequests, generateInvestments } from './service.ts';
import type { AccountBundle } from './types.ts';
import { generateUsage } from './usage.ts';
import { viewersOf } from './users.ts';

/**
 * Every row of one account. Each account has its own PRNG stream derived from (seed, accountNo), so
 * account n is the same whether 10 or 100,000 accounts are generated, and costs O(1).
 */
export function generateAccount(accountNo: number, seed: number, anchor: Date): AccountBundle {
  const rng = createRng(deriveSeed(seed, accountNo));
  const ctx = buildContext(accountNo, seed, anchor, rng);
  const account = accountRow(ctx);
  const plan = drawPlan(ctx);
  const contacts = generateContacts(ctx);
  const usage = generateUsage(ctx, plan);
  const opportunities = generateOpportunities(ctx, plan.opportunities, contacts);
  const cases = generateCases(ctx, plan);
  const activities = generateActivities(ctx, plan, contacts, opportunities, cases);
  const insights = generateInsights(ctx, plan, { usage, opportunities, cases, activities });
  return {
    accounts: [account],
    account_access: viewersOf(accountNo).map((user_id) => ({ user_id, account_id: ctx.id })),
    contacts,
    opportunities,
    activities,
    usage_monthly: usage,
    support_cases: cases,
    investments: generateInvestments(ctx, plan),
    feature_requests: generateFeatureRequests(ctx, plan),
    ml_insights: insights,
    documents: generateDocuments(ctx, plan, { contacts, opportunities, activities, cases, usage }),
  };
}
