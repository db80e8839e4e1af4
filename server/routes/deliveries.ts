import { Hono } from 'hono';
import { deliveriesQuerySchema } from '../../shared/api.ts';
import type { AuthVariables } from '../auth/middleware.ts';
import { listDeliveries } from '../delivery/list-deliveries.ts';
import type { AppDeps } from '../deps.ts';
import { parseWith } from '../http/validate.ts';

/** The caller's briefs delivered before their meetings: what the extension turns into notifications. */
export function deliveryRoutes(deps: AppDeps) {
  return new Hono<{ Variables: AuthVariables }>().get('/', async (c) => {
    const { since, limit } = parseWith(deliveriesQuerySchema, c.req.query());
    return c.json(await listDeliveries(deps.db, c.var.userId, { since, limit, publicUrl: deps.publicUrl }));
  });
}
