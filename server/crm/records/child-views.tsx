/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { nameOf, type UserDirectory } from '../directory.ts';
import { formatDate, formatDateTime, formatMoney, humanize } from '../format.ts';
import type { IconName } from '../icons.tsx';
import { recordPath } from '../paths.ts';
import type { ChildObject, ChildRecords } from '../queries/child-record.ts';
import type { WithAccount } from '../queries/rows.ts';
import { Badge } from './badges.tsx';
import { CUSTOM_VIEWS } from './custom-views.tsx';
import type { Field } from './record-header.tsx';

/** What a compact record page shows for one record of a child object. */
export interface ChildView {
  objectLabel: string;
  icon: IconName;
  name: string;
  highlights: Field[];
  details: Field[];
  /** Long text shown in full under the details (document body, case description, notes). */
  body?: { title: string; text: string };
}

export type Viewer<O extends ChildObject> = (
  row: WithAccount<ChildRecords[O]>,
  directory: UserDirectory,
) => ChildView;

const VIEWS: { [O in ChildObject]: Viewer<O> } = {
  Contact: (c) => ({
    objectLabel: 'Contact',
    icon: 'contact',
    name: c.name,
    highlights: [
      { label: 'Title', value: c.title },
      { label: 'Email', value: c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null },
      { label: 'Phone', value: c.phone },
    ],
    details: [
      { label: 'Name', value: c.name },
      { label: 'Title', value: c.title },
      { label: 'Primary Contact', value: c.is_primary ? 'Yes' : 'No' },
      { label: 'Email', value: c.email },
      { label: 'Phone', value: c.phone },
    ],
  }),
  Opportunity: (o) => ({
    objectLabel: 'Opportunity',
    icon: 'opportunity',
    name: o.name,
    highlights: [
      { label: 'Stage', value: o.stage },
      { label: 'Amount', value: formatMoney(o.amount) },
      { label: 'Close Date', value: formatDate(o.close_date) },
      { label: 'Status', value: <Badge value={o.status} /> },
    ],
    details: [
      { label: 'Product', value: o.product },
      { label: 'Probability (%)', value: `${o.probability}%` },
      { label: 'Partner', value: o.partner },
      { label: 'Next Step', value: o.next_step },
      { label: 'Last Activity', value: formatDateTime(o.last_activity_at) },
      { label: 'Created', value: formatDateTime(o.created_at) },
    ],
  }),
  Event: (e, directory) => ({
    objectLabel: humanize(e.type),
    icon: e.type === 'meeting' ? 'event' : e.type,
    name: e.subject,
    highlights: [
      { label: 'Date', value: formatDateTime(e.occurs_at) },
      { label: 'Assigned To', value: nameOf(directory, e.owner_id) },
      {
        label: 'Name',
        value: e.contact_id ? <a href={recordPath('Contact', e.contact_id)}>{e.contact_name}</a> : null,
      },
    ],
    details: [
      { label: 'Type', value: humanize(e.type) },
      { label: 'Subject', value: e.subject },
    ],
    body: e.notes ? { title: 'Notes', text: e.notes } : undefined,
  }),
  Case: (s) => ({
    objectLabel: 'Case',
    icon: 'case',
    name: `${s.case_number} — ${s.subject}`,
    highlights: [
      { label: 'Priority', value: <Badge value={s.severity} /> },
      { label: 'Status', value: <Badge value={s.status} /> },
      { label: 'Product', value: s.product },
      { label: 'Opened', value: formatDateTime(s.opened_at) },
    ],
    details: [
      { label: 'Case Number', value: s.case_number },
      { label: 'Subject', value: s.subject },
      { label: 'Closed', value: formatDateTime(s.closed_at) },
    ],
    body: s.description ? { title: 'Description', text: s.description } : undefined,
  }),
  ...CUSTOM_VIEWS,
};

export function childView<O extends ChildObject>(
  object: O,
  row: WithAccount<ChildRecords[O]>,
  directory: UserDirectory,
): ChildView {
  return (VIEWS[object] as Viewer<O>)(row, directory);
}
