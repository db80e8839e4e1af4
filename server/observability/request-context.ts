import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import { type Logger, withLog } from './logger.ts';
import type { Metrics } from './metrics.ts';

/** An incoming id is kept only if it is a plain token: no spaces, quotes or control characters. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

export const REQUEST_ID_HEADER = 'x-request-id';

export type RequestVariables = { requestId: string; userId?: string };

/**
 * Gives every request an id (the caller's `x-request-id` when it is sane, else a new UUID), returns
 * it in the response header, scopes a child logger carrying it over everything the request does (the
 * summary generation it starts included), and writes one access-log line and one duration sample:
 * method, route pattern (never the raw URL: an account search query is a customer name), status,
 * milliseconds and the user id when signed in.
 */
export function requestContext(deps: { logger: Logger; metrics: Metrics }) {
  return createMiddleware<{ Variables: RequestVariables }>(async (c, next) => {
    const incoming = c.req.header(REQUEST_ID_HEADER);
    const requestId = incoming && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    const log = deps.logger.child({ reqId: requestId });
    const started = performance.now();
    try {
      await withLog(log, next);
    } finally {
      const seconds = (performance.now() - started) / 1000;
      const route = routePattern(c);
      const status = c.res.status;
      setHeader(c, REQUEST_ID_HEADER, requestId);
      deps.metrics.httpDuration.observe({ method: c.req.method, route, status: String(status) }, seconds);
      const line = {
        method: c.req.method,
        route,
        status,
        ms: Math.round(seconds * 10_000) / 10,
        userId: c.get('userId'),
      };
      if (status >= 500) log.error(line, 'request');
      else log.info(line, 'request');
    }
  });
}

/**
 * The registered pattern of the handler that answered (e.g. `/v1/summaries/:requestId`). When
 * middleware answered first (401, 429, CORS preflight), the pattern of the handler that would have
 * answered; with none (404), the last middleware pattern that matched (e.g. `/v1/*`). Always one of
 * the app's own patterns, so metric labels stay few. Call it after `next()` or from onError.
 */
export function routePattern(c: Context): string {
  let routes: ReturnType<typeof matchedRoutes>;
  try {
    routes = matchedRoutes(c);
  } catch {
    return '(unmatched)';
  }
  // Hono leaves routeIndex on the last route it dispatched to: the one that answered.
  const from = Math.max(0, c.req.routeIndex);
  const handler = routes.slice(from).find((r) => r.method !== 'ALL');
  return handler?.path ?? routes.at(-1)?.path ?? '(unmatched)';
}

function setHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    // A response with immutable headers (e.g. one passed through from fetch): copy it.
    c.res = new Response(c.res.body, c.res);
    c.res.headers.set(name, value);
  }
}
