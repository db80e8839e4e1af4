import { createApp } from '../../../server/app.ts';
import { signDevToken } from '../../../server/auth/dev-tokens.ts';
import type { Database } from '../../../server/data/db.ts';
import type { AppDeps } from '../../../server/deps.ts';
import { parseEnv } from '../../../server/env.ts';
import { createRuntime } from '../../../server/runtime.ts';
import type { SummaryResponse } from '../../../shared/api.ts';

export const SECRET = 'integration-test-secret-0123456789';

export interface TestServer {
  app: ReturnType<typeof createApp>;
  /** What the app was built from: `createApp({ ...deps, … })` makes a variant over the same data. */
  deps: AppDeps;
  db: Database;
  token(email: string): Promise<string>;
  /** Account ids a user may see, read past RLS from account_access. */
  accountsOf(email: string): Promise<string[]>;
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  waitForSummary(requestId: string, token: string): Promise<SummaryResponse>;
  close(): Promise<void>;
}

/**
 * The real app over an in-memory PGlite seeded with a small demo dataset; no port is opened.
 * Logs at warn and no rate limits unless `options` say otherwise (extra env, runtime options).
 */
export async function startTestServer(
  accounts = 12,
  ttlSeconds = 600,
  options: {
    env?: Record<string, string>;
    runtime?: Omit<NonNullable<Parameters<typeof createRuntime>[1]>, 'publicUrl'>;
  } = {},
): Promise<TestServer> {
  const env = parseEnv({
    DB_MEMORY: 'true',
    DEMO_ACCOUNTS: String(accounts),
    DEV_JWT_SECRET: SECRET,
    SUMMARY_TTL_SECONDS: String(ttlSeconds),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_SUMMARIES_PER_MINUTE: '0',
    ...options.env,
  });
  const runtime = await createRuntime(env, { publicUrl: 'http://crm.test', ...options.runtime });
  const app = createApp(runtime.deps);
  const call: TestServer['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    return app.request(path, { method, headers, body });
  };
  return {
    app,
    deps: runtime.deps,
    db: runtime.deps.db,
    token: (email) => signDevToken(email, { secret: SECRET }),
    accountsOf: (email) =>
      runtime.deps.db.asSystem(async (q) =>
        (
          await q.query<{ account_id: string }>(
            'SELECT account_id FROM account_access WHERE user_id = $1 ORDER BY 1',
            [email],
          )
        ).map((r) => r.account_id),
      ),
    call,
    async waitForSummary(requestId, token) {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const res = await call('GET', `/v1/summaries/${requestId}`, { token });
        const summary = (await res.json()) as SummaryResponse;
        if (['done', 'partial', 'failed'].includes(summary.status)) return summary;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`summary ${requestId} did not finish in 30 s`);
    },
    close: () => runtime.close(),
  };
}
