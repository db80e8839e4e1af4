import type { z } from 'zod';
import {
  type SectionResult,
  type SummaryResponse,
  sectionResultSchema,
  summaryResponseSchema,
} from '../../shared/api.ts';
import { type ApiClient, ApiFailure } from '../lib/api-client.ts';
import { readSse } from '../lib/sse-parser.ts';

/** The stream closed, or stayed silent, before the brief was finished: poll instead. */
export class StreamInterrupted extends Error {
  override name = 'StreamInterrupted';
}

/** One section's new state merged into a snapshot; sections keep the server's order. */
export function withSection(summary: SummaryResponse, section: SectionResult): SummaryResponse {
  const known = summary.sections.some((s) => s.id === section.id);
  const sections = known
    ? summary.sections.map((s) => (s.id === section.id ? section : s))
    : [...summary.sections, section];
  return { ...summary, sections, status: summary.status === 'pending' ? 'running' : summary.status };
}

function parse<T>(schema: z.ZodType<T>, data: string): T {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new ApiFailure('bad-response', 'The server sent an event the panel cannot read.');
  return parsed.data;
}

export interface FollowOptions {
  signal: AbortSignal;
  onUpdate(summary: SummaryResponse): void;
  /** The server sends every section's state on connect; silence this long means a buffering proxy. */
  firstEventMs?: number;
}

/**
 * Follows GET /v1/summaries/:id/events from a snapshot to the end: each `section` event replaces
 * that section, the closing `summary` event is the finished brief. Rejects when the stream cannot
 * be opened, breaks, reports an `error`, stays silent, or ends without the closing event.
 */
export async function followSummaryEvents(
  client: Pick<ApiClient, 'openSummaryEvents'>,
  snapshot: SummaryResponse,
  options: FollowOptions,
): Promise<SummaryResponse> {
  const local = new AbortController();
  const forward = () => local.abort(options.signal.reason);
  if (options.signal.aborted) forward();
  options.signal.addEventListener('abort', forward, { once: true });
  let heard = false;
  const silence = setTimeout(() => {
    if (!heard) local.abort(new StreamInterrupted('no event arrived'));
  }, options.firstEventMs ?? 5_000);
  let current = snapshot;
  let final: SummaryResponse | null = null;
  try {
    const body = await client.openSummaryEvents(snapshot.requestId, local.signal);
    await readSse(
      body,
      ({ event, data }) => {
        heard = true;
        if (event === 'section') current = withSection(current, parse(sectionResultSchema, data));
        else if (event === 'summary') final = current = parse(summaryResponseSchema, data);
        else if (event === 'error')
          throw new ApiFailure('not-found', 'The brief is no longer on the server.', 404);
        else return;
        options.onUpdate(current);
      },
      local.signal,
    );
  } catch (error) {
    // Our own silence timer aborted the read: report that, not the AbortError it caused.
    if (local.signal.aborted && !options.signal.aborted) throw local.signal.reason;
    throw error;
  } finally {
    clearTimeout(silence);
    options.signal.removeEventListener('abort', forward);
  }
  if (!final) throw new StreamInterrupted('the stream ended before the brief was finished');
  return final;
}
