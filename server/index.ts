import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { loadEnvOrExit } from './env.ts';
import { createLogger } from './observability/logger.ts';
import { createMetrics, enableProcessMetrics } from './observability/metrics.ts';
import { createRuntime, publicUrlOf } from './runtime.ts';

// `--memory` keeps the embedded database in memory: a throwaway demo, nothing written to .data/.
const env = loadEnvOrExit();
if (process.argv.includes('--memory')) env.DB_MEMORY = 'true';

const started = Date.now();
const logger = createLogger({ level: env.LOG_LEVEL });
const metrics = createMetrics();
enableProcessMetrics(metrics);
const runtime = await createRuntime(env, { logger, metrics });
const app = createApp(runtime.deps);
const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
  const base = publicUrlOf(env, info.port);
  logger.info(
    {
      url: base,
      database: runtime.deps.db.kind,
      startupMs: Date.now() - started,
      crm: `${base}/login`,
      api: `${base}/v1`,
      health: `${base}/healthz`,
      metrics: `${base}/metrics`,
    },
    'listening',
  );
  logger.info(`Demo CRM: ${base}/login (sign in as alice@example.com, bob@example.com or maria@example.com)`);
});

function shutdown() {
  server.close();
  void runtime.close().then(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
