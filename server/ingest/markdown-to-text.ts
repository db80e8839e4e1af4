import { decodeEntities } from './entities.ts';
import { dropNonText } from './html-to-text.ts';
import { normalizeText } from './normalize-text.ts';

// Strict HTML tag grammar for inline HTML in Markdown, so `a<b && c>d` in prose is not a tag.
const STRICT_TAG = /<\/?[A-Za-z][\w:-]*(?:\s+[\w:@.-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

export interface MarkdownText {
  title: string | null;
  text: string;
}

/**
 * Plain text of a Markdown document: heading marks, emphasis, link and image syntax, code fences,
 * block quotes, table pipes and reference definitions removed; list items kept as "- " lines;
 * inline HTML (scripts and styles with their content) stripped, entities decoded outside code.
 * The title is the first heading. Front matter is split off before (front-matter.ts).
 */
export function markdownToText(markdown: string): MarkdownText {
  const lines: string[] = [];
  let title: string | null = null;
  let fence: string | null = null;
  for (const raw of splitOutsideFences(markdown)) {
    const marker = FENCE.exec(raw)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? null : marker;
      lines.push('');
      continue;
    }
    if (fence) {
      lines.push(raw); // code is text worth finding; keep it verbatim
      continue;
    }
    let line = raw
      .replace(/^\s{0,3}(>\s?)+/, '')
      .replace(/^\s{0,3}\[[^\]]+\]:\s+\S.*$/, '') // reference definition
      .replace(/^\s{0,3}([-*_])(\s*\1){2,}\s*$/, '') // horizontal rule
      .replace(/^\s*\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/, ''); // table separator
    const heading = /^\s{0,3}#{1,6}\s+(.*?)(\s+#+)?\s*$/.exec(line);
    if (heading) line = heading[1]!;
    else if (/^\s{0,3}(=+|-+)\s*$/.test(line) && lines.at(-1)?.trim()) {
      title ??= lines.at(-1)!.trim() || null; // setext heading underline
      line = '';
    }
    line = inline(line.replace(/^(\s*)([-*+]|\d{1,9}[.)])\s+/, '$1- ').replace(/\s\|\s|^\||\|$/g, ' '));
    if (heading) title ??= line.trim() || null;
    lines.push(line);
  }
  return { title, text: normalizeText(lines.join('\n')) };
}

/** Lines of the document, with scripts/styles/comments removed from everything but code fences. */
function splitOutsideFences(markdown: string): string[] {
  const out: string[] = [];
  let prose: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    out.push(...dropNonText(prose.join('\n')).split('\n'));
    prose = [];
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const marker = FENCE.exec(line)?.[1];
    if (!fence && marker) flush();
    if (fence || marker) out.push(line);
    else prose.push(line);
    if (marker && (!fence || marker.startsWith(fence))) fence = fence ? null : marker;
  }
  flush();
  return out;
}

/** Inline syntax of one line; code spans are kept literally (no tag stripping or entities). */
function inline(line: string): string {
  return line
    .split(/(`+[^`]*?`+)/)
    .map((part, i) =>
      i % 2 === 1
        ? part.replace(/^`+\s?|\s?`+$/g, '')
        : decodeEntities(
            part
              .replace(STRICT_TAG, '')
              .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
              .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
              .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
              .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
              .replace(/(\*\*|__)(?=\S)(.*?\S)\1/g, '$2')
              .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2')
              .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
              .replace(/~~(?=\S)(.*?\S)~~/g, '$1'),
          ),
    )
    .join('');
}
