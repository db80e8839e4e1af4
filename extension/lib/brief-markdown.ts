import type { Citation, SectionResult, SummaryResponse } from '../../shared/api.ts';
import { numberCitations } from './citations.ts';
import { formatDate, hostOf, safeHref } from './format.ts';
import { SOURCE_KIND_LABEL } from './source-kinds.ts';

/** "1. Title — Usage · Feb 28, 2026 — https://…": readable pasted as text, a list as Markdown. */
function referenceLine(n: number, c: Citation, locale?: string): string {
  const meta = [SOURCE_KIND_LABEL[c.kind], c.date && formatDate(c.date, locale)].filter(Boolean).join(' · ');
  const url = safeHref(c.url);
  return `${n}. ${c.title.replace(/\s+/g, ' ').trim()} — ${meta}${url ? ` — ${url}` : ''}`;
}

/** The section's text with its [S1] markers renumbered by `numberOf` (unknown refs dropped). */
function renumber(markdown: string, numberOf: (ref: string) => number | undefined): string {
  return markdown
    .replace(/[ \t]*\[(S\d+)\]/g, (_, ref: string) => {
      const n = numberOf(ref);
      return n === undefined ? '' : ` [${n}]`;
    })
    .trim();
}

function unverifiedNote(section: SectionResult): string | null {
  const figures = [...new Set(section.checks.numbers?.unsupported ?? [])];
  return figures.length ? `_Not verified against the source data: ${figures.join(', ')}._` : null;
}

function sectionBody(section: SectionResult, numberOf: (ref: string) => number | undefined): string[] {
  if (section.status === 'failed') return ['_This section could not be written._'];
  if (section.status !== 'done') return ['_This section was still being written._'];
  const note = unverifiedNote(section);
  return [renumber(section.markdown ?? '', numberOf), ...(note ? ['', note] : [])];
}

/**
 * One section as Markdown: heading, text with the same [n] numbers as the panel, any unverified
 * figures, and its numbered sources with their URLs.
 */
export function sectionToMarkdown(section: SectionResult, locale?: string): string {
  const index = numberCitations(section.markdown ?? '', section.citations);
  const used = section.status === 'done' ? index.sources : [];
  const lines = [`## ${section.title}`, '', ...sectionBody(section, (ref) => index.byRef.get(ref)?.n)];
  if (used.length > 0)
    lines.push('', 'Sources:', '', ...used.map(({ n, citation }) => referenceLine(n, citation, locale)));
  return `${lines.join('\n')}\n`;
}

/** The same source cited by two sections gets one number in the whole brief (several sources may share a URL). */
const identityOf = (c: Citation) => [c.kind, c.recordId, c.title, c.url].join('\n');

/**
 * The whole brief as Markdown: account header, the shown sections in order, and one numbered
 * reference list for all of them (sources cited by several sections get one number).
 */
export function summaryToMarkdown(
  summary: SummaryResponse,
  sections: readonly SectionResult[] = summary.sections,
  locale?: string,
): string {
  const numbers = new Map<string, number>();
  const references: string[] = [];
  const body = sections.flatMap((section) => {
    const byRef = new Map(section.citations.map((c) => [c.ref, c]));
    const numberOf = (ref: string) => {
      const citation = byRef.get(ref);
      if (!citation) return undefined;
      const id = identityOf(citation);
      if (!numbers.has(id)) {
        numbers.set(id, numbers.size + 1);
        references.push(referenceLine(numbers.size, citation, locale));
      }
      return numbers.get(id);
    };
    return ['', `## ${section.title}`, '', ...sectionBody(section, numberOf)];
  });
  const { account } = summary;
  const website = safeHref(account.website);
  const created = Date.parse(summary.createdAt);
  const meta = [
    account.industry,
    website && hostOf(website),
    Number.isNaN(created) ? null : `Brief generated ${formatDate(summary.createdAt, locale)}`,
  ].filter(Boolean);
  const head = [`# ${account.name}`, ...(meta.length ? ['', meta.join(' · ')] : [])];
  const refs = references.length ? ['', '## Sources', '', ...references] : [];
  return `${[...head, ...body, ...refs].join('\n')}\n`;
}
