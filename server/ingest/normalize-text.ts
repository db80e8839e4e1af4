/**
 * The one normal form every indexed text is stored in: Unicode NFC, no control characters, spaces
 * collapsed within lines, at most one blank line between paragraphs, no leading/trailing space.
 * Idempotent, so already clean text (e.g. documents.body written by ingest) passes unchanged.
 */
export function normalizeText(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // Keep \t and \n; drop other C0/C1 controls, zero-width characters and the BOM.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u2060\ufeff]/g, '')
      .replace(/[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}
