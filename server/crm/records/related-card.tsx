/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { type IconName, ObjectIcon } from '../icons.tsx';

export interface Column<T> {
  label: string;
  cell: (row: T) => Child;
  /** 'num' right-aligns figures; 'nowrap' keeps dates on one line. */
  class?: 'num' | 'nowrap';
}

/** A related list card: icon, "Title (n)", a compact table, and an empty state. */
export function RelatedCard<T extends { id: string }>(props: {
  title: string;
  icon: IconName;
  rows: T[];
  columns: Column<T>[];
  /** Rows shown before "View All" (the card still says how many there are). */
  limit?: number;
  empty?: string;
  id?: string;
}) {
  const shown = props.limit ? props.rows.slice(0, props.limit) : props.rows;
  return (
    <article class="related" id={props.id}>
      <header class="related-header">
        <ObjectIcon name={props.icon} size={24} />
        <h2>
          {props.title} ({props.rows.length})
        </h2>
      </header>
      {props.rows.length === 0 ? (
        <div class="related-empty">{props.empty ?? 'No records to display.'}</div>
      ) : (
        <div class="related-body">
          <DataTable rows={shown} columns={props.columns} />
        </div>
      )}
      {shown.length < props.rows.length ? (
        <div class="related-footer muted">
          Showing {shown.length} of {props.rows.length}
        </div>
      ) : null}
    </article>
  );
}

export function DataTable<T extends { id: string }>(props: {
  rows: T[];
  columns: Column<T>[];
  numbered?: boolean;
}) {
  return (
    <table class="data-table">
      <thead>
        <tr>
          {props.numbered ? (
            <th class="row-no">
              <span class="sr-only">Row</span>
            </th>
          ) : null}
          {props.columns.map((c) => (
            <th key={c.label} scope="col" class={c.class === 'num' ? 'num' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row, i) => (
          <tr key={row.id}>
            {props.numbered ? <td class="row-no">{i + 1}</td> : null}
            {props.columns.map((c) => (
              <td key={c.label} class={c.class}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
