import type { SectionData } from '../../sections/types.ts';
import { consumptionHeadline } from './consumption.ts';
import { newsHeadline } from './organization.ts';
import { activityPhrase } from './pipeline.ts';
import { recommendationHeadline } from './recommendations.ts';
import { supportHeadline } from './support.ts';
import { article, bullet, date, money, moneyShort, plain, plural, quote } from './text.ts';

const MAX_BULLETS = 5;

/**
 * Executive summary: at most five bullets drawn from every other section's facts, risks first
 * (escalations, churn), then money (pipeline, spend), then what happens next and the news.
 */
export function writeExecutive(d: SectionData): string {
  const candidates = [
    supportHeadline(d),
    recommendationHeadline(d),
    pipelineHeadline(d),
    consumptionHeadline(d),
    meetingHeadline(d),
    newsHeadline(d),
  ].filter((b): b is string => Boolean(b));
  const bullets = candidates.slice(0, MAX_BULLETS);
  if (bullets.length < 3) bullets.unshift(profileBullet(d));
  return bullets.join('\n');
}

function pipelineHeadline(d: SectionData): string | null {
  const p = d.opportunities;
  if (!p || p.openCount + p.stalledCount === 0) return null;
  const open = p.items.filter((o) => o.status === 'open');
  const stalled = p.items.filter((o) => o.status === 'stalled');
  const biggest = [...open].sort((a, b) => b.amount - a.amount)[0];
  const parts = [
    open.length > 0
      ? `${p.openCount} open ${plural(p.openCount, 'opportunity', 'opportunities')} worth ${moneyShort(p.openAmount)}`
      : 'no open opportunities',
    biggest && `largest ${quote(biggest.name)} (${money(biggest.amount)}) closes ${date(biggest.closeDate)}`,
    stalled.length > 0 && `${p.stalledCount} stalled (${moneyShort(p.stalledAmount)})`,
  ].filter((x): x is string => Boolean(x));
  return bullet(`Pipeline: ${parts.join('; ')}`, ...open.map((o) => o.ref), ...stalled.map((o) => o.ref));
}

function meetingHeadline(d: SectionData): string | null {
  const m = d.meetings?.[0];
  return m ? bullet(`Next meeting: ${activityPhrase(m)} on ${date(m.occursAt)}`, m.ref) : null;
}

function profileBullet(d: SectionData): string {
  const a = d.account;
  const what = [a.segment && `${plain(a.segment)}-segment`, a.industry && plain(a.industry)]
    .filter(Boolean)
    .join(' ');
  return bullet(
    `${plain(a.name)} is ${what ? `${article(what)} ${what} account` : 'an account'}${a.city ? ` in ${plain(a.city)}` : ''}`,
    a.ref,
  );
}
