/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { formatDate, formatMoney, formatPercent, humanize } from '../format.ts';
import { recordPath } from '../paths.ts';
import type { AccountRecord } from '../queries/account-record.ts';
import type { FeatureRequestRow, InsightRow, InvestmentRow } from '../queries/rows.ts';
import { Badge } from './badges.tsx';
import { type Column, RelatedCard } from './related-card.tsx';

const investmentColumns: Column<InvestmentRow>[] = [
  { label: 'Name', cell: (i) => <a href={recordPath('Investment__c', i.id)}>{i.name}</a> },
  { label: 'Type', cell: (i) => humanize(i.kind) },
  { label: 'Amount', cell: (i) => formatMoney(i.amount), class: 'num' },
  { label: 'Status', cell: (i) => <Badge value={i.status} /> },
  { label: 'Period', cell: (i) => `${formatDate(i.starts_on)} – ${formatDate(i.ends_on)}`, class: 'nowrap' },
];

const featureColumns: Column<FeatureRequestRow>[] = [
  { label: 'Title', cell: (f) => <a href={recordPath('Feature_Request__c', f.id)}>{f.title}</a> },
  { label: 'Product', cell: (f) => f.product },
  { label: 'Priority', cell: (f) => <Badge value={f.priority} /> },
  { label: 'Status', cell: (f) => <Badge value={f.status} /> },
  { label: 'Requested', cell: (f) => formatDate(f.requested_at), class: 'nowrap' },
];

const insightColumns: Column<InsightRow>[] = [
  { label: 'Insight', cell: (i) => <a href={recordPath('Insight__c', i.id)}>{insightName(i)}</a> },
  { label: 'Score', cell: (i) => formatPercent(i.score), class: 'num' },
  { label: 'Drivers', cell: (i) => i.drivers },
  { label: 'Computed', cell: (i) => formatDate(i.computed_at), class: 'nowrap' },
];

/** 'propensity' + 'Managed Databases' → 'Propensity: Managed Databases'. */
export function insightName(i: Pick<InsightRow, 'kind' | 'product'>): string {
  return i.product ? `${humanize(i.kind)}: ${i.product}` : humanize(i.kind);
}

/** Custom objects the account team tracks: investments/credits, feature requests, ML insights. */
export function SupportRelated(props: { record: AccountRecord }) {
  const r = props.record;
  return (
    <>
      <RelatedCard
        id="investments"
        title="Investments & Credits"
        icon="investment"
        rows={r.investments}
        columns={investmentColumns}
      />
      <RelatedCard
        id="feature-requests"
        title="Feature Requests"
        icon="feature"
        rows={r.featureRequests}
        columns={featureColumns}
      />
      <RelatedCard id="insights" title="Insights" icon="insight" rows={r.insights} columns={insightColumns} />
    </>
  );
}
