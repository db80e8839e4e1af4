import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { type AuthVariables, requireAuth } from './auth/middleware.ts';
import { createCrmRoutes } from './crm/routes.tsx';
import type { AppDeps } from './deps.ts';
import { ApiError, errorBody } from './http/errors.ts';
import { accountRoutes } from './routes/accounts.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { summaryRoutes } from './routes/summaries.ts';

const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i;

/** The API under /v1 (typed as ApiType for clients) plus health and the demo CRM. */
export function createApp(deps: AppDeps) {
  const api = new Hono<{ Variables: AuthVariables }>()
    .use(
      cors({
        // Only the extension calls the API from a browser; web pages get no CORS grant.
        origin: (origin) => (EXTENSION_ORIGIN.test(origin) ? origin : null),
        allowHeaders: ['Authorization', 'Content-Type'],
        allowMethods: ['GET', 'POST'],
        maxAge: 600,
      }),
    )
    .use(
      bodyLimit({
        maxSize: deps.maxBodyBytes ?? 64 * 1024,
        onError: () => {
          throw new ApiError(
            'payload_too_large',
            `body: larger than ${deps.maxBodyBytes ?? 64 * 1024} bytes`,
          );
        },
      }),
    )
    .use(requireAuth(deps.verifyToken))
    .route('/summaries', summaryRoutes(deps))
    .route('/accounts', accountRoutes(deps))
    .route('/feedback', feedbackRoutes(deps));

  const app = new Hono()
    .use(secureHeaders({ crossOriginResourcePolicy: false }))
    .get('/healthz', (c) => c.json({ status: 'ok', database: deps.db.kind }))
    .route('/v1', api)
    .route('/', createCrmRoutes({ db: deps.db, devSecret: deps.devSecret, publicUrl: deps.publicUrl }));

  app.notFound((c) => c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404));
  app.onError((error, c) => {
    if (error instanceof ApiError) {
      return c.json(errorBody(error.code, error.message), error.status as 400);
    }
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(
        errorBody(error.status === 401 ? 'unauthorized' : 'bad_request', error.message),
        error.status,
      );
    }
    // Log the failure, never request bodies or generated text.
    console.error(JSON.stringify({ level: 'error', path: c.req.path, error: String(error) }));
    return c.json(errorBody('internal', 'internal error'), 500);
  });
  return app;
}

export type AppType = ReturnType<typeof createApp>;
