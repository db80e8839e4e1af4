/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { SignedInPage } from '../layout.tsx';
import { recordPath } from '../paths.ts';
import type { ChildView } from '../records/child-views.tsx';
import { DetailsList, RecordHeader } from '../records/record-header.tsx';
import type { CrmSession } from '../session.ts';

/** A compact record page for the objects citations link to, with a way back to the account. */
export function RecordPage(props: {
  object: string;
  id: string;
  view: ChildView;
  account: { id: string; name: string } | null;
  session: CrmSession;
  publicUrl: string;
}) {
  const { view, account } = props;
  const details = account
    ? [
        { label: 'Account', value: <a href={recordPath('Account', account.id)}>{account.name}</a> },
        ...view.details,
      ]
    : view.details;
  return (
    <SignedInPage
      title={`${view.name} | ${view.objectLabel} | Salesforce`}
      session={props.session}
      publicUrl={props.publicUrl}
      tab={props.object === 'Opportunity' ? 'opportunities' : props.object === 'Case' ? 'cases' : 'none'}
    >
      {account ? (
        <a class="back-link" href={recordPath('Account', account.id)}>
          ‹ Back to {account.name}
        </a>
      ) : null}
      <RecordHeader
        object={props.object}
        objectLabel={view.objectLabel}
        icon={view.icon}
        id={props.id}
        name={view.name}
        fields={view.highlights}
        actions={['Edit']}
      />
      <section class="card" style="padding:8px 16px 16px">
        <h2 class="section-title">Details</h2>
        <DetailsList fields={details} />
        {view.body ? (
          <>
            <h2 class="section-title">{view.body.title}</h2>
            <div class="doc-body">{view.body.text}</div>
          </>
        ) : null}
      </section>
    </SignedInPage>
  );
}
