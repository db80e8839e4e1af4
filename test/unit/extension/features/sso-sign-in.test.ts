import { describe, expect, it } from 'vitest';
import { refreshSso, signInWithSso } from '../../../../extension/features/sso-sign-in.ts';
import { decodeJwtClaims } from '../../../../extension/lib/jwt-claims.ts';
import { CLIENT_ID, fakeIdp, ISSUER, REDIRECT_URI } from '../fixtures/fake-idp.ts';

const config = { issuer: ISSUER, clientId: CLIENT_ID, scopes: 'openid email offline_access' };

describe('signInWithSso', () => {
  it('runs the code flow with PKCE and returns the token for the API, the user and the session', async () => {
    const idp = fakeIdp();
    const result = await signInWithSso(config, { ...idp, redirectUri: REDIRECT_URI, now: () => 1_000 });
    expect(decodeJwtClaims(result.token)).toMatchObject({ aud: 'account-summaries-api', sub: 'u-42' });
    expect(result.user).toBe('alice@acme.io');
    expect(result.session).toMatchObject({
      tokenEndpoint: `${ISSUER}/protocol/openid-connect/token`,
      clientId: CLIENT_ID,
      refreshToken: 'refresh-1',
    });
    expect(result.session.expiresAt).toBeGreaterThan(Date.now());
    const exchange = idp.requests.find((r) => r.body?.get('grant_type') === 'authorization_code')?.body;
    expect(exchange?.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(exchange?.get('client_id')).toBe(CLIENT_ID);
    expect(exchange?.has('client_secret')).toBe(false);
  });

  it('falls back to the ID token when the access token is opaque', async () => {
    const idp = fakeIdp({ accessTokenIsJwt: false });
    const result = await signInWithSso(config, { ...idp, redirectUri: REDIRECT_URI });
    expect(decodeJwtClaims(result.token)?.aud).toBe(CLIENT_ID);
  });

  it('refuses an answer whose state was not ours, before any token request', async () => {
    const idp = fakeIdp({
      answer: (u) => `${u.searchParams.get('redirect_uri')}?code=code-123&state=forged`,
    });
    await expect(signInWithSso(config, { ...idp, redirectUri: REDIRECT_URI })).rejects.toThrow(
      /does not match/,
    );
    expect(idp.requests.some((r) => r.body)).toBe(false);
  });

  it('reports a closed sign-in window', async () => {
    const idp = fakeIdp();
    const closed = {
      ...idp,
      launchWebAuthFlow: () => Promise.reject(new Error('The user did not approve access.')),
    };
    await expect(signInWithSso(config, { ...closed, redirectUri: REDIRECT_URI })).rejects.toThrow(
      /did not finish: The user did not approve access/,
    );
  });

  it('reports the provider’s refusal', async () => {
    const idp = fakeIdp({
      answer: (u) => `${REDIRECT_URI}?error=access_denied&state=${u.searchParams.get('state')}`,
    });
    await expect(signInWithSso(config, { ...idp, redirectUri: REDIRECT_URI })).rejects.toThrow(
      /access_denied/,
    );
  });
});

describe('refreshSso', () => {
  it('trades the refresh token for a new token and keeps the new refresh token', async () => {
    const idp = fakeIdp();
    const session = {
      tokenEndpoint: `${ISSUER}/protocol/openid-connect/token`,
      clientId: CLIENT_ID,
      refreshToken: 'refresh-0',
      expiresAt: 0,
    };
    const next = await refreshSso(session, idp);
    expect(next.session.refreshToken).toBe('refresh-1');
    expect(decodeJwtClaims(next.token)?.n).toBe(1);
    await expect(refreshSso({ ...session, refreshToken: 'revoked' }, idp)).rejects.toThrow(/invalid_grant/);
    await expect(refreshSso({ ...session, refreshToken: null }, idp)).rejects.toThrow(/sign in again/);
  });
});
