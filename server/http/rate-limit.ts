import { createMiddleware } from 'hono/factory';
import { errorBody } from './errors.ts';

/** Requests per user per minute; 0 or absent = no limit. */
export interface RateLimits {
  /** Every authenticated API request. */
  perMinute?: number;
  /** POST /v1/summaries (each may start six model calls), counted on top of perMinute. */
  summariesPerMinute?: number;
}

/** A token bucket per key: `capacity` tokens, refilled continuously at capacity per minute. */
export interface TokenBuckets {
  /** Takes a token; returns 0 when granted, else the seconds until one is available (≥ 1). */
  take(key: string): number;
  readonly size: number;
}

const MAX_KEYS = 10_000;

export function createTokenBuckets(perMinute: number, now: () => number = Date.now): TokenBuckets {
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const level = (b: { tokens: number; at: number }, t: number) =>
    Math.min(perMinute, b.tokens + (t - b.at) * perMs);
  return {
    take(key) {
      const t = now();
      if (buckets.size >= MAX_KEYS && !buckets.has(key)) {
        // Memory stays bounded: a bucket that has refilled is the same as no bucket.
        for (const [k, b] of buckets) if (level(b, t) >= perMinute) buckets.delete(k);
      }
      const bucket = buckets.get(key) ?? { tokens: perMinute, at: t };
      bucket.tokens = level(bucket, t);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    },
    get size() {
      return buckets.size;
    },
  };
}

const SUMMARIES = /^\/v1\/summaries\/?$/;

/**
 * Per-user limits for the API, kept in this process's memory (each instance behind a load
 * balancer limits on its own). Runs after authentication and keys on the user id; a request over
 * a limit gets 429, `Retry-After` in seconds and the API's JSON error body.
 */
export function rateLimit(limits: RateLimits, onLimited?: () => void) {
  const general = limits.perMinute ? createTokenBuckets(limits.perMinute) : null;
  const summaries = limits.summariesPerMinute ? createTokenBuckets(limits.summariesPerMinute) : null;
  return createMiddleware<{ Variables: { userId: string } }>(async (c, next) => {
    const user = c.var.userId;
    let wait = general?.take(user) ?? 0;
    if (!wait && summaries && c.req.method === 'POST' && SUMMARIES.test(c.req.path)) {
      wait = summaries.take(user);
    }
    if (wait) {
      onLimited?.();
      return c.json(errorBody('rate_limited', `too many requests; retry in ${wait} s`), 429, {
        'retry-after': String(wait),
      });
    }
    await next();
  });
}
