import { jwtVerify, SignJWT } from 'jose';

/** Dev tokens: HS256 with a local secret, for the embedded demo only. */
export const DEV_ISSUER = 'account-summaries-dev';
export const DEV_AUDIENCE = 'account-summaries';

export interface DevTokenOptions {
  secret: string;
  /** Lifetime in seconds (default 12 hours). */
  ttlSeconds?: number;
  now?: Date;
}

export async function signDevToken(userId: string, options: DevTokenOptions): Promise<string> {
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.ttlSeconds ?? 12 * 3600))
    .sign(new TextEncoder().encode(options.secret));
}

/** Returns the token's subject, or throws when the token is not a valid dev token. */
export async function verifyDevToken(token: string, secret: string): Promise<string> {
  const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
    algorithms: ['HS256'],
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    requiredClaims: ['exp', 'sub'],
    clockTolerance: 30,
  });
  return payload.sub as string;
}
