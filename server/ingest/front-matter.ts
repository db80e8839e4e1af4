import { parse } from 'yaml';

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
}

/**
 * Splits a leading YAML block (`---` … `---`) from a Markdown or text file. A block that is not a
 * YAML mapping is an error, so a typo is reported instead of indexed as text.
 */
export function splitFrontMatter(source: string): FrontMatter {
  const match = /^\ufeff?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) return { data: {}, body: source };
  let data: unknown;
  try {
    data = parse(match[1]!);
  } catch (error) {
    throw new Error(`front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new Error('front matter must be a YAML mapping (key: value lines)');
  }
  return { data: (data ?? {}) as Record<string, unknown>, body: source.slice(match[0].length) };
}
