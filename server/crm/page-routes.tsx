/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { AccountPage } from './pages/account-page.tsx';
import { accountColumns, caseListColumns, opportunityListColumns } from './pages/list-columns.tsx';
import { ListPage } from './pages/list-page.tsx';
import { NotFoundPage } from './pages/notice-page.tsx';
import { RecordPage } from './pages/record-page.tsx';
import { loadAccountRecord } from './queries/account-record.ts';
import { isChildObject, loadChildRecord } from './queries/child-record.ts';
import { listAccounts, listCases, listOpportunities } from './queries/lists.ts';
import { childView } from './records/child-views.tsx';
import { renderPage } from './render.ts';
import type { CrmDeps } from './routes.tsx';
import type { CrmEnv } from './session.ts';

/** Searches are substring filters; a longer query is a paste accident, not a search. */
const queryOf = (q: string | undefined) => (q ?? '').trim().slice(0, 100);

/** The signed-in Lightning pages (requireSession runs first, see routes.tsx). */
export function pageRoutes(deps: CrmDeps) {
  const { db, publicUrl } = deps;
  return new Hono<CrmEnv>()
    .get('/lightning/o/Account/list', async (c) => {
      const session = c.var.session;
      const query = queryOf(c.req.query('q'));
      const result = await listAccounts(db, session.user.id, query);
      const columns = accountColumns(session.directory);
      const page = { session, publicUrl, query, result, columns };
      return renderPage(
        c,
        <ListPage
          {...page}
          object="Account"
          plural="Accounts"
          icon="account"
          tab="accounts"
          sortedBy="Account Name"
        />,
      );
    })
    .get('/lightning/o/Opportunity/list', async (c) => {
      const session = c.var.session;
      const query = queryOf(c.req.query('q'));
      const result = await listOpportunities(db, session.user.id, query);
      const page = { session, publicUrl, query, result, columns: opportunityListColumns };
      return renderPage(
        c,
        <ListPage
          {...page}
          object="Opportunity"
          plural="Opportunities"
          icon="opportunity"
          tab="opportunities"
          sortedBy="Close Date"
        />,
      );
    })
    .get('/lightning/o/Case/list', async (c) => {
      const session = c.var.session;
      const query = queryOf(c.req.query('q'));
      const result = await listCases(db, session.user.id, query);
      const page = { session, publicUrl, query, result, columns: caseListColumns };
      return renderPage(
        c,
        <ListPage {...page} object="Case" plural="Cases" icon="case" tab="cases" sortedBy="Date Opened" />,
      );
    })
    .get('/lightning/r/Account/:id/view', async (c) => {
      const session = c.var.session;
      const record = await loadAccountRecord(db, session.user.id, c.req.param('id'));
      if (!record) return renderPage(c, <NotFoundPage session={session} publicUrl={publicUrl} />, 404);
      return renderPage(
        c,
        <AccountPage record={record} session={session} publicUrl={publicUrl} now={new Date()} />,
      );
    })
    .get('/lightning/r/:object/:id/view', async (c) => {
      const session = c.var.session;
      const object = c.req.param('object');
      const id = c.req.param('id');
      const row = isChildObject(object) ? await loadChildRecord(db, session.user.id, object, id) : null;
      if (!row || !isChildObject(object)) {
        return renderPage(c, <NotFoundPage session={session} publicUrl={publicUrl} />, 404);
      }
      const view = childView(object, row, session.directory);
      const account =
        row.account_id && row.account_name ? { id: row.account_id, name: row.account_name } : null;
      return renderPage(
        c,
        <RecordPage
          object={object}
          id={id}
          view={view}
          account={account}
          session={session}
          publicUrl={publicUrl}
        />,
      );
    })
    .get('/lightning/*', (c) =>
      renderPage(c, <NotFoundPage session={c.var.session} publicUrl={publicUrl} />, 404),
    );
}
