import { Hono } from 'hono';
import { accountSearchQuerySchema } from '../../shared/api.ts';
import { searchAccounts } from '../accounts/search-accounts.ts';
import type { AuthVariables } from '../auth/middleware.ts';
import type { AppDeps } from '../deps.ts';
import { parseWith } from '../http/validate.ts';

/** Name search over the accounts the caller may see (the right-click "Summarize" resolution). */
export function accountRoutes(deps: AppDeps) {
  return new Hono<{ Variables: AuthVariables }>().get('/', async (c) => {
    const { query, limit } = parseWith(accountSearchQuerySchema, c.req.query());
    const accounts = await searchAccounts(deps.db, c.var.userId, query, limit);
    return c.json({ accounts });
  });
}
