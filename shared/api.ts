import { z } from 'zod';
import { SECTION_IDS } from './sections.ts';

/** The HTTP contract of DESIGN.md §5, shared by the server (validation) and the extension (parsing). */

export const sectionIdSchema = z.enum(SECTION_IDS);

/** Salesforce-style record ids (15 or 18 alphanumerics) are what the demo data and CRMs use. */
export const accountIdSchema = z
  .string()
  .trim()
  .min(1, 'accountId must not be empty')
  .max(64, 'accountId is at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'accountId may hold only letters, digits, "_" and "-"');

export const createSummaryRequestSchema = z.strictObject({
  accountId: accountIdSchema,
  sections: z.array(sectionIdSchema).min(1).max(SECTION_IDS.length).optional(),
  refresh: z.boolean().optional(),
});
export type CreateSummaryRequest = z.infer<typeof createSummaryRequestSchema>;

export const requestStatusSchema = z.enum(['pending', 'running', 'done', 'partial', 'failed']);
export type RequestStatus = z.infer<typeof requestStatusSchema>;

export const sectionStatusSchema = z.enum(['pending', 'running', 'done', 'failed']);
export type SectionStatus = z.infer<typeof sectionStatusSchema>;

export const sourceKindSchema = z.enum([
  'account',
  'contact',
  'opportunity',
  'activity',
  'usage',
  'support_case',
  'investment',
  'feature_request',
  'insight',
  'document',
]);
export type SourceKind = z.infer<typeof sourceKindSchema>;

/**
 * One source a section cites. The markdown refers to it as `[S<n>]` where `ref` is `S<n>`;
 * the panel renders those markers as numbered links.
 */
export const citationSchema = z.object({
  ref: z.string().regex(/^S\d+$/),
  kind: sourceKindSchema,
  recordId: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  snippet: z.string(),
  date: z.string().nullable(),
});
export type Citation = z.infer<typeof citationSchema>;

/** Results of the quality guard; every check is optional so providers can add more over time. */
export const checksSchema = z.object({
  numbers: z
    .object({ passed: z.boolean(), checked: z.number().int(), unsupported: z.array(z.string()) })
    .optional(),
  citations: z
    .object({
      passed: z.boolean(),
      cited: z.number().int(),
      unknownRefs: z.array(z.string()),
      uncitedParagraphs: z.number().int(),
    })
    .optional(),
  /**
   * Text metrics of the output against the facts the section was given, rounded to 4 decimals.
   * Informational: they never fail a section. Absent on sections saved before they existed.
   */
  metrics: z
    .object({
      /** Embedding cosine; can dip below 0 for unrelated texts. */
      cosine: z.number().min(-1).max(1),
      bleu: z.number().min(0).max(1),
      rouge1: z.number().min(0).max(1),
      rouge2: z.number().min(0).max(1),
      rougeL: z.number().min(0).max(1),
    })
    .optional(),
});
export type Checks = z.infer<typeof checksSchema>;

/** Monthly spend per product, drawn as a chart by the panel (consumption section only). */
export const spendChartSchema = z.object({
  currency: z.string(),
  months: z.array(z.string()),
  series: z.array(z.object({ product: z.string(), spend: z.array(z.number()) })),
});
export type SpendChart = z.infer<typeof spendChartSchema>;

export const sectionResultSchema = z.object({
  id: sectionIdSchema,
  title: z.string(),
  status: sectionStatusSchema,
  markdown: z.string().nullable(),
  citations: z.array(citationSchema),
  checks: checksSchema,
  chart: spendChartSchema.nullable(),
  model: z.string().nullable(),
  latencyMs: z.number().nullable(),
  error: z.string().nullable(),
});
export type SectionResult = z.infer<typeof sectionResultSchema>;

export const accountSummaryHeaderSchema = z.object({
  id: z.string(),
  name: z.string(),
  industry: z.string().nullable(),
  website: z.string().nullable(),
});

export const summaryResponseSchema = z.object({
  requestId: z.string(),
  accountId: z.string(),
  account: accountSummaryHeaderSchema,
  status: requestStatusSchema,
  createdAt: z.string(),
  sections: z.array(sectionResultSchema),
});
export type SummaryResponse = z.infer<typeof summaryResponseSchema>;

export const createSummaryResponseSchema = z.object({
  requestId: z.string(),
  status: requestStatusSchema,
});

export const accountSearchQuerySchema = z.object({
  query: z.string().trim().min(1, 'query must not be empty').max(200, 'query is at most 200 characters'),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});

export const accountMatchSchema = accountSummaryHeaderSchema.extend({
  city: z.string().nullable(),
  country: z.string().nullable(),
  score: z.number(),
});
export type AccountMatch = z.infer<typeof accountMatchSchema>;

export const accountSearchResponseSchema = z.object({ accounts: z.array(accountMatchSchema) });

export const feedbackReasonSchema = z.enum(['wrong_number', 'outdated', 'missing_information', 'other']);

export const feedbackRequestSchema = z.strictObject({
  requestId: z.string().min(1).max(64),
  sectionId: sectionIdSchema.optional(),
  rating: z.enum(['up', 'down']),
  comment: z.string().max(2000, 'comment is at most 2000 characters').optional(),
  reason: feedbackReasonSchema.optional(),
});
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

export const errorCodeSchema = z.enum([
  'bad_request',
  'unauthorized',
  'not_found',
  'payload_too_large',
  'rate_limited',
  'internal',
  /** 503: the server cannot reach its database right now (restart, failover); retry after `Retry-After`. */
  'unavailable',
]);

export const errorBodySchema = z.object({
  error: z.object({ code: errorCodeSchema, message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/**
 * GET /v1/deliveries?since=&limit= — the caller's briefs prepared ahead of their meetings, for the
 * extension to poll and show as browser notifications. Only the caller's own deliveries of accounts
 * they may still see; oldest first. Poll again with the answer's `next` as `since`: consecutive
 * answers overlap a little (so nothing committed late is missed), so notify once per `id`.
 */
export const deliveriesQuerySchema = z.object({
  /** Delivered at or after this instant (default: the last 24 hours). */
  since: z.iso.datetime({ offset: true, error: 'since must be an ISO 8601 timestamp' }).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const deliverySchema = z.object({
  id: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  meeting: z.object({ id: z.string(), subject: z.string(), startsAt: z.string() }),
  /** The prepared summary: GET /v1/summaries/:requestId until its TTL, else POST a new one. */
  requestId: z.string().nullable(),
  deliveredAt: z.string(),
  /** The account's page in the demo CRM with `?summary=open`, the same link Slack messages carry. */
  panelUrl: z.string(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const deliveriesResponseSchema = z.object({
  deliveries: z.array(deliverySchema),
  /** The `since` of the next poll. */
  next: z.string(),
});
