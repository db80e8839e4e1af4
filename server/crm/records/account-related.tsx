/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { formatDate, formatDateTime, formatMoney, humanize } from '../format.ts';
import { recordPath } from '../paths.ts';
import type { AccountRecord } from '../queries/account-record.ts';
import type { CaseRow, ContactRow, DocumentRow, OpportunityRow } from '../queries/rows.ts';
import { Badge } from './badges.tsx';
import { type Column, RelatedCard } from './related-card.tsx';
import { SupportRelated } from './support-related.tsx';
import { UsageCard } from './usage-card.tsx';

const contactColumns: Column<ContactRow>[] = [
  {
    label: 'Name',
    cell: (c) => (
      <>
        <a href={recordPath('Contact', c.id)}>{c.name}</a>
        {c.is_primary ? <span class="sub">Primary contact</span> : null}
      </>
    ),
  },
  { label: 'Title', cell: (c) => c.title },
  { label: 'Email', cell: (c) => (c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null) },
  { label: 'Phone', cell: (c) => c.phone, class: 'nowrap' },
];

const opportunityColumns: Column<OpportunityRow>[] = [
  { label: 'Opportunity Name', cell: (o) => <a href={recordPath('Opportunity', o.id)}>{o.name}</a> },
  { label: 'Stage', cell: (o) => o.stage, class: 'nowrap' },
  { label: 'Amount', cell: (o) => formatMoney(o.amount), class: 'num' },
  { label: 'Close Date', cell: (o) => formatDate(o.close_date), class: 'nowrap' },
  { label: 'Status', cell: (o) => <Badge value={o.status} /> },
];

const caseColumns: Column<CaseRow>[] = [
  { label: 'Case Number', cell: (s) => <a href={recordPath('Case', s.id)}>{s.case_number}</a> },
  { label: 'Subject', cell: (s) => s.subject },
  { label: 'Priority', cell: (s) => <Badge value={s.severity} /> },
  { label: 'Status', cell: (s) => <Badge value={s.status} /> },
  { label: 'Opened', cell: (s) => formatDate(s.opened_at), class: 'nowrap' },
];

const documentColumns: Column<DocumentRow>[] = [
  { label: 'Title', cell: (d) => <a href={recordPath('Document', d.id)}>{d.title}</a> },
  { label: 'Type', cell: (d) => humanize(d.kind), class: 'nowrap' },
  { label: 'Source', cell: (d) => d.source },
  { label: 'Published', cell: (d) => formatDate(d.published_at), class: 'nowrap' },
];

/** The Related tab of an account: the lists a seller scans before a meeting, most useful first. */
export function AccountRelated(props: { record: AccountRecord }) {
  const r = props.record;
  const open = r.opportunities.filter((o) => o.status === 'open' || o.status === 'stalled');
  return (
    <>
      <RelatedCard
        id="opportunities"
        title="Opportunities"
        icon="opportunity"
        rows={r.opportunities}
        columns={opportunityColumns}
      />
      {open.length ? (
        <p class="muted" style="margin:-6px 0 12px 4px">
          Open pipeline {formatMoney(open.reduce((s, o) => s + o.amount, 0))} · weighted{' '}
          {formatMoney(open.reduce((s, o) => s + (o.amount * o.probability) / 100, 0))} ·{' '}
          {open.filter((o) => o.status === 'stalled').length} stalled
        </p>
      ) : null}
      <RelatedCard id="contacts" title="Contacts" icon="contact" rows={r.contacts} columns={contactColumns} />
      <RelatedCard id="cases" title="Cases" icon="case" rows={r.cases} columns={caseColumns} />
      <UsageCard usage={r.usage} />
      <SupportRelated record={r} />
      <RelatedCard
        id="documents"
        title="News & Documents"
        icon="document"
        rows={r.documents}
        columns={documentColumns}
      />
      <p class="muted">Last modified {formatDateTime(r.account.updated_at)}</p>
    </>
  );
}
