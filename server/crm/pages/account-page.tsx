/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { nameOf } from '../directory.ts';
import { displayUrl, formatCount, formatDateTime, formatMoney, safeHref } from '../format.ts';
import { SignedInPage } from '../layout.tsx';
import type { AccountRecord } from '../queries/account-record.ts';
import type { AccountRow } from '../queries/rows.ts';
import { AccountRelated } from '../records/account-related.tsx';
import { ActivityTimeline } from '../records/activity-timeline.tsx';
import { DetailsList, type Field, RecordHeader } from '../records/record-header.tsx';
import { RecordTabs } from '../records/record-tabs.tsx';
import type { CrmSession } from '../session.ts';

const website = (a: AccountRow) =>
  safeHref(a.website) ? (
    <a href={safeHref(a.website)!} target="_blank" rel="noopener noreferrer">
      {displayUrl(a.website)}
    </a>
  ) : (
    a.website
  );

/** The account record page: highlights, Related | Details tabs, and the Activity panel. */
export function AccountPage(props: {
  record: AccountRecord;
  session: CrmSession;
  publicUrl: string;
  now: Date;
}) {
  const { account: a } = props.record;
  const owner = nameOf(props.session.directory, a.owner_id);
  const highlights: Field[] = [
    { label: 'Type', value: a.segment },
    { label: 'Phone', value: a.phone },
    { label: 'Website', value: website(a) },
    { label: 'Account Owner', value: owner },
    { label: 'Industry', value: a.industry },
    { label: 'Employees', value: formatCount(a.employees) },
    { label: 'Annual Revenue', value: formatMoney(a.annual_revenue) },
  ];
  const details: Field[] = [
    { label: 'Account Name', value: a.name },
    { label: 'Account Owner', value: owner },
    { label: 'Type', value: a.segment },
    { label: 'Industry', value: a.industry },
    { label: 'Website', value: website(a) },
    { label: 'Phone', value: a.phone },
    { label: 'Billing Address', value: [a.billing_city, a.billing_country].filter(Boolean).join(', ') },
    { label: 'Employees', value: formatCount(a.employees) },
    { label: 'Annual Revenue', value: formatMoney(a.annual_revenue) },
    { label: 'Account ID', value: a.id },
    { label: 'Created', value: formatDateTime(a.created_at) },
    { label: 'Last Modified', value: formatDateTime(a.updated_at) },
    { label: 'Description', value: a.description, wide: true },
  ];
  return (
    <SignedInPage
      title={`${a.name} | Salesforce`}
      session={props.session}
      publicUrl={props.publicUrl}
      tab="accounts"
    >
      <RecordHeader
        object="Account"
        objectLabel="Account"
        icon="account"
        id={a.id}
        name={a.name}
        fields={highlights}
        actions={['Edit', 'New Contact', 'New Opportunity']}
      />
      <div class="record-body with-side">
        <RecordTabs
          related={<AccountRelated record={props.record} />}
          details={<DetailsList fields={details} />}
        />
        <ActivityTimeline
          activities={props.record.activities}
          directory={props.session.directory}
          now={props.now}
        />
      </div>
    </SignedInPage>
  );
}
