import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { type AuthVariables, requireAuth } from './auth/middleware.ts';
import { createCrmRoutes } from './crm/routes.tsx';
import type { AppDeps } from './deps.ts';
import { extensionOrigin, SECURE_HEADERS } from './http/browser-policy.ts';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './http/database-unavailable.ts';
import { ApiError, errorBody } from './http/errors.ts';
import { rejectNulInUrl } from './http/nul-guard.ts';
import { rateLimit } from './http/rate-limit.ts';
import { createLogger, currentLog } from './observability/logger.ts';
import { createMetrics } from './observability/metrics.ts';
import { metricsHandler } from './observability/metrics-route.ts';
import { requestContext, routePattern } from './observability/request-context.ts';
import { accountRoutes } from './routes/accounts.ts';
import { deliveryRoutes } from './routes/deliveries.ts';
import { feedbackRoutes } from './routes/feedback.ts';
import { summaryRoutes } from './routes/summaries.ts';
import { logLine } from './sections/failures.ts';

/** The API under /v1 (typed as ApiType for clients) plus health, metrics and the demo CRM. */
export function createApp(given: AppDeps) {
  const deps = {
    ...given,
    logger: given.logger ?? createLogger(),
    metrics: given.metrics ?? createMetrics(),
  };
  const { metrics } = deps;
  const api = new Hono<{ Variables: AuthVariables }>()
    .use(
      cors({
        // Only the extension calls the API from a browser; web pages get no CORS grant.
        origin: extensionOrigin(deps.extensionOrigins),
        allowHeaders: ['Authorization', 'Content-Type'],
        // The panel may read these: the id to quote in a support request, the wait after a 429.
        exposeHeaders: ['X-Request-Id', 'Retry-After'],
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
    .use(rateLimit(deps.rateLimits ?? {}, () => metrics.errors.inc({ kind: 'rate_limited' })))
    .route('/summaries', summaryRoutes(deps))
    .route('/accounts', accountRoutes(deps))
    .route('/feedback', feedbackRoutes(deps))
    .route('/deliveries', deliveryRoutes(deps));

  const app = new Hono()
    .use(requestContext(deps))
    .use(secureHeaders(SECURE_HEADERS))
    .use(rejectNulInUrl())
    .get('/healthz', (c) => c.json({ status: 'ok', database: deps.db.kind }))
    .get('/metrics', metricsHandler(metrics, deps.metricsToken))
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
    if (isDatabaseUnavailable(error)) {
      currentLog().warn({ route: routePattern(c), error: logLine(error) }, 'database unavailable');
      metrics.errors.inc({ kind: 'database_unavailable' });
      return c.json(errorBody('unavailable', 'the database is unavailable; retry in a few seconds'), 503, {
        'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS),
      });
    }
    // Log the failure (route pattern, error name and first line), never bodies or generated text.
    currentLog().error({ route: routePattern(c), error: logLine(error) }, 'unhandled error');
    metrics.errors.inc({ kind: 'http_internal' });
    return c.json(errorBody('internal', 'internal error'), 500);
  });
  return app;
}

export type AppType = ReturnType<typeof createApp>;
