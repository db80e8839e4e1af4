/** @jsxRuntime automatic @jsxImportSource hono/jsx */

import type { NavTab } from '../global-header.tsx';
import type { IconName } from '../icons.tsx';
import { ObjectIcon } from '../icons.tsx';
import { SignedInPage } from '../layout.tsx';
import type { ListResult } from '../queries/lists.ts';
import { type Column, DataTable } from '../records/related-card.tsx';
import type { CrmSession } from '../session.ts';

/** A Lightning list view: object icon, list name, item count and sort, a search box, a table. */
export function ListPage<T extends { id: string }>(props: {
  object: string;
  plural: string;
  icon: IconName;
  tab: NavTab;
  sortedBy: string;
  query: string;
  result: ListResult<T>;
  columns: Column<T>[];
  session: CrmSession;
  publicUrl: string;
}) {
  const { result, query } = props;
  const shown = result.rows.length;
  const count = shown < result.total ? `${shown} of ${result.total} items` : `${result.total} items`;
  return (
    <SignedInPage
      title={`${props.plural} | Salesforce`}
      session={props.session}
      publicUrl={props.publicUrl}
      tab={props.tab}
      query={props.object === 'Account' ? query : undefined}
    >
      <section class="card list-header" data-object={props.object} data-list="all">
        <ObjectIcon name={props.icon} />
        <div class="list-title">
          <div class="muted">{props.plural}</div>
          <h1>All {props.plural}</h1>
        </div>
        <form class="list-search" method="get">
          <label class="sr-only" for="list-q">
            Search this list
          </label>
          <input id="list-q" type="search" name="q" value={query} placeholder="Search this list..." />
          <button type="submit" class="btn">
            Search
          </button>
        </form>
        <div class="list-meta">
          {count} · Sorted by {props.sortedBy}
          {query ? ` · Filtered by "${query}"` : ''}
        </div>
      </section>
      <section class="card list-body">
        {shown === 0 ? (
          <p class="related-empty">
            {query ? `No ${props.plural.toLowerCase()} match "${query}".` : 'No items to display.'}
          </p>
        ) : (
          <DataTable rows={result.rows} columns={props.columns} numbered />
        )}
      </section>
    </SignedInPage>
  );
}
