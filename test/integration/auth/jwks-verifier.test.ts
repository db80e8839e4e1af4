import { createServer, type Server } from 'node:http';
import { Hono } from 'hono';
import { exportJWK, exportSPKI, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwksVerifier } from '../../../server/auth/jwks-verifier.ts';
import { requireAuth } from '../../../server/auth/middleware.ts';
import { ApiError, errorBody } from '../../../server/http/errors.ts';

const ISSUER = 'https://idp.test/';
const AUDIENCE = 'account-summaries-api';
type Key = Awaited<ReturnType<typeof generateKeyPair>>;

let rsa: Key;
let ec: Key;
let intruder: Key;
let jwksServer: Server;
let jwksHits = 0;
let app: Hono;

beforeAll(async () => {
  rsa = await generateKeyPair('RS256', { extractable: true });
  ec = await generateKeyPair('ES256', { extractable: true });
  intruder = await generateKeyPair('RS256', { extractable: true });
  const keys = [
    { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
    { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
  ];
  // A real JWKS endpoint on loopback: the verifier fetches it as it would the identity provider's.
  jwksServer = createServer((_req, res) => {
    jwksHits++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
  const { port } = jwksServer.address() as { port: number };
  const verify = createJwksVerifier({
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    issuer: ISSUER,
    audience: AUDIENCE,
    clockToleranceSeconds: 30,
  });
  app = new Hono();
  app.use(requireAuth(verify));
  app.get('/me', (c) => c.json({ sub: (c as unknown as { var: { userId: string } }).var.userId }));
  app.onError((e, c) =>
    e instanceof ApiError ? c.json(errorBody(e.code, e.message), 401) : c.json({}, 500),
  );
});
afterAll(() => new Promise<void>((r) => jwksServer.close(() => r())));

const now = () => Math.floor(Date.now() / 1000);
async function sign(
  opts: { key?: Key['privateKey']; alg?: string; kid?: string; claims?: JWTPayload; omit?: string[] } = {},
) {
  const claims: JWTPayload = {
    sub: 'alice@example.com',
    iss: ISSUER,
    aud: AUDIENCE,
    iat: now(),
    exp: now() + 600,
    ...opts.claims,
  };
  for (const k of opts.omit ?? []) delete claims[k];
  return new SignJWT(claims)
    .setProtectedHeader({ alg: opts.alg ?? 'RS256', kid: opts.kid ?? 'rsa-1' })
    .sign(opts.key ?? rsa.privateKey);
}
const call = (token: string) => app.request('/me', { headers: { authorization: `Bearer ${token}` } });

describe('JWKS verification (production identity)', () => {
  it('accepts RS256 and ES256 tokens from the provider', async () => {
    expect(await (await call(await sign())).json()).toEqual({ sub: 'alice@example.com' });
    const es = await sign({ key: ec.privateKey, alg: 'ES256', kid: 'ec-1' });
    expect((await call(es)).status).toBe(200);
  });

  it('tolerates a small clock skew', async () => {
    expect(await call(await sign({ claims: { exp: now() - 10 } }))).toHaveProperty('status', 200);
    expect(await call(await sign({ claims: { nbf: now() + 10 } }))).toHaveProperty('status', 200);
  });

  const rejected: [string, () => Promise<string>][] = [
    ['a forged signature (another key, same kid)', () => sign({ key: intruder.privateKey })],
    ['an expired token', () => sign({ claims: { exp: now() - 120 } })],
    ['a not-yet-valid token', () => sign({ claims: { nbf: now() + 600 } })],
    ['a wrong issuer', () => sign({ claims: { iss: 'https://evil.test/' } })],
    ['a wrong audience', () => sign({ claims: { aud: 'another-api' } })],
    ['a missing sub', () => sign({ omit: ['sub'] })],
    ['a missing exp', () => sign({ omit: ['exp'] })],
    ['an unknown kid', () => sign({ key: intruder.privateKey, kid: 'rsa-2' })],
    [
      'alg none',
      async () => {
        const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return `${enc({ alg: 'none', kid: 'rsa-1' })}.${enc({ sub: 'alice@example.com', iss: ISSUER, aud: AUDIENCE, exp: now() + 600 })}.`;
      },
    ],
    [
      'HS256 signed with the public key as secret',
      async () => {
        const pem = await exportSPKI(rsa.publicKey);
        return new SignJWT({ sub: 'alice@example.com', iss: ISSUER, aud: AUDIENCE, exp: now() + 600 })
          .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
          .sign(new TextEncoder().encode(pem));
      },
    ],
    [
      'a tampered payload',
      async () => {
        const [h, , s] = (await sign()).split('.');
        const payload = Buffer.from(
          JSON.stringify({ sub: 'maria@example.com', iss: ISSUER, aud: AUDIENCE, exp: now() + 600 }),
        ).toString('base64url');
        return `${h}.${payload}.${s}`;
      },
    ],
  ];
  for (const [name, token] of rejected) {
    it(`rejects ${name} with 401`, async () => {
      const res = await call(await token());
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: { code: 'unauthorized', message: 'invalid or expired token' },
      });
    });
  }

  it('fetched the key set from the endpoint and cached it', () => {
    expect(jwksHits).toBeGreaterThanOrEqual(1);
    expect(jwksHits).toBeLessThanOrEqual(3);
  });
});
