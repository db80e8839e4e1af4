import { insightLabel } from './facts/insights.ts';
import { formatDate, formatMoney, formatMonth, formatNumber, formatPercent } from './format.ts';
import type {
  ActivityFact,
  ContactFact,
  DocumentFact,
  FeatureRequestFact,
  InvestmentFact,
  PipelineFacts,
  SectionData,
  SupportFacts,
  UsageFacts,
} from './types.ts';

/**
 * One line a fact, each starting with its source id, figures written exactly as the writer must
 * copy them. Totals are spelled out so a model never has to add anything up.
 */

const join = (parts: (string | null | false | undefined)[]) => parts.filter(Boolean).join(' · ');
const change = (pct: number | null) =>
  pct == null ? 'no prior spend' : `${pct >= 0 ? 'up' : 'down'} ${formatPercent(pct)}`;

export function profileLines(d: SectionData): string {
  const a = d.account;
  return [
    `[${a.ref}] ${join([
      a.name,
      a.industry,
      a.segment && `${a.segment} segment`,
      [a.city, a.country].filter(Boolean).join(', '),
      a.employees != null && `${formatNumber(a.employees)} employees`,
      a.annualRevenue != null && `annual revenue ${formatMoney(a.annualRevenue)}`,
      a.website && `website ${a.website}`,
    ])}`,
    a.description ? `  ${a.description}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export function pipelineLines(p: PipelineFacts): string {
  const totals = `Totals: open ${p.openCount} (${formatMoney(p.openAmount)}, weighted ${formatMoney(
    p.weightedOpenAmount,
  )}); stalled ${p.stalledCount} (${formatMoney(p.stalledAmount)}); won in the last year ${p.wonCount} (${formatMoney(
    p.wonAmount,
  )}); lost in the last year ${p.lostCount} (${formatMoney(p.lostAmount)}).`;
  const items = p.items.map(
    (o) =>
      `[${o.ref}] "${o.name}" ${join([
        o.status,
        `stage ${o.stage}`,
        o.product,
        formatMoney(o.amount),
        `${o.probability}% probability`,
        `closes ${formatDate(o.closeDate)}`,
        o.partner && `partner ${o.partner}`,
        o.nextStep && `next step: ${o.nextStep}`,
        o.lastActivityAt && `last activity ${formatDate(o.lastActivityAt)} (${o.daysSinceActivity} days ago)`,
      ])}`,
  );
  return [totals, ...items].join('\n');
}

export function activityLines(list: ActivityFact[]): string {
  return list
    .map(
      (a) =>
        `[${a.ref}] ${join([
          formatDate(a.occursAt),
          a.type,
          `"${a.subject}"`,
          a.contactName && `with ${a.contactName}${a.contactTitle ? ` (${a.contactTitle})` : ''}`,
          a.notes,
        ])}`,
    )
    .join('\n');
}

export function usageLines(u: UsageFacts): string {
  const head = `Monthly spend in ${u.currency}, ${formatMonth(u.months[0]!)}–${formatMonth(
    u.months[u.months.length - 1]!,
  )} (${u.monthsCovered} months). Total ${formatMoney(u.totalSpend12m)}; last ${u.windowMonths} months ${formatMoney(
    u.totalTrailing3,
  )} vs prior ${u.windowMonths} months ${formatMoney(u.totalPrior3)} (${change(u.totalChangePct)}). Top product: ${
    u.topProduct
  }.`;
  const items = u.products.map((p) => {
    const series = u.chart.series.find((s) => s.product === p.product)?.spend ?? [];
    return `[${p.ref}] ${p.product}: ${u.monthsCovered}-month spend ${formatMoney(p.spend12m)}; last ${
      u.windowMonths
    } months ${formatMoney(p.trailing3Spend)} vs prior ${formatMoney(p.prior3Spend)} (${change(p.changePct)}, trend ${
      p.trend
    }); ${formatMonth(p.latestMonth)}: ${formatMoney(p.latestSpend)} for ${formatNumber(p.latestUnits)} ${
      p.unit
    }; monthly spend oldest to newest: ${series.map((v) => formatMoney(v)).join(', ')}`;
  });
  return [head, ...items].join('\n');
}

export function supportLines(s: SupportFacts): string {
  const head = `Open or escalated cases: ${s.openCount} (escalated: ${s.escalatedCount}); closed in the last ${s.recentDays} days: ${s.closedRecentCount}.`;
  const items = s.cases.map(
    (c) =>
      `[${c.ref}] Case ${c.caseNumber} "${c.subject}" ${join([
        c.severity,
        c.status,
        c.product,
        `opened ${formatDate(c.openedAt)}`,
        c.closedAt ? `closed ${formatDate(c.closedAt)}` : `open ${c.ageDays} days`,
      ])}`,
  );
  return [head, ...items].join('\n');
}

export function investmentLines(list: InvestmentFact[]): string {
  return list
    .map(
      (i) =>
        `[${i.ref}] ${i.kind} "${i.name}" ${join([i.status, formatMoney(i.amount), `${formatDate(i.startsOn)} to ${formatDate(i.endsOn)}`])}`,
    )
    .join('\n');
}

export function featureRequestLines(list: FeatureRequestFact[]): string {
  return list
    .map(
      (f) =>
        `[${f.ref}] "${f.title}" ${join([`${f.priority} priority`, f.status, f.product, `requested ${formatDate(f.requestedAt)}`])}`,
    )
    .join('\n');
}

export function insightLines(d: SectionData): string {
  return (d.insights ?? [])
    .map(
      (i) =>
        `[${i.ref}] ${join([
          insightLabel(i.kind),
          i.product,
          `score ${i.score} (${i.scorePct}%)`,
          `drivers: ${i.drivers}`,
          `computed ${formatDate(i.computedAt)}`,
        ])}`,
    )
    .join('\n');
}

export function documentLines(list: DocumentFact[]): string {
  return list
    .map(
      (doc) =>
        `[${doc.ref}] ${join([doc.kind, doc.source, doc.product, formatDate(doc.publishedAt), `"${doc.title}"`])}\n  ${doc.excerpt}`,
    )
    .join('\n');
}

export function contactLines(list: ContactFact[]): string {
  return list
    .map((c) => `[${c.ref}] ${join([c.name, c.title, c.isPrimary && 'primary contact', c.email])}`)
    .join('\n');
}
