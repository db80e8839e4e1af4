import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger, currentLog } from '../../../../server/observability/logger.ts';
import { createMetrics } from '../../../../server/observability/metrics.ts';
import { requestContext } from '../../../../server/observability/request-context.ts';

function app() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ destination: { write: (l: string) => void lines.push(JSON.parse(l)) } });
  const metrics = createMetrics();
  const api = new Hono<{ Variables: { userId: string } }>()
    .use(async (c, next) => {
      if (c.req.header('authorization') !== 'ok') return c.json({ error: 'no' }, 401);
      c.set('userId', 'u@example.com');
      await next();
    })
    .get('/items/:id', (c) => {
      currentLog().warn('inside the handler');
      return c.json({ id: c.req.param('id') });
    })
    .get('/boom', () => {
      throw new Error('boom');
    });
  const hono = new Hono()
    .use(requestContext({ logger, metrics }))
    .route('/v1', api)
    .get('/v1/*', (c) => c.text('catch-all'));
  hono.onError((_, c) => c.json({ error: 'internal' }, 500));
  return { hono, lines, metrics };
}

const access = (lines: Record<string, unknown>[]) => lines.filter((l) => l.msg === 'request');

describe('requestContext', () => {
  it('logs the route pattern of the handler that answered, with the user, never the URL', async () => {
    const { hono, lines } = app();
    const res = await hono.request('/v1/items/secret-name?q=Customer%20Name', {
      headers: { authorization: 'ok' },
    });
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id');
    expect(access(lines)).toEqual([
      expect.objectContaining({
        reqId: id,
        method: 'GET',
        route: '/v1/items/:id',
        status: 200,
        userId: 'u@example.com',
      }),
    ]);
    expect(lines.find((l) => l.msg === 'inside the handler')?.reqId).toBe(id);
    expect(JSON.stringify(lines)).not.toMatch(/secret-name|Customer/);
  });

  it('names the would-be handler when middleware answered, and logs 5xx at error', async () => {
    const { hono, lines, metrics } = app();
    expect((await hono.request('/v1/items/1')).status).toBe(401);
    expect((await hono.request('/v1/boom', { headers: { authorization: 'ok' } })).status).toBe(500);
    expect((await hono.request('/elsewhere')).status).toBe(404);
    expect(access(lines).map((l) => [l.route, l.status, l.level])).toEqual([
      ['/v1/items/:id', 401, 'info'],
      ['/v1/boom', 500, 'error'],
      ['/*', 404, 'info'],
    ]);
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'http_request_duration_seconds_count{method="GET",route="/v1/boom",status="500"} 1',
    );
  });

  it('keeps a sane incoming request id and replaces anything else', async () => {
    const { hono } = app();
    const echo = async (value: string) =>
      (await hono.request('/elsewhere', { headers: { 'x-request-id': value } })).headers.get('x-request-id');
    expect(await echo('abc-123_x.y:z@w')).toBe('abc-123_x.y:z@w');
    for (const bad of ['with space', 'x'.repeat(129), 'a,b', '{}']) expect(await echo(bad)).not.toBe(bad);
  });
});
