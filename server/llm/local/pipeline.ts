import type { ActivityFact, DocumentFact, OpportunityFact, SectionData } from '../../sections/types.ts';
import {
  blocks,
  bullet,
  date,
  labelled,
  money,
  moneyShort,
  plain,
  plural,
  quote,
  sentence,
  shortSentence,
} from './text.ts';

/** Opportunity pipeline: the headline totals, stalled deals, the biggest open deals, engagement. */
export function writePipeline(d: SectionData): string {
  const p = d.opportunities;
  const name = plain(d.account.name);
  if (!p || p.items.length === 0) {
    return sentence(`No open or recent opportunities are recorded for ${name}`, d.account.ref);
  }
  const open = p.items.filter((o) => o.status === 'open');
  const stalled = p.items.filter((o) => o.status === 'stalled');
  const won = p.items.filter((o) => o.status === 'won');
  const lost = p.items.filter((o) => o.status === 'lost');

  const intro =
    open.length > 0
      ? sentence(
          `${name} has ${p.openCount} open ${plural(p.openCount, 'opportunity', 'opportunities')} worth ${moneyShort(
            p.openAmount,
          )} (weighted ${moneyShort(p.weightedOpenAmount)})`,
          ...open.map((o) => o.ref),
        )
      : sentence(`${name} has no open opportunities`, d.account.ref);
  const stalledNote =
    stalled.length > 0 &&
    sentence(
      `${p.stalledCount} more ${plural(p.stalledCount, 'deal is', 'deals are')} stalled, worth ${moneyShort(p.stalledAmount)}`,
      ...stalled.map((o) => o.ref),
    );

  const bullets = [
    ...stalled.slice(0, 2).map(stalledBullet),
    ...[...open]
      .sort((a, b) => b.amount - a.amount || a.closeDate.localeCompare(b.closeDate))
      .slice(0, 3)
      .map(openBullet),
    won.length > 0 &&
      bullet(
        `Won in the last year: ${p.wonCount} ${plural(p.wonCount, 'deal')} for ${moneyShort(p.wonAmount)}`,
        ...won.map((o) => o.ref),
      ),
    lost.length > 0 &&
      bullet(
        `Lost in the last year: ${p.lostCount} ${plural(p.lostCount, 'deal')} for ${moneyShort(p.lostAmount)}`,
        ...lost.map((o) => o.ref),
      ),
  ].filter((b): b is string => Boolean(b));

  return blocks(`${intro}${stalledNote ? ` ${stalledNote}` : ''}`, bullets, engagement(d));
}

function openBullet(o: OpportunityFact): string {
  return bullet(
    `${quote(o.name)}: ${money(o.amount)} in ${plain(o.stage)} (${o.probability}%), closing ${date(o.closeDate)}${
      o.partner ? ` with ${plain(o.partner)}` : ''
    }${o.nextStep ? `; next step: ${plain(o.nextStep)}` : ''}`,
    o.ref,
  );
}

function stalledBullet(o: OpportunityFact): string {
  const quiet =
    o.daysSinceActivity != null && o.lastActivityAt
      ? `no activity for ${o.daysSinceActivity} days (last on ${date(o.lastActivityAt)})`
      : 'no activity logged';
  return bullet(`**Stalled:** ${quote(o.name)}, ${money(o.amount)} in ${plain(o.stage)}, ${quiet}`, o.ref);
}

/** Latest touch, next meeting and the latest meeting note, when the data has them. */
function engagement(d: SectionData): string[] {
  const latest = d.activities?.[0];
  const next = d.meetings?.[0];
  const note = d.meetingNotes?.[0];
  return [
    latest && bullet(`Latest activity: ${activityPhrase(latest)} on ${date(latest.occursAt)}`, latest.ref),
    next && bullet(`Next meeting: ${activityPhrase(next)} on ${date(next.occursAt)}`, next.ref),
    note && noteBullet(note),
  ].filter((b): b is string => Boolean(b));
}

/** A note's own summary line when it has one ("Summary: …"), else its first sentence. */
function noteBullet(note: DocumentFact): string {
  const gist = labelled(note.excerpt, 'Summary') ?? shortSentence(note.excerpt);
  return bullet(
    `Latest meeting notes (${date(note.publishedAt)}): ${gist ? `"${gist}"` : quote(note.title)}`,
    note.ref,
  );
}

/** `call "Subject" with Name`; a meeting is named by its subject alone. */
export function activityPhrase(a: ActivityFact): string {
  return `${a.type === 'meeting' ? '' : `${a.type} `}${quote(a.subject)}${a.contactName ? ` with ${plain(a.contactName)}` : ''}`;
}
