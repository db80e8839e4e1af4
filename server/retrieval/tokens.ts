import bpe from 'gpt-tokenizer/bpeRanks/o200k_base';
import { countTokens as countRaw, encode } from 'gpt-tokenizer/encoding/o200k_base';

// Special-token strings such as "<|endoftext|>" inside a document are ordinary text to us: the
// tokenizer's default is to throw on them.
const AS_TEXT = { disallowedSpecial: new Set<string>() };

/** Token ids of text (o200k_base, see constants.ts). */
export function encodeTokens(text: string): number[] {
  return encode(text, AS_TEXT);
}

/** Number of tokens in text: what every token budget is measured in. */
export function countTokens(text: string): number {
  return text ? countRaw(text, AS_TEXT) : 0;
}

const utf8 = new TextEncoder();

/**
 * UTF-8 byte length of each token. We slice the original text's bytes ourselves instead of calling
 * the library's decode(): its decoder is shared and streaming, so a slice ending inside a
 * multi-byte character leaks bytes into the next, unrelated decode() call.
 */
export function tokenByteLengths(tokens: readonly number[]): number[] {
  return tokens.map((t) => {
    const entry = bpe[t];
    if (entry === undefined) throw new Error(`unknown token ${t}`);
    return typeof entry === 'string' ? utf8.encode(entry).length : entry.length;
  });
}

/** The longest prefix of text (cut at a character boundary) with at most maxTokens tokens. */
export function truncateToTokens(text: string, maxTokens: number): string {
  return truncateWithCount(text, maxTokens).text;
}

/** truncateToTokens with the token count of the prefix, which finding it has measured already. */
export function truncateWithCount(text: string, maxTokens: number): { text: string; tokens: number } {
  if (maxTokens <= 0) return { text: '', tokens: 0 };
  const tokens = encodeTokens(text);
  if (tokens.length <= maxTokens) return { text, tokens: tokens.length };
  const bytes = Buffer.from(text, 'utf8');
  const lengths = tokenByteLengths(tokens);
  let end = 0;
  for (let i = 0; i < maxTokens; i++) end += lengths[i]!;
  // Back off to a character boundary (UTF-8 continuation bytes are 0b10xxxxxx).
  while (end > 0 && end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
  let cut = bytes.subarray(0, end).toString('utf8');
  // Re-encoding a prefix can merge differently; trim until the count really fits.
  for (;;) {
    const count = cut ? countRaw(cut, AS_TEXT) : 0;
    if (count <= maxTokens) return { text: cut, tokens: count };
    cut = dropLastChar(cut);
  }
}

/** Removes the last code point (both halves of a surrogate pair). */
export function dropLastChar(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return text.slice(0, last >= 0xdc00 && last <= 0xdfff ? -2 : -1);
}
