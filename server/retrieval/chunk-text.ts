import { CHUNK_OVERLAP_TOKENS, CHUNK_TOKENS } from './constants.ts';
import { countTokens, encodeTokens, tokenByteLengths } from './tokens.ts';

export interface TextChunk {
  /** Position in the document, from 0. */
  ord: number;
  text: string;
  /** Tokens in `text` as counted by countTokens (never more than the chunk size). */
  tokenCount: number;
  /** Token offsets [start, end) into the whole document's encoding. */
  start: number;
  end: number;
}

export interface ChunkOptions {
  size?: number;
  overlap?: number;
}

/**
 * Splits text into windows of at most `size` tokens where each window starts `overlap` tokens
 * before the previous one ended. Windows are cut on token boundaries that are also character
 * boundaries; in text where a character spans several tokens (some CJK, emoji) the overlap can
 * therefore grow by a token or two, never shrink.
 */
export function chunkText(text: string, options: ChunkOptions = {}): TextChunk[] {
  const size = options.size ?? CHUNK_TOKENS;
  const overlap = options.overlap ?? CHUNK_OVERLAP_TOKENS;
  if (!(size > 0 && overlap >= 0 && overlap < size)) throw new Error('chunkText: need 0 <= overlap < size');
  const tokens = encodeTokens(text);
  if (tokens.length === 0) return [];
  const bytes = Buffer.from(text, 'utf8');
  // offsets[i] = byte offset where token i starts; offsets[n] = end of text.
  const offsets = [0];
  for (const length of tokenByteLengths(tokens)) offsets.push(offsets.at(-1)! + length);
  const isBoundary = (i: number) => i <= 0 || i >= tokens.length || (bytes[offsets[i]!]! & 0xc0) !== 0x80;
  const sliceText = (s: number, e: number) => bytes.subarray(offsets[s]!, offsets[e]!).toString('utf8');

  const chunks: TextChunk[] = [];
  let start = 0;
  while (start < tokens.length) {
    let end = Math.min(start + size, tokens.length);
    while (end > start + 1 && !isBoundary(end)) end--;
    let chunk = sliceText(start, end);
    let count = countTokens(chunk);
    // Re-encoding a slice on its own can merge differently from the whole text: shrink until the
    // text itself, not just the window, fits.
    while (count > size && end > start + 1) {
      end--;
      while (end > start + 1 && !isBoundary(end)) end--;
      chunk = sliceText(start, end);
      count = countTokens(chunk);
    }
    chunks.push({ ord: chunks.length, text: chunk, tokenCount: count, start, end });
    if (end >= tokens.length) break;
    let next = end - overlap;
    while (next > start + 1 && !isBoundary(next)) next--;
    // Always move forward, even in pathological input with no boundary near the overlap point.
    start = next > start ? next : end;
  }
  return chunks;
}
