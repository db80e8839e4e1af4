/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { verifyDevToken } from '../auth/dev-tokens.ts';
import { loadDirectory } from './directory.ts';
import { LoginPage } from './pages/login-page.tsx';
import { NoticePage, SignedOutPage } from './pages/notice-page.tsx';
import { listPath } from './paths.ts';
import { renderPage } from './render.ts';
import type { CrmDeps } from './routes.tsx';
import { safeNext } from './safe-next.ts';
import { isSameOriginPost } from './same-origin.ts';
import { endSession, SESSION_COOKIE, startSession } from './session.ts';

const field = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** Sign-in with a demo user, sign-out, and the root redirect. */
export function authRoutes(deps: CrmDeps) {
  const forbidden = () => (
    <NoticePage title="Request refused" message="This form was submitted from another site." />
  );
  // A sign-in form is a few hundred bytes; nothing bigger is read into memory.
  const smallForm = bodyLimit({ maxSize: 8 * 1024, onError: (c) => c.text('Form too large', 413) });
  return new Hono()
    .get('/', async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      const signedIn = token && (await verifyDevToken(token, deps.devSecret).catch(() => null));
      return c.redirect(signedIn ? listPath('Account') : '/login', 302);
    })
    .get('/login', async (c) => {
      const directory = await loadDirectory(deps.db);
      const next = safeNext(c.req.query('next'));
      return renderPage(c, <LoginPage users={[...directory.values()]} next={next} />);
    })
    .post('/login', smallForm, async (c) => {
      if (!isSameOriginPost(c, deps.publicUrl)) return renderPage(c, forbidden(), 403);
      // A malformed body (e.g. multipart without its boundary) reads as an empty form, not a 500.
      const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const userId = field(body.user);
      const next = safeNext(field(body.next));
      const directory = await loadDirectory(deps.db);
      if (!directory.has(userId)) {
        const error = userId
          ? `There is no demo user "${userId}". Pick one of the users below.`
          : 'Choose a demo user to sign in as.';
        return renderPage(c, <LoginPage users={[...directory.values()]} next={next} error={error} />, 400);
      }
      await startSession(c, deps, userId);
      return c.redirect(next ?? listPath('Account'), 303);
    })
    .post('/logout', smallForm, (c) => {
      if (!isSameOriginPost(c, deps.publicUrl)) return renderPage(c, forbidden(), 403);
      endSession(c, deps);
      return renderPage(c, <SignedOutPage />);
    });
}
