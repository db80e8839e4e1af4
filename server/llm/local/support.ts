import type { InvestmentFact, SectionData, SupportCaseFact } from '../../sections/types.ts';
import { blocks, bullet, date, list, money, plain, plural, quote, sentence } from './text.ts';

/** Investments and support: case load first (risk), then credits and programs, then feature requests. */
export function writeSupport(d: SectionData): string {
  return blocks(caseSummary(d), [...caseBullets(d), ...investmentBullets(d), ...featureBullets(d)]);
}

function caseSummary(d: SectionData): string | null {
  const s = d.supportCases;
  if (!s) return null;
  const name = plain(d.account.name);
  const open = s.cases.filter((c) => c.status !== 'closed');
  const closed = s.cases.filter((c) => c.status === 'closed');
  const closedText = `In the last ${s.recentDays} days, ${s.closedRecentCount} ${plural(s.closedRecentCount, 'case was', 'cases were')} closed`;
  if (open.length === 0) {
    return closed.length === 0
      ? sentence(`No open support cases are recorded for ${name}`, d.account.ref)
      : `${sentence(`${name} has no open support cases`, d.account.ref)} ${sentence(closedText, ...closed.map((c) => c.ref))}`;
  }
  const escalated = s.escalatedCount > 0 ? `, ${s.escalatedCount} of them escalated` : '';
  const opening = sentence(
    `${name} has ${s.openCount} open support ${plural(s.openCount, 'case')}${escalated}`,
    ...open.map((c) => c.ref),
  );
  return closed.length > 0 ? `${opening} ${sentence(closedText, ...closed.map((c) => c.ref))}` : opening;
}

function caseBullets(d: SectionData): string[] {
  return (d.supportCases?.cases ?? [])
    .filter((c) => c.status !== 'closed')
    .slice(0, 4)
    .map((c) => bullet(caseText(c), c.ref));
}

/** Case number, subject, severity, status, age and product in one phrase. */
function caseText(c: SupportCaseFact): string {
  const status = c.status === 'escalated' ? '**escalated**, ' : '';
  return `Case ${c.caseNumber} ${quote(c.subject)} (${c.severity}, ${status}open ${c.ageDays} ${plural(c.ageDays, 'day')}${
    c.product ? `, ${plain(c.product)}` : ''
  })`;
}

function investmentBullets(d: SectionData): string[] {
  const all = d.investments;
  if (!all) return [];
  const live = all.filter((i) => i.status !== 'expired');
  if (live.length === 0) {
    const last = all[0];
    return [
      last
        ? bullet(
            `No active credits or programs; the last, ${quote(last.name)}, ended ${date(last.endsOn)}`,
            last.ref,
          )
        : bullet('No credits, programs or funding are on record', d.account.ref),
    ];
  }
  return live.slice(0, 4).map((i) => bullet(investmentText(i), i.ref));
}

/** An active or proposed credit, program or funding with amount and dates. */
function investmentText(i: InvestmentFact): string {
  return i.status === 'active'
    ? `Active ${i.kind} ${quote(i.name)}: ${money(i.amount)}, running until ${date(i.endsOn)}`
    : `Proposed ${i.kind} ${quote(i.name)}: ${money(i.amount)}, from ${date(i.startsOn)} to ${date(i.endsOn)}`;
}

function featureBullets(d: SectionData): string[] {
  const requests = d.featureRequests;
  if (!requests) return [];
  if (requests.length === 0) return [bullet('No feature requests are on record', d.account.ref)];
  const pending = requests.filter((f) => f.status === 'submitted' || f.status === 'planned');
  const shown = (pending.length > 0 ? pending : requests).slice(0, 3);
  const items = shown.map((f) => `${quote(f.title)} (${f.priority} priority, ${f.status})`);
  return [
    bullet(
      `${pending.length > 0 ? 'Open feature requests' : 'Feature requests'}: ${list(items)}`,
      ...shown.map((f) => f.ref),
    ),
  ];
}

/** The support headline for the executive summary: escalations and high-severity open cases only. */
export function supportHeadline(d: SectionData): string | null {
  const urgent = (d.supportCases?.cases ?? []).filter(
    (c) =>
      c.status === 'escalated' || (c.status === 'open' && (c.severity === 'sev1' || c.severity === 'sev2')),
  );
  const first = urgent[0];
  if (!first) return null;
  // Counts come from the data (escalatedCount), never from counting here, so the figure is checkable.
  const escalated = d.supportCases!.escalatedCount;
  const lead = escalated > 1 ? `${escalated} escalated cases, led by ` : '';
  return bullet(`Support risk: ${lead}${caseText(first)}`, ...urgent.slice(0, 3).map((c) => c.ref));
}
