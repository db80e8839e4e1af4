import { at, daysFrom } from './dates.ts';
import { childId } from './ids.ts';
import { usd } from './pipeline.ts';
import type { AccountPlan } from './plan.ts';
import type { AccountContext } from './profile.ts';
import type { ActivityRow, ContactRow, OpportunityRow, SupportCaseRow } from './types.ts';

type Kind = ActivityRow['type'];
type Template = (first: string, title: string, product: string) => [subject: string, notes: string];

// biome-ignore format: templates read best one a line
const GENERIC: Record<Kind, Template[]> = {
  call: [
    (f, _t, p) => [`Check-in call on ${p} usage`, `${f} confirmed ${p} usage is on plan and asked about committed-use discounts.`],
    (f, _t, p) => [`Cost review call`, `Walked ${f} through ${p} rightsizing ideas; they will review them with the platform team.`],
    (f) => [`Renewal planning call`, `${f} wants renewal options early; procurement prefers a single multi-year order form.`],
  ],
  email: [
    (f, _t, p) => [`Sent ${p} best-practice guide`, `Shared the ${p} guide with ${f} after questions on cost controls.`],
    (f) => [`Follow-up: roadmap questions`, `Answered ${f}'s questions on regional availability and data residency.`],
    (f, _t, p) => [`Invitation: ${p} customer webinar`, `${f} registered two team members for the ${p} webinar.`],
  ],
  meeting: [
    (f, t) => [`Quarterly business review`, `Reviewed spend trends, open cases and the roadmap with ${f} (${t}). Sentiment positive.`],
    (f, _t, p) => [`${p} architecture workshop`, `Whiteboarded the target ${p} architecture with ${f}'s engineers; agreed a pilot scope.`],
    (f, t) => [`Executive sponsor check-in`, `${f} (${t}) confirmed cloud cost control and AI adoption as this year's priorities.`],
  ],
  note: [
    (f, t) => [`Account planning notes`, `Executive sponsor is ${f} (${t}). Budget cycle closes at fiscal year end.`],
    (f, _t, p) => [`Competitive note`, `${f} mentioned a competing ${p} offer; pricing pressure expected at renewal.`],
  ],
};

// Each stage has the touchpoint a seller would log for it.
const STAGE_TOUCH: Record<string, [Kind, string]> = {
  Prospecting: ['call', 'Intro call'],
  Qualification: ['call', 'Discovery call'],
  'Needs Analysis': ['meeting', 'Technical deep dive'],
  Proposal: ['meeting', 'Proposal walkthrough'],
  Negotiation: ['call', 'Commercial terms review'],
};
const TEMPLATES = (Object.keys(GENERIC) as Kind[]).flatMap((type) =>
  GENERIC[type].map((t) => [type, t] as const),
);

/**
 * Past activities: one on each open or stalled deal at its last-activity time (so the pipeline and the
 * timeline agree), then generic ones; plus the planned upcoming meetings, owned by the account owner.
 */
export function generateActivities(
  ctx: AccountContext,
  plan: AccountPlan,
  contacts: readonly ContactRow[],
  opportunities: readonly OpportunityRow[],
  cases: readonly SupportCaseRow[],
): ActivityRow[] {
  const { rng, anchor } = ctx;
  const rows: ActivityRow[] = [];
  const add = (type: Kind, subject: string, occurs_at: string, contact: ContactRow, notes: string) =>
    rows.push({
      id: childId('activity', ctx.no, rows.length),
      account_id: ctx.id,
      type,
      subject,
      occurs_at,
      owner_id: ctx.owner,
      contact_id: contact.id,
      notes,
    });
  // Generic notes talk about metered products; a support plan has no competing "offer" or rightsizing.
  const metered = plan.products.map((p) => p.name).filter((p) => p !== 'Support Plus');
  const products = metered.length ? metered : plan.products.map((p) => p.name);
  for (const o of opportunities) {
    if (rows.length >= plan.activities) break;
    const contact = rng.pick(contacts);
    const first = contact.name.split(' ')[0]!;
    if (o.status === 'open' || o.status === 'stalled') {
      const [type, label] = STAGE_TOUCH[o.stage] ?? ['call', 'Check-in'];
      // A stalled deal's last touch was upbeat; the silence since is what makes it stalled.
      const after =
        o.status === 'open' ? `Next: ${o.next_step}.` : `${first} will review internally and reply.`;
      const notes = `${label} on the ${o.product} deal (${usd(o.amount)}) with ${first}. ${after}`;
      add(type, `${label}: ${o.name}`, o.last_activity_at, contact, notes);
    } else if (daysFrom(anchor, o.last_activity_at) > -180) {
      const notes =
        o.status === 'won'
          ? `${first} signed the order form.`
          : `${first} chose another vendor; price was the main reason given.`;
      add('note', `Closed ${o.status}: ${o.name}`, o.last_activity_at, contact, notes);
    }
  }
  const escalated = cases.find((c) => c.status === 'escalated');
  // Generic touches without repeats: a timeline saying "Renewal planning call" twice reads as a bug.
  const pool = rng.sample(TEMPLATES, TEMPLATES.length);
  while (rows.length < plan.activities) {
    const contact = rng.pick(contacts);
    const first = contact.name.split(' ')[0]!;
    const when = at(anchor, -rng.int(plan.quietDays, 180), rng.int(8, 17), rng.pick([0, 30]));
    if (escalated && rows.length === plan.activities - 1 && daysFrom(anchor, escalated.opened_at) < 0) {
      const notes = `${first} asked for hourly updates on case ${escalated.case_number} until it is resolved.`;
      const when = new Date(Date.parse(escalated.opened_at) + 2 * 3_600_000).toISOString();
      add('call', `Escalation call: case ${escalated.case_number}`, when, contact, notes);
      continue;
    }
    const [type, template] = pool[rows.length % pool.length]!;
    // Meetings are with the primary contact (the executive sponsor), other touches with anyone.
    const who = type === 'meeting' ? contacts[0]! : contact;
    const [subject, notes] = template(who.name.split(' ')[0]!, who.title, rng.pick(products));
    add(type, subject, when, who, notes);
  }
  const open = opportunities.filter((o) => o.status === 'open');
  plan.upcomingMeetings.forEach((days, i) => {
    const contact = contacts[0]!;
    const deal = open[i % Math.max(1, open.length)];
    const [subject, notes] =
      escalated && i === 0
        ? [
            `Incident review: case ${escalated.case_number}`,
            `Agenda: root cause, remediation plan and service credits.`,
          ]
        : deal && rng.chance(0.6)
          ? [`Proposal review: ${deal.name}`, `Agenda: pricing, timeline and next step (${deal.next_step}).`]
          : [`Quarterly business review`, `Agenda: spend trends, open cases, ${rng.pick(products)} roadmap.`];
    add('meeting', subject, at(anchor, days, rng.int(9, 16), rng.pick([0, 30])), contact, notes);
  });
  return rows;
}
