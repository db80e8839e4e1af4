import { describe, expect, it } from 'vitest';
import {
  buildAuthorizationUrl,
  checkIdToken,
  discover,
  parseAuthorizationResponse,
  requestTokens,
  SsoError,
  tokenForApi,
} from '../../../../extension/lib/oidc.ts';
import { createPkce } from '../../../../extension/lib/pkce.ts';
import { fakeJwt } from '../fixtures/jwt.ts';

const ISSUER = 'https://login.acme.io';
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/sso';
const json =
  (body: unknown, status = 200) =>
  async () =>
    new Response(JSON.stringify(body), { status });

describe('discover', () => {
  const doc = {
    issuer: ISSUER,
    authorization_endpoint: `${ISSUER}/authorize`,
    token_endpoint: `${ISSUER}/token`,
  };

  it('reads the endpoints, tolerating a trailing slash on the issuer', async () => {
    expect(await discover(`${ISSUER}/`, json({ ...doc, issuer: `${ISSUER}/` }))).toMatchObject({
      authorization_endpoint: doc.authorization_endpoint,
      token_endpoint: doc.token_endpoint,
    });
    expect(await discover(ISSUER, json(doc))).toEqual(doc);
  });

  it.each([
    ['another issuer', json({ ...doc, issuer: 'https://evil.example' }), /different issuer/],
    [
      'a plain-http endpoint',
      json({ ...doc, token_endpoint: 'http://login.acme.io/token' }),
      /could not be read/,
    ],
    ['an error status', json({}, 404), /answered 404/],
    ['garbage', async () => new Response('<html>'), /could not be read/],
  ])('refuses %s', async (_, fetchImpl, message) => {
    await expect(discover(ISSUER, fetchImpl)).rejects.toThrow(message);
  });

  it('marks an unreachable provider as worth retrying', async () => {
    const error = await discover(ISSUER, () => Promise.reject(new TypeError('down'))).catch((e) => e);
    expect(error).toBeInstanceOf(SsoError);
    expect(error.retryable).toBe(true);
  });
});

describe('buildAuthorizationUrl', () => {
  it('asks for a code with PKCE S256, state and nonce, keeping the endpoint’s own parameters', async () => {
    const pkce = await createPkce();
    const url = new URL(
      buildAuthorizationUrl({
        authorizationEndpoint: `${ISSUER}/authorize?tenant=sales`,
        clientId: 'ext',
        redirectUri: REDIRECT,
        scopes: 'openid email',
        state: 'st',
        nonce: 'no',
        codeChallenge: pkce.challenge,
      }),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: 'sales',
      response_type: 'code',
      client_id: 'ext',
      redirect_uri: REDIRECT,
      scope: 'openid email',
      state: 'st',
      nonce: 'no',
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    });
    expect(pkce.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pkce.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('derives the challenge as RFC 7636 says (appendix B example)', async () => {
    // The RFC's verifier is base64url of these 32 bytes; its challenge is given in the RFC.
    const bytes = [
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214,
      191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
    ];
    const pkce = await createPkce(() => new Uint8Array(bytes));
    expect(pkce).toEqual({
      verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    });
  });
});

describe('parseAuthorizationResponse', () => {
  const expected = { state: 'st', redirectUri: REDIRECT };

  it('returns the code when the state matches (query or fragment)', () => {
    expect(parseAuthorizationResponse(`${REDIRECT}?code=c1&state=st`, expected)).toBe('c1');
    expect(parseAuthorizationResponse(`${REDIRECT}#code=c2&state=st`, expected)).toBe('c2');
  });

  it.each([
    ['a forged state', `${REDIRECT}?code=c&state=other`, /does not match/],
    ['a missing state', `${REDIRECT}?code=c`, /does not match/],
    [
      'a provider error',
      `${REDIRECT}?error=access_denied&error_description=Not+allowed&state=st`,
      /refused: Not allowed/,
    ],
    ['no code', `${REDIRECT}?state=st`, /no authorization code/],
    ['another address', `https://evil.example/sso?code=c&state=st`, /unexpected address/],
    ['garbage', 'not a url', /unreadable/],
  ])('refuses %s', (_, url, message) => {
    expect(() => parseAuthorizationResponse(url, expected)).toThrow(message);
  });
});

describe('token responses', () => {
  const jwt = fakeJwt({ sub: 'u' });

  it('posts the grant as a form and parses the tokens', async () => {
    let seen: RequestInit | undefined;
    const tokens = await requestTokens(
      `${ISSUER}/token`,
      { grant_type: 'authorization_code', code: 'c' },
      async (_url, init) => {
        seen = init;
        return new Response(JSON.stringify({ access_token: jwt, token_type: 'bearer', expires_in: '300' }));
      },
    );
    expect(seen?.method).toBe('POST');
    expect(String(seen?.body)).toBe('grant_type=authorization_code&code=c');
    expect(tokens).toMatchObject({ access_token: jwt, expires_in: 300 });
  });

  it.each([
    ['a refusal', json({ error: 'invalid_grant' }, 400), /refused the token request \(invalid_grant\)/],
    ['a non-bearer token', json({ access_token: jwt, token_type: 'mac' }), /cannot read/],
    ['no access token', json({ token_type: 'Bearer' }), /cannot read/],
  ])('refuses %s', async (_, fetchImpl, message) => {
    await expect(requestTokens(`${ISSUER}/token`, {}, fetchImpl)).rejects.toThrow(message);
  });

  it('gives the API the access token when it is a JWT, else the ID token', () => {
    const base = { token_type: 'Bearer' };
    expect(tokenForApi({ ...base, access_token: jwt, id_token: 'x.y.z' })).toBe(jwt);
    expect(tokenForApi({ ...base, access_token: 'opaque', id_token: jwt })).toBe(jwt);
    expect(() => tokenForApi({ ...base, access_token: 'opaque' })).toThrow(/no token the server can verify/);
  });

  it('checks the ID token’s issuer, audience and nonce', () => {
    const expected = { issuer: ISSUER, clientId: 'ext', nonce: 'n1' };
    const good = { iss: ISSUER, aud: ['ext', 'other'], nonce: 'n1', email: 'a@acme.io' };
    expect(checkIdToken(fakeJwt(good), expected)).toMatchObject({ email: 'a@acme.io' });
    expect(() => checkIdToken(fakeJwt({ ...good, iss: 'https://evil' }), expected)).toThrow(/another issuer/);
    expect(() => checkIdToken(fakeJwt({ ...good, aud: 'other' }), expected)).toThrow(/another client/);
    expect(() => checkIdToken(fakeJwt({ ...good, nonce: 'replayed' }), expected)).toThrow(/this sign-in/);
    expect(() => checkIdToken('junk', expected)).toThrow(/unreadable/);
  });
});
