import { at, day, longDate } from './dates.ts';
import { childId } from './ids.ts';
import type { OpportunityPlan } from './plan.ts';
import type { AccountContext } from './profile.ts';
import type { ContactRow, OpportunityRow } from './types.ts';
import { PARTNERS } from './words.ts';

export const OPEN_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Proposal',
  'Negotiation',
] as const;
export const STAGE_PROBABILITY: Record<string, number> = {
  Prospecting: 10,
  Qualification: 20,
  'Needs Analysis': 40,
  Proposal: 60,
  Negotiation: 80,
  'Closed Won': 100,
  'Closed Lost': 0,
};
/** An open deal without activity for longer than this is stalled. */
export const STALLED_AFTER_DAYS = 45;

const AMOUNT: Record<AccountContext['segment'], [number, number]> = {
  Enterprise: [80_000, 1_200_000],
  'Mid-Market': [20_000, 250_000],
  SMB: [5_000, 60_000],
};
const KINDS = ['expansion', 'migration', 'new workload', 'pilot', '3-year commitment', 'renewal'] as const;
// Support is sold in seats: it is renewed, expanded or upgraded, never migrated or piloted.
const SUPPORT_KINDS = ['renewal', 'seat expansion', 'upgrade'] as const;

function nextStep(ctx: AccountContext, o: OpportunityRow, contact: ContactRow): string {
  const first = contact.name.split(' ')[0];
  if (o.status === 'stalled')
    return `Re-engage ${first} (${contact.title}); no reply since ${longDate(o.last_activity_at)}`;
  const steps: Record<string, string[]> = {
    Prospecting: [`Book a discovery call with ${first}`, `Share ${o.product} customer stories with ${first}`],
    Qualification: [`Confirm budget and timeline with ${first}`, `Map decision makers with ${first}`],
    'Needs Analysis': [
      `Run a technical deep dive with ${first}'s team`,
      `Scope a proof of concept with ${first}`,
    ],
    Proposal: [`Walk ${first} through the revised proposal`, `Send pricing options to ${first}`],
    Negotiation: [`Agree final terms with procurement`, `Send order form to ${first} for signature`],
  };
  return ctx.rng.pick(steps[o.stage] ?? ['Follow up']);
}

/** Opportunities as the plan says, with dates that make "stalled" mean no activity for 45+ days. */
export function generateOpportunities(
  ctx: AccountContext,
  plans: readonly OpportunityPlan[],
  contacts: readonly ContactRow[],
): OpportunityRow[] {
  const { rng, anchor } = ctx;
  return plans.map((p, i) => {
    const [lo, hi] = AMOUNT[ctx.segment];
    const amount = p.amount ?? Math.round(rng.float(lo, hi) / 500) * 500;
    let stage: string;
    let idle: number;
    let created: number;
    let close: number;
    if (p.status === 'open' || p.status === 'stalled') {
      const stalled = p.status === 'stalled';
      stage = p.stage ?? rng.pick(stalled ? OPEN_STAGES.slice(1) : OPEN_STAGES);
      idle = p.idleDays ?? (stalled ? rng.int(STALLED_AFTER_DAYS + 1, 130) : rng.int(1, 21));
      created = idle + rng.int(20, 160);
      // A stalled deal's close date has often slipped into the past.
      close = stalled ? rng.int(-30, 45) : rng.int(10, 150);
    } else {
      stage = p.status === 'won' ? 'Closed Won' : 'Closed Lost';
      close = -rng.int(20, 400);
      idle = -close + rng.int(0, 4);
      created = -close + rng.int(45, 200);
    }
    const row: OpportunityRow = {
      id: childId('opportunity', ctx.no, i),
      account_id: ctx.id,
      name: `${ctx.name} – ${p.product} ${p.kind ?? rng.pick(p.product === 'Support Plus' ? SUPPORT_KINDS : KINDS)}`,
      product: p.product,
      stage,
      status: p.status,
      amount,
      probability: STAGE_PROBABILITY[stage]!,
      close_date: day(anchor, close),
      partner: p.partner !== undefined ? p.partner : rng.chance(0.35) ? rng.pick(PARTNERS) : null,
      next_step: null,
      last_activity_at: at(anchor, -idle, rng.int(9, 17), rng.pick([0, 15, 30, 45])),
      created_at: at(anchor, -created, rng.int(9, 17), 0),
    };
    if (p.status === 'open' || p.status === 'stalled') row.next_step = nextStep(ctx, row, rng.pick(contacts));
    return row;
  });
}

/** "$1,250,000" */
export function usd(amount: number): string {
  // Hand-rolled grouping: Intl output can differ between ICU builds, this cannot.
  return `$${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}
