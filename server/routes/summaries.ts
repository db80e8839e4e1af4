import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { createSummaryRequestSchema, type SummaryResponse } from '../../shared/api.ts';
import type { AuthVariables } from '../auth/middleware.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { jsonBody, parseWith } from '../http/validate.ts';
import { readSummary } from '../summaries/read-summary.ts';
import { createSummaryRequest } from '../summaries/summary-requests.ts';

const requestIdSchema = z.uuid('requestId: must be a UUID');
const TERMINAL = new Set(['done', 'partial', 'failed']);
const EVENT_POLL_MS = 250;

/** POST starts a summary; GET polls it; /events streams the same as server-sent events. */
export function summaryRoutes(deps: AppDeps) {
  return new Hono<{ Variables: AuthVariables }>()
    .post('/', async (c) => {
      const input = await jsonBody(c, createSummaryRequestSchema);
      const userId = c.var.userId;
      const request = await createSummaryRequest(deps.db, userId, input, deps.summaryTtlSeconds, {
        enqueue: true,
      });
      deps.metrics?.summaryCache.inc({ result: request.created ? 'miss' : 'hit' });
      if (request.created) {
        // Queued with the request; this process runs it after the response unless it has no worker.
        void deps.generate({
          requestId: request.requestId,
          userId,
          accountId: input.accountId,
          sections: request.sections,
        });
      }
      return c.json({ requestId: request.requestId, status: request.status }, 202);
    })
    .get('/:requestId', async (c) => {
      const requestId = parseRequestId(c.req.param('requestId'));
      const summary = await readSummary(deps.db, c.var.userId, requestId);
      if (!summary) throw notFound('summary');
      return c.json(summary);
    })
    .get('/:requestId/events', async (c) => {
      const requestId = parseRequestId(c.req.param('requestId'));
      const userId = c.var.userId;
      const first = await readSummary(deps.db, userId, requestId);
      if (!first) throw notFound('summary');
      return streamSSE(c, async (stream) => {
        let open = true;
        stream.onAbort(() => {
          open = false;
        });
        let summary: SummaryResponse | null = first;
        const sent = new Map<string, string>();
        let id = 0;
        while (open && summary) {
          // One event per section whose state changed, then the whole summary on completion.
          for (const section of summary.sections) {
            const key = `${section.status}:${section.markdown?.length ?? 0}`;
            if (sent.get(section.id) === key) continue;
            sent.set(section.id, key);
            await stream.writeSSE({ event: 'section', id: String(++id), data: JSON.stringify(section) });
          }
          if (TERMINAL.has(summary.status)) {
            await stream.writeSSE({ event: 'summary', id: String(++id), data: JSON.stringify(summary) });
            return;
          }
          await stream.sleep(EVENT_POLL_MS);
          summary = await readSummary(deps.db, userId, requestId);
        }
        if (open && !summary) {
          await stream.writeSSE({
            event: 'error',
            data: JSON.stringify({ error: { code: 'not_found', message: 'summary not found' } }),
          });
        }
      });
    });
}

function parseRequestId(raw: string): string {
  try {
    return parseWith(requestIdSchema, raw);
  } catch (error) {
    if (error instanceof ApiError) throw new ApiError('bad_request', 'requestId: must be a UUID');
    throw error;
  }
}
