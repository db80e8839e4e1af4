import { extname } from 'node:path';
import { htmlToText } from './html-to-text.ts';
import { markdownToText } from './markdown-to-text.ts';
import { normalizeText } from './normalize-text.ts';

export type SourceFormat = 'html' | 'markdown' | 'text';

const FORMATS: Record<string, SourceFormat> = {
  '.html': 'html',
  '.htm': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
};

/** Supported file extensions, for messages. */
export const SUPPORTED_EXTENSIONS = Object.keys(FORMATS);

/** The format a file name's extension names, or null when it is not supported. */
export function formatOf(path: string): SourceFormat | null {
  return FORMATS[extname(path).toLowerCase()] ?? null;
}

export interface CleanText {
  /** Title found in the content (HTML <title>/<h1>, Markdown heading), if any. */
  title: string | null;
  text: string;
}

/** Clean, normalised text of a source in the given format (see normalize-text.ts). */
export function cleanText(source: string, format: SourceFormat): CleanText {
  if (format === 'html') return htmlToText(source);
  if (format === 'markdown') return markdownToText(source);
  const text = normalizeText(source);
  return { title: null, text };
}
