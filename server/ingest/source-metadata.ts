import { z } from 'zod';
import { DOCUMENT_KINDS } from '../retrieval/retrieve-input.ts';

// Postgres timestamps start in 4713 BC and have no year 0 in ISO form; a document date before
// year 1000 is a typo, so keep to years 1000–9999 rather than fail later in the insert.
const date = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .refine((v) => Number(v.slice(0, 4)) >= 1000, 'must be a date from year 1000 on');

/**
 * Document metadata from front matter or command-line options. Every field is optional; `id` is
 * derived from the file path when absent. Unknown front matter keys (tags, author…) are ignored.
 */
export const sourceMetadataSchema = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'use letters, digits, . _ : - (at most 128)')
    .optional(),
  title: z.string().trim().min(1).max(500).optional(),
  account: z.string().trim().min(1).max(200).optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  product: z.string().trim().min(1).max(200).optional(),
  // YAML turns an unquoted 2024-05-01 into a Date; accept that as well as strings.
  published: z.preprocess((v) => (v instanceof Date ? v.toISOString() : v), date).optional(),
  url: z.url().optional(),
  source: z.string().trim().min(1).max(200).optional(),
});

export type SourceMetadata = z.infer<typeof sourceMetadataSchema>;
