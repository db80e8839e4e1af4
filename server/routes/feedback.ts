import { Hono } from 'hono';
import { feedbackRequestSchema } from '../../shared/api.ts';
import type { AuthVariables } from '../auth/middleware.ts';
import type { AppDeps } from '../deps.ts';
import { recordFeedback } from '../feedback/record-feedback.ts';
import { jsonBody } from '../http/validate.ts';

export function feedbackRoutes(deps: AppDeps) {
  return new Hono<{ Variables: AuthVariables }>().post('/', async (c) => {
    const input = await jsonBody(c, feedbackRequestSchema);
    const { id } = await recordFeedback(deps.db, c.var.userId, input);
    return c.json({ id }, 201);
  });
}
