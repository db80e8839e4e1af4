import { createMiddleware } from 'hono/factory';
import { ApiError } from '../http/errors.ts';

/** Verifies a bearer token and returns the user id (JWT subject); throws on any invalid token. */
export type TokenVerifier = (token: string) => Promise<string>;

export type AuthVariables = { userId: string };

/** Requires `Authorization: Bearer <JWT>`; sets c.var.userId. Every failure is the same 401. */
export function requireAuth(verify: TokenVerifier) {
  return createMiddleware<{ Variables: AuthVariables }>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
    if (!match?.[1]) throw new ApiError('unauthorized', 'missing bearer token');
    let userId: string;
    try {
      userId = await verify(match[1]);
    } catch {
      throw new ApiError('unauthorized', 'invalid or expired token');
    }
    c.set('userId', userId);
    await next();
  });
}
