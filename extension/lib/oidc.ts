import { z } from 'zod';
import { decodeJwtClaims, isJwt } from './jwt-claims.ts';
import { parseHttpUrl } from './settings-validation.ts';

/** OpenID Connect pieces for the sign-in: discovery, the authorization URL, the redirect, tokens. */

export class SsoError extends Error {
  override name = 'SsoError';
  /** True when trying again later may work (network down, provider error 5xx). */
  constructor(
    message: string,
    readonly retryable = false,
  ) {
    super(message);
  }
}

const unreachable = () => new SsoError('The identity provider could not be reached.', true);

const endpoint = z.string().refine((value) => parseHttpUrl(value, 'endpoint').ok);
const discoverySchema = z.object({
  issuer: z.string(),
  authorization_endpoint: endpoint,
  token_endpoint: endpoint,
});
export type Discovery = z.infer<typeof discoverySchema>;

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer'),
  id_token: z.string().optional(),
  refresh_token: z.string().optional(),
  expires_in: z.coerce.number().positive().optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

const trimSlash = (s: string) => s.replace(/\/+$/, '');

/** Reads the provider's discovery document; its issuer must be exactly the configured one. */
export async function discover(issuer: string, fetchImpl: typeof fetch): Promise<Discovery> {
  const response = await fetchImpl(`${trimSlash(issuer)}/.well-known/openid-configuration`).catch(() => {
    throw unreachable();
  });
  if (!response.ok)
    throw new SsoError(
      `The identity provider answered ${response.status} to discovery.`,
      response.status >= 500,
    );
  const parsed = discoverySchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new SsoError('The identity provider’s configuration could not be read.');
  if (trimSlash(parsed.data.issuer) !== trimSlash(issuer))
    throw new SsoError('The identity provider names a different issuer.');
  return parsed.data;
}

export interface AuthorizationRequest {
  authorizationEndpoint: string;
  clientId: string;
  redirectUri: string;
  scopes: string;
  state: string;
  nonce: string;
  codeChallenge: string;
}

export function buildAuthorizationUrl(r: AuthorizationRequest): string {
  const url = new URL(r.authorizationEndpoint);
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: r.clientId,
    redirect_uri: r.redirectUri,
    scope: r.scopes,
    state: r.state,
    nonce: r.nonce,
    code_challenge: r.codeChallenge,
    code_challenge_method: 'S256',
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

/** The authorization code from the URL the provider redirected to, once state and origin check out. */
export function parseAuthorizationResponse(
  redirect: string,
  expected: { state: string; redirectUri: string },
) {
  let url: URL;
  try {
    url = new URL(redirect);
  } catch {
    throw new SsoError('The sign-in ended on an unreadable address.');
  }
  if (`${url.origin}${url.pathname}` !== expected.redirectUri)
    throw new SsoError('The sign-in ended on an unexpected address.');
  // Some providers answer in the fragment (response_mode=fragment); read both.
  const params = new URLSearchParams(url.search || url.hash.slice(1));
  if (params.get('state') !== expected.state)
    throw new SsoError('The sign-in answer does not match the request.');
  const error = params.get('error');
  if (error)
    throw new SsoError(`The identity provider refused: ${params.get('error_description') ?? error}.`);
  const code = params.get('code');
  if (!code) throw new SsoError('The identity provider sent no authorization code.');
  return code;
}

/** POSTs a grant to the token endpoint (public client: no secret; PKCE or a refresh token instead). */
export async function requestTokens(
  tokenEndpoint: string,
  grant: Record<string, string>,
  fetchImpl: typeof fetch,
): Promise<TokenResponse> {
  const response = await fetchImpl(tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(grant).toString(),
  }).catch(() => {
    throw unreachable();
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: unknown } | null)?.error;
    const reason = typeof error === 'string' ? error : response.status;
    throw new SsoError(
      `The identity provider refused the token request (${reason}).`,
      response.status >= 500,
    );
  }
  const parsed = tokenResponseSchema.safeParse(body);
  if (!parsed.success) throw new SsoError('The identity provider sent tokens the extension cannot read.');
  return parsed.data;
}

/**
 * Checks the ID token's claims. It came straight from the token endpoint over TLS, which OpenID
 * Connect accepts in place of a signature check here (Core §3.1.3.7); the server verifies what it uses.
 */
export function checkIdToken(idToken: string, expected: { issuer: string; clientId: string; nonce: string }) {
  const claims = decodeJwtClaims(idToken);
  if (!claims) throw new SsoError('The identity provider sent an unreadable ID token.');
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (typeof claims.iss !== 'string' || trimSlash(claims.iss) !== trimSlash(expected.issuer))
    throw new SsoError('The ID token comes from another issuer.');
  if (!aud.includes(expected.clientId)) throw new SsoError('The ID token was issued to another client.');
  if (claims.nonce !== expected.nonce) throw new SsoError('The ID token does not belong to this sign-in.');
  return claims;
}

/** The token the API gets: the access token when it is a JWT (its audience is the API), else the ID token. */
export function tokenForApi(tokens: TokenResponse): string {
  if (isJwt(tokens.access_token)) return tokens.access_token;
  if (tokens.id_token && isJwt(tokens.id_token)) return tokens.id_token;
  throw new SsoError('The identity provider sent no token the server can verify (a JWT).');
}
