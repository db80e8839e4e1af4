/** Helpers over the markdown subset the sections use: paragraphs, "- " bullets, **bold**, [Sn]. */

export const CITATION_MARKER = /\[(S\d+)\]/g;

/**
 * Splits markdown into its paragraphs and bullets. A bullet is one "- " line (plus any indented
 * continuation lines); consecutive other lines form a paragraph; blank lines separate.
 */
export function splitBlocks(markdown: string): string[] {
  const result: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) result.push(current.join('\n').trim());
    current = [];
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') flush();
    else if (/^\s*[-*]\s+/.test(line)) {
      flush();
      current.push(line);
    } else current.push(line);
  }
  flush();
  return result.filter(Boolean);
}

/** The refs a text cites, in order of first appearance, each once. */
export function citedRefs(text: string): string[] {
  return [...new Set([...text.matchAll(CITATION_MARKER)].map((m) => m[1]!))];
}

/** Text with citation markers and bold markers removed: what the reader sees as prose. */
export function proseOf(markdown: string): string {
  return markdown.replace(CITATION_MARKER, ' ').replace(/\*\*/g, '');
}
