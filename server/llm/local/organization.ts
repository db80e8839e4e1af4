import { formatNumber } from '../../sections/format.ts';
import type { DocumentFact, SectionData } from '../../sections/types.ts';
import {
  article,
  blocks,
  bold,
  bullet,
  date,
  list,
  moneyShort,
  plain,
  sentence,
  sentences,
  shortSentence,
} from './text.ts';

/** Organization overview: who the company is (account record), what the news says, who we know. */
export function writeOrganization(d: SectionData): string {
  return blocks(profile(d), newsBullets(d), contactsLine(d));
}

function profile(d: SectionData): string {
  const a = d.account;
  const what = [a.segment && `${plain(a.segment)}-segment`, a.industry && plain(a.industry)]
    .filter(Boolean)
    .join(' ');
  const where = [a.city, a.country]
    .filter(Boolean)
    .map((x) => plain(x!))
    .join(', ');
  const size = [
    a.employees != null && `${bold(formatNumber(a.employees))} employees`,
    a.annualRevenue != null && `annual revenue of ${moneyShort(a.annualRevenue)}`,
  ].filter((x): x is string => Boolean(x));
  const first = sentence(
    `${bold(plain(a.name))} is ${what ? `${article(what)} ${what} company` : 'a company'}${where ? ` based in ${where}` : ''}${
      size.length ? ` with ${list(size)}` : ''
    }`,
    a.ref,
  );
  // The record's description usually restates the name and city first; keep what it adds.
  const name = plain(a.name);
  const adds = sentences(a.description ?? '').filter((s) => !s.startsWith(name) && s.length <= 240);
  return [first, ...adds.slice(0, 2).map((s) => sentence(s, a.ref))].join(' ');
}

function newsBullets(d: SectionData): string[] {
  if (!d.news) return [];
  if (d.news.length === 0) {
    return [sentence(`No recent news or filings are on file for ${plain(d.account.name)}`, d.account.ref)];
  }
  return d.news.slice(0, 4).map(newsBullet);
}

/** One news item or filing: date, source, headline and its first sentence when short. */
function newsBullet(doc: DocumentFact): string {
  const label = doc.kind === 'filing' ? 'Filing' : 'News';
  const from = doc.source ? ` (${plain(doc.source)})` : '';
  const gist = shortSentence(doc.excerpt);
  return bullet(
    `${label}, ${date(doc.publishedAt)}${from}: ${plain(doc.title)}${gist ? ` — ${gist}` : ''}`,
    doc.ref,
  );
}

function contactsLine(d: SectionData): string | null {
  const people = (d.contacts ?? []).slice(0, 4);
  if (people.length === 0) return null;
  const names = people.map(
    (c) =>
      `${plain(c.name)}${c.title ? ` (${plain(c.title)}${c.isPrimary ? ', primary contact' : ''})` : ''}`,
  );
  return sentence(`Key contacts: ${list(names)}`, ...people.map((c) => c.ref));
}

/** The latest news item as an executive bullet, or null when there is none. */
export function newsHeadline(d: SectionData): string | null {
  const doc = d.news?.[0];
  if (!doc) return null;
  return bullet(`In the news (${date(doc.publishedAt)}): ${plain(doc.title)}`, doc.ref);
}
