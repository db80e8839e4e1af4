import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createTokenBuckets, rateLimit } from '../../../../server/http/rate-limit.ts';

describe('createTokenBuckets', () => {
  it('grants a burst of the per-minute amount, then one token per 60/n seconds, per key', () => {
    let now = 0;
    const buckets = createTokenBuckets(6, () => now);
    for (let i = 0; i < 6; i++) expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(10);
    expect(buckets.take('b')).toBe(0);
    now += 9_000;
    expect(buckets.take('a')).toBe(1);
    now += 1_000;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(10);
    now += 3_600_000;
    for (let i = 0; i < 6; i++) expect(buckets.take('a')).toBe(0);
  });

  it('stays bounded: refilled buckets are forgotten when many keys pile up', () => {
    let now = 0;
    const buckets = createTokenBuckets(60, () => now);
    for (let i = 0; i < 10_000; i++) buckets.take(`user-${i}`);
    expect(buckets.size).toBe(10_000);
    now += 60_000;
    buckets.take('newcomer');
    expect(buckets.size).toBe(1);
  });
});

describe('rateLimit', () => {
  const app = (limits: Parameters<typeof rateLimit>[0], limited: string[] = []) =>
    new Hono<{ Variables: { userId: string } }>()
      .use(async (c, next) => {
        c.set('userId', c.req.header('x-user') ?? 'anon');
        await next();
      })
      .use(rateLimit(limits, () => void limited.push('x')))
      .post('/v1/summaries', (c) => c.json({ ok: true }, 202))
      .get('/v1/accounts', (c) => c.json({ ok: true }));

  it('answers 429 with Retry-After and the JSON error body once a user is over a limit', async () => {
    const limited: string[] = [];
    const a = app({ perMinute: 100, summariesPerMinute: 2 }, limited);
    const post = (user: string) =>
      a.request('/v1/summaries', { method: 'POST', headers: { 'x-user': user } });
    expect((await post('u1')).status).toBe(202);
    expect((await post('u1')).status).toBe(202);
    const res = await post('u1');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(await res.json()).toEqual({
      error: { code: 'rate_limited', message: 'too many requests; retry in 30 s' },
    });
    expect((await post('u2')).status).toBe(202);
    expect((await a.request('/v1/accounts', { headers: { 'x-user': 'u1' } })).status).toBe(200);
    expect(limited).toHaveLength(1);
  });

  it('limits nothing with 0 or absent limits', async () => {
    const a = app({ perMinute: 0 });
    for (let i = 0; i < 50; i++)
      expect((await a.request('/v1/summaries', { method: 'POST' })).status).toBe(202);
  });
});
