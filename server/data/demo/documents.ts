import { createHash } from 'node:crypto';
import { at, daysFrom, longDate } from './dates.ts';
import { childId } from './ids.ts';
import { injectionDocuments } from './injection.ts';
import { countryName, int, money, WRITERS } from './news.ts';
import type { AccountPlan } from './plan.ts';
import type { AccountContext } from './profile.ts';
import { slugOf } from './profile.ts';
import type {
  ActivityRow,
  ContactRow,
  DocumentRow,
  OpportunityRow,
  SupportCaseRow,
  UsageRow,
} from './types.ts';
import { spendChange } from './usage.ts';
import { userName } from './users.ts';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

// biome-ignore format: a word list reads best packed
const SOURCES = ['Business Wire (fictitious)', 'PR Newswire (fictitious)', 'The Daily Ledger (fictitious)', 'Industry Pulse (fictitious)', 'Metro Business Journal (fictitious)'] as const;

interface Records {
  contacts: readonly ContactRow[];
  opportunities: readonly OpportunityRow[];
  activities: readonly ActivityRow[];
  cases: readonly SupportCaseRow[];
  usage: readonly UsageRow[];
}

/** News (the first one recent), sometimes an annual-report filing, sometimes notes of the last meeting. */
export function generateDocuments(ctx: AccountContext, plan: AccountPlan, r: Records): DocumentRow[] {
  const { rng, anchor } = ctx;
  const rows: DocumentRow[] = [];
  const add = (doc: Omit<DocumentRow, 'id' | 'account_id' | 'content_hash'>) =>
    rows.push({
      id: childId('document', ctx.no, rows.length),
      account_id: ctx.id,
      ...doc,
      content_hash: sha256(doc.body),
    });
  const shrinking = plan.products.some((p) => p.trend === 'decline');
  plan.news.forEach((topic, i) => {
    const published_at = at(anchor, -(i === 0 ? rng.int(2, 14) : rng.int(15, 180)), rng.int(6, 15), 0);
    const d = new Date(published_at);
    const facts = {
      ctx,
      contacts: r.contacts,
      year: d.getUTCFullYear(),
      quarter: Math.floor(d.getUTCMonth() / 3) + 1,
      shrinking,
      fundingAmount: plan.fundingAmount,
    };
    const { title, body } = WRITERS[topic](facts);
    const url = `https://news.example.com/${published_at.slice(0, 7).replace('-', '/')}/${slugOf(title)}`;
    add({ kind: 'news', title, url, source: rng.pick(SOURCES), product: null, published_at, body });
  });
  if (plan.filing) {
    const published_at = at(anchor, -rng.int(30, 200), 12, 0);
    const fiscal = new Date(published_at).getUTCFullYear() - 1;
    const capex = Math.round(ctx.revenue * rng.float(0.02, 0.05));
    const title = `${ctx.name} annual report, fiscal ${fiscal}`;
    const body = `${ctx.name} filed its annual report for fiscal ${fiscal}, reporting revenue of ${money(ctx.revenue)} and about ${int(ctx.employees)} employees at year end. Technology spending, including cloud infrastructure, data platforms and software, was ${money(capex)}, or ${Math.round((capex / ctx.revenue) * 100)}% of revenue. Among its principal risk factors the company lists cybersecurity incidents, dependence on third-party cloud providers, data-privacy regulation in ${countryName(ctx.country)} and other markets, and the availability of skilled technology staff. Management describes its strategy as modernising core systems, consolidating data into a single analytics platform and applying AI to operations and customer service, while keeping technology costs in line with revenue. The report notes that the company is headquartered in ${ctx.city} and operates in the ${ctx.industry.toLowerCase()} sector.`;
    add({
      kind: 'filing',
      title,
      url: `https://news.example.com/filings/${ctx.slug}-annual-report-${fiscal}`,
      source: 'Company filing (fictitious)',
      product: null,
      published_at,
      body,
    });
  }
  const meeting = r.activities
    .filter((a) => a.type === 'meeting' && daysFrom(anchor, a.occurs_at) < 0)
    .sort((a, b) => b.occurs_at.localeCompare(a.occurs_at))[0];
  if (plan.meetingNote && meeting) add(meetingNote(ctx, meeting, r));
  if (plan.injection) for (const doc of injectionDocuments(ctx, r.contacts)) add(doc);
  return rows;
}

/** Notes of a past meeting, written as of that day: only what was known then appears in them. */
function meetingNote(
  ctx: AccountContext,
  meeting: ActivityRow,
  r: Records,
): Omit<DocumentRow, 'id' | 'account_id' | 'content_hash'> {
  const when = meeting.occurs_at;
  const contact = r.contacts.find((c) => c.id === meeting.contact_id) ?? r.contacts[0]!;
  const others = r.contacts.filter((c) => c !== contact).slice(0, 1);
  const first = contact.name.split(' ')[0];
  // Deals that existed then and were not yet closed; usage of the months completed by then.
  const deals = r.opportunities.filter(
    (o) =>
      o.created_at < when &&
      (o.status === 'open' || o.status === 'stalled' || o.close_date > when.slice(0, 10)),
  );
  const change = spendChange(r.usage.filter((u) => u.month < when.slice(0, 7)));
  const cases = r.cases.filter((c) => c.opened_at < when && (c.closed_at === null || c.closed_at > when));
  const owner = userName(ctx.owner);
  const lines = [
    `Meeting: ${meeting.subject}, ${longDate(when)}.`,
    `Attendees: ${owner} (account owner); ${[contact, ...others].map((c) => `${c.name} (${c.title})`).join('; ')}.`,
    `Summary: ${meeting.notes}`,
    change.windows
      ? `Consumption: total monthly spend ${change.percent < 0 ? 'down' : 'up'} ${Math.abs(change.percent)}% (${change.windows}); ${first} asked for a cost review of the largest workloads.`
      : `Consumption: ${first} asked for a cost review of the largest workloads.`,
    deals.length
      ? `Pipeline discussed: ${deals.map((o) => o.name).join('; ')}.`
      : 'Pipeline: no open opportunities; the customer will share next year’s priorities first.',
    cases.length
      ? `Support: ${cases.length} open case${cases.length > 1 ? 's' : ''} at the time, including ${cases[0]!.case_number} (${cases[0]!.subject}).`
      : 'Support: no open cases; the customer is satisfied with response times.',
    `Action items: ${owner.split(' ')[0]} to send a follow-up summary and the relevant best-practice guide; ${first} to confirm priorities for the next quarter.`,
  ];
  return {
    kind: 'meeting_note',
    title: `Meeting notes: ${meeting.subject}`,
    url: null,
    source: 'CRM meeting notes',
    product: deals[0]?.product ?? null,
    published_at: when,
    body: lines.join('\n'),
  };
}
