import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_AUDIENCE, DEV_ISSUER, signDevToken } from '../../../server/auth/dev-tokens.ts';
import { SECRET, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(6);
});
afterAll(() => server.close());

const key = new TextEncoder().encode(SECRET);

describe('health', () => {
  it('answers without a token', async () => {
    const res = await server.call('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'pglite' });
  });
});

describe('authentication on /v1', () => {
  const get = (token?: string, raw?: string) =>
    server.call('GET', '/v1/accounts?query=a', { token, headers: raw ? { authorization: raw } : undefined });

  it('accepts a valid dev token', async () => {
    expect((await get(await server.token('alice@example.com'))).status).toBe(200);
  });

  const cases: [string, () => Promise<Response>][] = [
    ['no header', () => get()],
    ['not a bearer', () => get(undefined, 'Basic YWxpY2U6cHc=')],
    ['garbage', () => get('not.a.jwt')],
    [
      'wrong secret',
      async () => get(await signDevToken('alice@example.com', { secret: 'another-secret-0123456789' })),
    ],
    [
      'expired',
      async () =>
        get(
          await signDevToken('alice@example.com', {
            secret: SECRET,
            now: new Date(Date.now() - 86_400_000),
            ttlSeconds: 60,
          }),
        ),
    ],
    [
      'no exp',
      async () =>
        get(
          await new SignJWT({})
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject('alice@example.com')
            .setIssuer(DEV_ISSUER)
            .setAudience(DEV_AUDIENCE)
            .sign(key),
        ),
    ],
    [
      'wrong audience',
      async () =>
        get(
          await new SignJWT({})
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject('alice@example.com')
            .setIssuer(DEV_ISSUER)
            .setAudience('other')
            .setExpirationTime('1h')
            .sign(key),
        ),
    ],
    [
      'alg none',
      async () => {
        const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        const exp = Math.floor(Date.now() / 1000) + 3600;
        return get(
          `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ sub: 'alice@example.com', iss: DEV_ISSUER, aud: DEV_AUDIENCE, exp })}.`,
        );
      },
    ],
  ];
  for (const [name, send] of cases) {
    it(`rejects ${name} with 401 and a JSON error`, async () => {
      const res = await send();
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    });
  }

  it('gives a signed-in stranger nothing', async () => {
    const res = await get(await server.token('mallory@example.com'));
    expect(await res.json()).toEqual({ accounts: [] });
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await server.call('GET', '/v1/nothing-here', {
      token: await server.token('alice@example.com'),
    });
    expect(res.status).toBe(404);
  });
});

describe('CORS', () => {
  it('grants the extension origin and nobody else', async () => {
    const preflight = (origin: string) =>
      server.call('OPTIONS', '/v1/summaries', {
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization',
        },
      });
    const ext = await preflight('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(ext.headers.get('access-control-allow-origin')).toBe(
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    );
    const web = await preflight('https://evil.example');
    expect(web.headers.get('access-control-allow-origin')).toBeNull();
  });
});
