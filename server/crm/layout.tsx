/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { GlobalHeader, type NavTab } from './global-header.tsx';
import type { CrmSession } from './session.ts';
import { CRM_CSS_PATH } from './styles.ts';

/** The bare HTML document every CRM page shares; `head` adds page-specific metas. */
export function CrmDocument(props: { title: string; head?: Child; children?: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{props.title}</title>
        <link rel="stylesheet" href={CRM_CSS_PATH} />
        {props.head}
      </head>
      <body>{props.children}</body>
    </html>
  );
}

/**
 * A signed-in page: global header plus the handoff the extension's content script reads from
 * <head> (backend URL + the session token), so signing in here signs the extension in too.
 */
export function SignedInPage(props: {
  title: string;
  session: CrmSession;
  publicUrl: string;
  tab: NavTab;
  query?: string;
  children?: Child;
}) {
  const { session } = props;
  const head = (
    <>
      <meta name="account-summaries:backend" content={props.publicUrl} />
      <meta name="account-summaries:token" content={session.token} />
      <meta name="account-summaries:user" content={session.user.id} />
    </>
  );
  return (
    <CrmDocument title={props.title} head={head}>
      <GlobalHeader user={session.user} tab={props.tab} query={props.query} />
      <main class="page">{props.children}</main>
    </CrmDocument>
  );
}
