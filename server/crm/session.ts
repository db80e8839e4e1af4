import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { signDevToken, verifyDevToken } from '../auth/dev-tokens.ts';
import type { Database } from '../data/db.ts';
import { type CrmUser, loadDirectory, type UserDirectory } from './directory.ts';

export const SESSION_COOKIE = 'crm_session';
const SESSION_SECONDS = 12 * 3600;

export interface CrmSession {
  /** The dev JWT in the cookie; handed to the extension through the page head. */
  token: string;
  user: CrmUser;
  directory: UserDirectory;
}

export type CrmEnv = { Variables: { session: CrmSession } };

interface SessionDeps {
  db: Database;
  devSecret: string;
  publicUrl: string;
}

/** Signs the user in: the cookie holds the same dev token the API accepts as a bearer token. */
export async function startSession(c: Context, deps: SessionDeps, userId: string): Promise<void> {
  const token = await signDevToken(userId, { secret: deps.devSecret, ttlSeconds: SESSION_SECONDS });
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    // Secure only where the server is reached over https: the local demo runs on plain http.
    secure: deps.publicUrl.startsWith('https:'),
    maxAge: SESSION_SECONDS,
  });
}

export function endSession(c: Context, deps: SessionDeps): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: deps.publicUrl.startsWith('https:') });
}

/** The login URL that comes back to this request's page after sign-in. */
export function loginUrlFor(c: Context): string {
  const url = new URL(c.req.url);
  return `/login?next=${encodeURIComponent(url.pathname + url.search)}`;
}

/**
 * Requires a valid session cookie for a known user; otherwise clears it and redirects to sign-in.
 * A forged, expired or foreign token is treated exactly like no token.
 */
export function requireSession(deps: SessionDeps) {
  return createMiddleware<CrmEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const userId = token ? await verifyDevToken(token, deps.devSecret).catch(() => null) : null;
    const directory = userId ? await loadDirectory(deps.db) : null;
    const user = userId ? directory?.get(userId) : undefined;
    if (!token || !user || !directory) {
      if (token) endSession(c, deps);
      return c.redirect(loginUrlFor(c), 302);
    }
    c.set('session', { token, user, directory });
    await next();
  });
}
