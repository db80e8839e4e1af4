import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { errorBody } from '../http/errors.ts';
import type { Metrics } from './metrics.ts';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * GET /metrics in Prometheus text format, on the API's own port. Who may scrape:
 * - with METRICS_TOKEN set: only `Authorization: Bearer <METRICS_TOKEN>` (from anywhere);
 * - without it: only a direct loopback connection (a scraper or sidecar on the same host), and
 *   never a proxied one (a request carrying X-Forwarded-For or Forwarded came through a proxy,
 *   which may be serving the public).
 * Anything else gets the API's 401 error body.
 */
export function metricsHandler(metrics: Metrics, token?: string) {
  return async (c: Context) => {
    if (!mayScrape(c, token)) {
      return c.json(
        errorBody('unauthorized', 'metrics need the metrics bearer token or a loopback connection'),
        401,
      );
    }
    c.header('content-type', metrics.registry.contentType);
    c.header('cache-control', 'no-store');
    return c.body(await metrics.registry.metrics());
  };
}

function mayScrape(c: Context, token: string | undefined): boolean {
  if (token) {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization')?.trim() ?? '');
    return Boolean(match?.[1]) && sameSecret(match![1]!, token);
  }
  if (c.req.header('x-forwarded-for') || c.req.header('forwarded')) return false;
  const address = remoteAddress(c);
  return address !== undefined && LOOPBACK.test(address);
}

/** The peer address from @hono/node-server's bindings; undefined off Node (Lambda, app.request). */
export function remoteAddress(c: Context): string | undefined {
  const env = c.env as
    | {
        incoming?: { socket?: { remoteAddress?: string } };
        server?: { incoming?: { socket?: { remoteAddress?: string } } };
      }
    | undefined;
  return (env?.server?.incoming ?? env?.incoming)?.socket?.remoteAddress;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
