import { decodeEntities } from './entities.ts';
import { normalizeText } from './normalize-text.ts';

// A tag, allowing `>` inside quoted attribute values (lenient: real pages are sloppy).
const TAG = /<\/?[A-Za-z][A-Za-z0-9:-]*(?:[^>"']|"[^"]*"|'[^']*')*>/g;
// Elements whose content is never readable text, and comments.
const DROPPED =
  /<(script|style|noscript|template|svg|head|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?(?:-->|$)/gi;
const BLOCK =
  /<\/?(p|div|section|article|header|footer|main|aside|nav|h[1-6]|ul|ol|dl|dt|dd|table|thead|tbody|tr|blockquote|pre|figure|figcaption|hr|form|fieldset|address)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

export interface HtmlText {
  title: string | null;
  text: string;
}

/**
 * Readable text of an HTML page: scripts, styles and comments removed, block elements as line
 * breaks, list items as "- " lines, tags stripped, character references decoded, then normalised.
 * The title is the <title> or, failing that, the first <h1>.
 */
export function htmlToText(html: string): HtmlText {
  const title =
    firstText(html, /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i) ??
    firstText(html, /<h1\b[^>]*>([\s\S]*?)<\/h1\s*>/i);
  // Source line breaks are just spaces in HTML (outside <pre>); structure comes from the tags.
  const flowing = dropNonText(html)
    .split(/(<pre\b[\s\S]*?<\/pre\s*>)/i)
    .map((part, i) => (i % 2 ? part : part.replace(/\s+/g, ' ')))
    .join('');
  const body = flowing
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ' ')
    .replace(/<!DOCTYPE[^>]*>/gi, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(td|th)\s*>/gi, ' \t')
    .replace(BLOCK, '\n\n')
    .replace(TAG, '');
  return { title, text: normalizeText(decodeEntities(body)) };
}

/** Removes scripts, styles, comments and other non-text elements (also used on Markdown). */
export function dropNonText(html: string): string {
  return (
    html
      .replace(DROPPED, ' ')
      // An unterminated script or style would otherwise leak code into the text: drop to the end.
      .replace(/<(script|style)\b[\s\S]*$/i, ' ')
  );
}

function firstText(html: string, pattern: RegExp): string | null {
  const match = pattern.exec(html);
  const text = match ? normalizeText(decodeEntities(match[1]!.replace(TAG, ''))).replace(/\s+/g, ' ') : '';
  return text || null;
}
