import type { Citation, SourceKind } from '../../shared/api.ts';

/** The demo CRM's Lightning object names, so citation links open the record the fact came from. */
const CRM_OBJECT: Record<SourceKind, string> = {
  account: 'Account',
  contact: 'Contact',
  opportunity: 'Opportunity',
  activity: 'Event',
  usage: 'Account',
  support_case: 'Case',
  investment: 'Investment__c',
  feature_request: 'Feature_Request__c',
  insight: 'Insight__c',
  document: 'Document',
};

/** `${publicUrl}/lightning/r/{Object}/{id}/view` in the demo CRM served by this server. */
export function crmUrl(publicUrl: string, kind: SourceKind, recordId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/lightning/r/${CRM_OBJECT[kind]}/${encodeURIComponent(recordId)}/view`;
}

export interface SourceInput {
  kind: SourceKind;
  /** The CRM record the link opens (for usage: the account). */
  recordId: string;
  /** Distinguishes several sources on one record (usage per product); defaults to recordId. */
  key?: string;
  title: string;
  snippet: string;
  date: string | null;
}

/** Hands out `S1`, `S2`, … in the order facts are added, one ref per distinct record. */
export class SourceRegistry {
  readonly #byKey = new Map<string, Citation>();

  constructor(readonly publicUrl: string) {}

  add(input: SourceInput): string {
    const key = `${input.kind}:${input.key ?? input.recordId}`;
    const existing = this.#byKey.get(key);
    if (existing) return existing.ref;
    const citation: Citation = {
      ref: `S${this.#byKey.size + 1}`,
      kind: input.kind,
      recordId: input.recordId,
      title: input.title,
      url: crmUrl(this.publicUrl, input.kind, input.recordId),
      snippet: clip(input.snippet, 280),
      date: input.date,
    };
    this.#byKey.set(key, citation);
    return citation.ref;
  }

  list(): Citation[] {
    return [...this.#byKey.values()];
  }
}

/** Collapses whitespace and cuts at a word boundary, so snippets stay one readable line. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : cut.length)}…`;
}
