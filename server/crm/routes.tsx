/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import type { Database } from '../data/db.ts';
import { authRoutes } from './auth-routes.tsx';
import { pageRoutes } from './page-routes.tsx';
import { requireSession } from './session.ts';
import { CRM_CSS, CRM_CSS_PATH } from './styles.ts';

export interface CrmDeps {
  db: Database;
  /** Signs and verifies the session cookie (a dev token the API accepts too). */
  devSecret: string;
  /** This server's public base URL, handed to the extension in each page's head. */
  publicUrl: string;
}

/**
 * The bundled demo CRM, shaped like Salesforce Lightning (`/lightning/o/Account/list`,
 * `/lightning/r/{Object}/{id}/view`) so the extension's URL detection works on it unchanged.
 * Every account-data read runs as the signed-in user under row-level security.
 */
export function createCrmRoutes(deps: CrmDeps): Hono {
  const app = new Hono();
  app.get(CRM_CSS_PATH, (c) =>
    c.body(CRM_CSS, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=300',
    }),
  );
  app.route('/', authRoutes(deps));
  // Scoped to /lightning/*: mounted at '/', a '*' middleware would also catch the API's 404s.
  app.use('/lightning/*', requireSession(deps));
  app.route('/', pageRoutes(deps));
  return app;
}
