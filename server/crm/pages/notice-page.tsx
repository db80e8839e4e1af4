/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { CrmDocument, SignedInPage } from '../layout.tsx';
import { listPath } from '../paths.ts';
import type { CrmSession } from '../session.ts';

/** One message in a card; signed-in when a session is given (so the header still works). */
export function NoticePage(props: {
  title: string;
  message: Child;
  session?: CrmSession;
  publicUrl?: string;
  head?: Child;
}) {
  const body = (
    <section class="card notice">
      <h1>{props.title}</h1>
      <p>{props.message}</p>
    </section>
  );
  if (props.session && props.publicUrl) {
    return (
      <SignedInPage
        title={`${props.title} | Salesforce`}
        session={props.session}
        publicUrl={props.publicUrl}
        tab="none"
      >
        {body}
      </SignedInPage>
    );
  }
  return (
    <CrmDocument title={`${props.title} | Salesforce`} head={props.head}>
      <main class="auth">{body}</main>
    </CrmDocument>
  );
}

/** The one 404: unknown and not-permitted records must look the same. */
export function NotFoundPage(props: { session?: CrmSession; publicUrl?: string }) {
  return (
    <NoticePage
      title="Record not found"
      session={props.session}
      publicUrl={props.publicUrl}
      message={
        <>
          This record doesn't exist or you don't have access. <a href={listPath('Account')}>Go to Accounts</a>
        </>
      }
    />
  );
}

/** After sign-out; the meta tells the extension to forget its token and cached briefs too. */
export function SignedOutPage() {
  return (
    <NoticePage
      title="You're signed out"
      head={<meta name="account-summaries:signed-out" content="true" />}
      message={
        <>
          You have signed out of the demo CRM and the Account Summaries extension.{' '}
          <a href="/login">Sign in again</a>
        </>
      }
    />
  );
}
