import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { parseEnv } from '../../../server/env.ts';
import { errorBodySchema } from '../../../shared/api.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let alice: string;
let bob: string;
let account: string;

beforeAll(async () => {
  server = await startTestServer(4);
  alice = await server.token('alice@example.com');
  bob = await server.token('bob@example.com');
  account = (await server.accountsOf('alice@example.com'))[0]!;
});
afterAll(() => server.close());

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(errorBodySchema.parse(await res.json()).error.code).toBe(code);
}

/** A body sent as a stream: no Content-Length, so the limit must count the bytes as they arrive. */
function streamed(bytes: number, chunk = 8 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(chunk, bytes - sent);
      sent += size;
      controller.enqueue(new TextEncoder().encode('x'.repeat(size)));
    },
  });
}

const post = (
  path: string,
  body: string | ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
) =>
  server.app.request(
    new Request(`http://crm.test${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${alice}`, 'content-type': 'application/json', ...headers },
      body,
      duplex: 'half',
    } as RequestInit),
  );

describe('body size limits', () => {
  for (const path of ['/v1/summaries', '/v1/feedback']) {
    it(`POST ${path}: 413 with a Content-Length over the limit, and for a streamed body without one`, async () => {
      await expectError(
        await post(path, JSON.stringify({ pad: 'x'.repeat(70_000) })),
        413,
        'payload_too_large',
      );
      await expectError(await post(path, streamed(200_000)), 413, 'payload_too_large');
      // Under the limit, streamed: read whole and validated as usual.
      await expectError(await post(path, streamed(100)), 400, 'bad_request');
    });
  }

  it('demo CRM forms: 413 over 8 KB', async () => {
    for (const path of ['/login', '/logout']) {
      const res = await server.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://crm.test' },
        body: `user=${'x'.repeat(9_000)}`,
      });
      expect(res.status, path).toBe(413);
    }
  });

  it('refuses a chunked upload over a real socket with 413 and closes the exchange', async () => {
    const http = serve({ fetch: server.app.fetch, hostname: '127.0.0.1', port: 0 });
    if (!http.listening) await new Promise((r) => http.once('listening', r));
    try {
      const { port } = http.address() as AddressInfo;
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/v1/feedback',
            headers: { authorization: `Bearer ${alice}`, 'content-type': 'application/json' },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        expect(req.getHeader('content-length')).toBeUndefined();
        for (let i = 0; i < 20; i++) req.write('x'.repeat(8 * 1024));
        req.end();
      });
      expect(status).toBe(413);
    } finally {
      (http as Server).closeAllConnections();
      await new Promise((r) => http.close(r));
    }
  });
});

describe('rate limits per user', () => {
  it('answers 429 with Retry-After and the error body, per user and stricter for new summaries', async () => {
    const limited = createApp({ ...server.deps, rateLimits: { perMinute: 10, summariesPerMinute: 3 } });
    const call = (token: string, method: string, path: string, body?: unknown) =>
      limited.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const summary = { accountId: account, sections: ['support'], refresh: true };
    for (let i = 0; i < 3; i++)
      expect((await call(alice, 'POST', '/v1/summaries', summary)).status).toBe(202);
    const tooMany = await call(alice, 'POST', '/v1/summaries', summary);
    await expectError(tooMany, 429, 'rate_limited');
    expect(Number(tooMany.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Reads still have budget left in the general bucket (4 of 10 spent), then run out too.
    for (let i = 0; i < 6; i++) expect((await call(alice, 'GET', '/v1/accounts?query=a')).status).toBe(200);
    const out = await call(alice, 'GET', '/v1/accounts?query=a');
    await expectError(out, 429, 'rate_limited');
    expect(Number(out.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await call(bob, 'GET', '/v1/accounts?query=a')).status).toBe(200);
    const metrics = await limited.request('/metrics', {}, { incoming: { socket: { remoteAddress: '::1' } } });
    expect(await metrics.text()).toMatch(/^errors_total\{kind="rate_limited"\} 2$/m);
  });
});

describe('security headers', () => {
  it('give the demo CRM pages a strict CSP (no script, no framing) and nosniff, and the API too', async () => {
    const page = await server.app.request('/login');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/<script|\son\w+=/i);
    for (const res of [page, await server.call('GET', '/v1/accounts?query=a', { token: alice })]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      for (const directive of [
        "default-src 'none'",
        "script-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "object-src 'none'",
      ]) {
        expect(csp).toContain(directive);
      }
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('CORS', () => {
  const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
  const acao = async (app: ReturnType<typeof createApp>, origin: string) => {
    const preflight = await app.request('/v1/accounts', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    const get = await app.request('/v1/accounts?query=a', {
      headers: { origin, authorization: `Bearer ${alice}` },
    });
    expect(get.headers.get('access-control-allow-origin')).toBe(
      preflight.headers.get('access-control-allow-origin'),
    );
    return preflight.headers.get('access-control-allow-origin');
  };

  it('grants any extension origin by default and no web origin', async () => {
    expect(await acao(server.app, EXT)).toBe(EXT);
    const exposed = await server.app.request('/v1/accounts?query=a', {
      headers: { origin: EXT, authorization: `Bearer ${alice}` },
    });
    expect(exposed.headers.get('access-control-expose-headers')?.toLowerCase()).toBe(
      'x-request-id,retry-after',
    );
    expect(await acao(server.app, 'moz-extension://0f0c6d1e-7f0a-4e43-9c1b-1d2e3f405162')).toBe(
      'moz-extension://0f0c6d1e-7f0a-4e43-9c1b-1d2e3f405162',
    );
    for (const web of [
      'https://evil.example',
      'null',
      'http://crm.test',
      `${EXT}.evil.example`,
      `https://x.test/${EXT}`,
    ]) {
      expect(await acao(server.app, web), web).toBeNull();
    }
  });

  it('grants only the pinned ids with EXTENSION_ORIGINS', async () => {
    const env = parseEnv({
      EXTENSION_ORIGINS: ` ${EXT} , moz-extension://0f0c6d1e-7f0a-4e43-9c1b-1d2e3f405162`,
    });
    expect(env.EXTENSION_ORIGINS).toEqual([EXT, 'moz-extension://0f0c6d1e-7f0a-4e43-9c1b-1d2e3f405162']);
    expect(() => parseEnv({ EXTENSION_ORIGINS: 'https://evil.example' })).toThrow(/EXTENSION_ORIGINS/);
    const pinned = createApp({ ...server.deps, extensionOrigins: env.EXTENSION_ORIGINS });
    expect(await acao(pinned, EXT)).toBe(EXT);
    expect(await acao(pinned, 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba')).toBeNull();
    expect(await acao(pinned, 'https://evil.example')).toBeNull();
  });
});
