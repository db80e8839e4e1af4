/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { nameOf, type UserDirectory } from '../directory.ts';
import { formatDate, formatMoney } from '../format.ts';
import { recordPath } from '../paths.ts';
import type { AccountRow, CaseRow, OpportunityRow, WithAccount } from '../queries/rows.ts';
import { Badge } from '../records/badges.tsx';
import type { Column } from '../records/related-card.tsx';

const accountLink = (r: { account_id: string; account_name: string | null }) => (
  <a href={recordPath('Account', r.account_id)}>{r.account_name}</a>
);

export function accountColumns(directory: UserDirectory): Column<AccountRow>[] {
  return [
    { label: 'Account Name', cell: (a) => <a href={recordPath('Account', a.id)}>{a.name}</a> },
    { label: 'Industry', cell: (a) => a.industry },
    { label: 'Billing City', cell: (a) => a.billing_city },
    { label: 'Billing Country', cell: (a) => a.billing_country },
    { label: 'Account Owner', cell: (a) => nameOf(directory, a.owner_id), class: 'nowrap' },
    { label: 'Type', cell: (a) => a.segment, class: 'nowrap' },
  ];
}

export const opportunityListColumns: Column<WithAccount<OpportunityRow>>[] = [
  { label: 'Opportunity Name', cell: (o) => <a href={recordPath('Opportunity', o.id)}>{o.name}</a> },
  { label: 'Account Name', cell: accountLink },
  { label: 'Stage', cell: (o) => o.stage, class: 'nowrap' },
  { label: 'Amount', cell: (o) => formatMoney(o.amount), class: 'num' },
  { label: 'Close Date', cell: (o) => formatDate(o.close_date), class: 'nowrap' },
  { label: 'Status', cell: (o) => <Badge value={o.status} /> },
];

export const caseListColumns: Column<WithAccount<CaseRow>>[] = [
  { label: 'Case Number', cell: (s) => <a href={recordPath('Case', s.id)}>{s.case_number}</a> },
  { label: 'Subject', cell: (s) => s.subject },
  { label: 'Account Name', cell: accountLink },
  { label: 'Priority', cell: (s) => <Badge value={s.severity} /> },
  { label: 'Status', cell: (s) => <Badge value={s.status} /> },
  { label: 'Opened', cell: (s) => formatDate(s.opened_at), class: 'nowrap' },
];
