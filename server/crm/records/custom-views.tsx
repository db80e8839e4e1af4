/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { formatDate, formatDateTime, formatMoney, formatPercent, humanize, safeHref } from '../format.ts';
import { Badge } from './badges.tsx';
import type { Viewer } from './child-views.tsx';
import { insightName } from './support-related.tsx';

const external = (url: string | null) =>
  safeHref(url) ? (
    <a href={safeHref(url)!} target="_blank" rel="noopener noreferrer">
      {url}
    </a>
  ) : (
    url
  );

/** Record views of the custom objects and documents (investments, requests, insights, KB/news). */
export const CUSTOM_VIEWS: {
  Investment__c: Viewer<'Investment__c'>;
  Feature_Request__c: Viewer<'Feature_Request__c'>;
  Insight__c: Viewer<'Insight__c'>;
  Document: Viewer<'Document'>;
} = {
  Investment__c: (i) => ({
    objectLabel: 'Investment',
    icon: 'investment',
    name: i.name,
    highlights: [
      { label: 'Type', value: humanize(i.kind) },
      { label: 'Amount', value: formatMoney(i.amount) },
      { label: 'Status', value: <Badge value={i.status} /> },
    ],
    details: [
      { label: 'Start Date', value: formatDate(i.starts_on) },
      { label: 'End Date', value: formatDate(i.ends_on) },
    ],
  }),
  Feature_Request__c: (f) => ({
    objectLabel: 'Feature Request',
    icon: 'feature',
    name: f.title,
    highlights: [
      { label: 'Product', value: f.product },
      { label: 'Priority', value: <Badge value={f.priority} /> },
      { label: 'Status', value: <Badge value={f.status} /> },
    ],
    details: [{ label: 'Requested', value: formatDateTime(f.requested_at) }],
  }),
  Insight__c: (i) => ({
    objectLabel: 'Insight',
    icon: 'insight',
    name: insightName(i),
    highlights: [
      { label: 'Type', value: humanize(i.kind) },
      { label: 'Score', value: formatPercent(i.score) },
      { label: 'Product', value: i.product },
    ],
    details: [{ label: 'Computed', value: formatDateTime(i.computed_at) }],
    body: { title: 'Drivers', text: i.drivers },
  }),
  Document: (d) => ({
    objectLabel: d.kind === 'kb' ? 'Knowledge Article' : humanize(d.kind),
    icon: d.kind === 'meeting_note' ? 'note' : 'document',
    name: d.title,
    highlights: [
      { label: 'Source', value: d.source },
      { label: 'Published', value: formatDate(d.published_at) },
      { label: 'Product', value: d.product },
    ],
    details: [{ label: 'Original', value: external(d.url) }],
    body: { title: 'Content', text: d.body },
  }),
};
