import type { Citation } from '../../shared/api.ts';

export interface NumberedCitation {
  /** 1-based, per section, in order of first mention. */
  n: number;
  citation: Citation;
}

export interface CitationIndex {
  byRef: Map<string, NumberedCitation>;
  /** Every source in number order: cited ones first, then any the text never mentions. */
  sources: NumberedCitation[];
}

const MARKER = /\[(S\d+)\]/g;

/** Numbers a section's citations 1, 2, 3 … in the order its text first cites them. */
export function numberCitations(markdown: string, citations: readonly Citation[]): CitationIndex {
  const known = new Map(citations.map((c) => [c.ref, c]));
  const order = [...new Set([...markdown.matchAll(MARKER)].map((m) => m[1]!))].filter((r) => known.has(r));
  const rest = [...known.keys()].filter((r) => !order.includes(r));
  const sources = [...order, ...rest].map((ref, i) => ({ n: i + 1, citation: known.get(ref)! }));
  return { byRef: new Map(sources.map((s) => [s.citation.ref, s])), sources };
}
