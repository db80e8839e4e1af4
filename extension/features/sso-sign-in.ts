import { browser } from 'wxt/browser';
import { tokenExpiry } from '../lib/jwt-claims.ts';
import {
  buildAuthorizationUrl,
  checkIdToken,
  discover,
  parseAuthorizationResponse,
  requestTokens,
  SsoError,
  type TokenResponse,
  tokenForApi,
} from '../lib/oidc.ts';
import { createPkce, type RandomBytes, randomBytes, randomToken } from '../lib/pkce.ts';
import type { SsoConfig, SsoSession } from '../lib/settings.ts';

export interface SsoDeps {
  fetch: typeof fetch;
  /** chrome.identity.launchWebAuthFlow: the provider's pages in a browser-owned window. */
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
  /** chrome.identity.getRedirectURL('sso'): https://<extension-id>.chromiumapp.org/sso */
  redirectUri: string;
  random?: RandomBytes;
  now?: () => number;
}

export interface SsoResult {
  token: string;
  user: string | null;
  session: SsoSession;
}

export const SSO_REDIRECT_PATH = 'sso';

export const browserSsoDeps = (): SsoDeps => ({
  fetch: (input, init) => fetch(input, init),
  launchWebAuthFlow: (details) => browser.identity.launchWebAuthFlow(details),
  redirectUri: browser.identity.getRedirectURL(SSO_REDIRECT_PATH),
});

/** OpenID Connect authorization code flow with PKCE, state and nonce, as a public client. */
export async function signInWithSso(config: SsoConfig, deps: SsoDeps): Promise<SsoResult> {
  const random = deps.random ?? randomBytes;
  const provider = await discover(config.issuer, deps.fetch);
  const pkce = await createPkce(random);
  const state = randomToken(random);
  const nonce = randomToken(random);
  const url = buildAuthorizationUrl({
    authorizationEndpoint: provider.authorization_endpoint,
    clientId: config.clientId,
    redirectUri: deps.redirectUri,
    scopes: config.scopes,
    state,
    nonce,
    codeChallenge: pkce.challenge,
  });
  let redirect: string | undefined;
  try {
    redirect = await deps.launchWebAuthFlow({ url, interactive: true });
  } catch (error) {
    // Chrome rejects when the seller closes the window: "The user did not approve access."
    throw new SsoError(`Sign-in did not finish: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!redirect) throw new SsoError('Sign-in did not finish.');
  const code = parseAuthorizationResponse(redirect, { state, redirectUri: deps.redirectUri });
  const tokens = await requestTokens(
    provider.token_endpoint,
    {
      grant_type: 'authorization_code',
      code,
      redirect_uri: deps.redirectUri,
      client_id: config.clientId,
      code_verifier: pkce.verifier,
    },
    deps.fetch,
  );
  const claims = tokens.id_token
    ? checkIdToken(tokens.id_token, { issuer: provider.issuer, clientId: config.clientId, nonce })
    : null;
  const user = [claims?.email, claims?.preferred_username, claims?.sub].find((v) => typeof v === 'string');
  const token = tokenForApi(tokens);
  const session = sessionOf(tokens, token, provider.token_endpoint, config.clientId, null, deps.now);
  return { token, user: (user as string | undefined) ?? null, session };
}

/** Trades the refresh token for a new token; providers that rotate refresh tokens send a new one. */
export async function refreshSso(
  session: SsoSession,
  deps: Pick<SsoDeps, 'fetch' | 'now'>,
): Promise<{ token: string; session: SsoSession }> {
  if (!session.refreshToken) throw new SsoError('There is no refresh token; sign in again.');
  const tokens = await requestTokens(
    session.tokenEndpoint,
    { grant_type: 'refresh_token', refresh_token: session.refreshToken, client_id: session.clientId },
    deps.fetch,
  );
  const token = tokenForApi(tokens);
  return {
    token,
    session: sessionOf(
      tokens,
      token,
      session.tokenEndpoint,
      session.clientId,
      session.refreshToken,
      deps.now,
    ),
  };
}

function sessionOf(
  tokens: TokenResponse,
  apiToken: string,
  tokenEndpoint: string,
  clientId: string,
  previousRefresh: string | null,
  now: () => number = Date.now,
): SsoSession {
  return {
    tokenEndpoint,
    clientId,
    refreshToken: tokens.refresh_token ?? previousRefresh,
    // The token the API gets may be the ID token, whose lifetime expires_in does not describe.
    expiresAt:
      tokenExpiry(apiToken)?.getTime() ?? (tokens.expires_in ? now() + tokens.expires_in * 1000 : null),
  };
}
