import { z } from 'zod';
import { ApiError, describeIssues } from '../http/errors.ts';

export const DOCUMENT_KINDS = ['kb', 'news', 'filing', 'meeting_note'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const day = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** What retrieve() accepts; unknown keys are rejected so a misspelt filter is not silently ignored. */
export const retrieveInputSchema = z
  .strictObject({
    query: z
      .string()
      .trim()
      .min(1)
      .max(4_000)
      .refine((q) => /[\p{L}\p{N}]/u.test(q), 'must contain at least one word'),
    /** This account's chunks (plus global knowledge-base chunks unless includeGlobal is false). */
    accountId: z.string().min(1).max(200).optional(),
    includeGlobal: z.boolean().default(true),
    kinds: z.array(z.enum(DOCUMENT_KINDS)).min(1).optional(),
    products: z.array(z.string().trim().min(1).max(200)).min(1).max(50).optional(),
    /** Inclusive bounds on published_at: a date (whole day) or an ISO timestamp. */
    from: day.optional(),
    to: day.optional(),
    k: z.number().int().min(1).max(50).default(8),
    hybrid: z.boolean().default(true),
    rerank: z.boolean().default(true),
    /** Total tokens of the returned chunk texts; never exceeded. */
    tokenBudget: z.number().int().min(1).max(1_000_000).optional(),
  })
  .refine((v) => !v.from || !v.to || lowerBound(v.from) <= upperBound(v.to), {
    path: ['from'],
    message: 'must not be after to',
  });

export type RetrieveInput = z.input<typeof retrieveInputSchema>;
export type RetrieveQuery = z.output<typeof retrieveInputSchema>;

/** Invalid retrieval input; an ApiError, so the HTTP layer answers 400 naming the field. */
export class RetrievalInputError extends ApiError {
  constructor(message: string) {
    super('bad_request', message);
    this.name = 'RetrievalInputError';
  }
}

/** Parses and validates input, throwing RetrievalInputError on anything invalid. */
export function parseRetrieveInput(input: unknown): RetrieveQuery {
  const parsed = retrieveInputSchema.safeParse(input);
  if (!parsed.success) throw new RetrievalInputError(describeIssues(parsed.error.issues));
  return parsed.data;
}

/** Start of the range as an ISO timestamp (a bare date means its first instant, UTC). */
export function lowerBound(value: string): string {
  return value.length === 10 ? `${value}T00:00:00.000Z` : new Date(value).toISOString();
}

/** End of the range as an ISO timestamp (a bare date means its last instant, UTC). */
export function upperBound(value: string): string {
  return value.length === 10 ? `${value}T23:59:59.999Z` : new Date(value).toISOString();
}
