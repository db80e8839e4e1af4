const SNIPPET_CHARS = 240;

/**
 * A one-line excerpt of text around the first word of the query it contains (or its start), cut
 * at word boundaries and marked with ellipses where it was cut.
 */
export function snippetOf(text: string, query: string, max = SNIPPET_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const lower = flat.toLowerCase();
  const words = query.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  const hits = words.map((w) => lower.indexOf(w)).filter((i) => i >= 0);
  const hit = hits.length ? Math.min(...hits) : 0;
  let start = Math.max(0, Math.min(hit - Math.floor(max / 4), flat.length - max));
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < hit ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + max);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + max / 2) end = space;
  }
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}
