import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { TokenVerifier } from './middleware.ts';

export interface JwksOptions {
  /** The identity provider's JWKS endpoint. */
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** Seconds of clock difference tolerated on exp/nbf/iat. */
  clockToleranceSeconds?: number;
  /** Only asymmetric algorithms: an HS256 token "signed" with the public key must never pass. */
  algorithms?: readonly ('RS256' | 'ES256')[];
  /** For tests: a key resolver in place of the remote set. */
  keys?: JWTVerifyGetKey;
}

/**
 * Production token verification: RS256/ES256 against the provider's JWKS, with issuer, audience,
 * exp and sub required. Keys are cached by jose; an unknown kid triggers a (rate-limited) refetch.
 */
export function createJwksVerifier(options: JwksOptions): TokenVerifier {
  const keys =
    options.keys ??
    createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000, timeoutDuration: 5_000 });
  return async (token) => {
    const { payload } = await jwtVerify(token, keys, {
      algorithms: [...(options.algorithms ?? ['RS256', 'ES256'])],
      issuer: options.issuer,
      audience: options.audience,
      requiredClaims: ['exp', 'sub'],
      clockTolerance: options.clockToleranceSeconds ?? 60,
    });
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new Error('token has no subject');
    return payload.sub;
  };
}
