import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { loadEnvOrExit } from './env.ts';
import { createRuntime, publicUrlOf } from './runtime.ts';

// `--memory` keeps the embedded database in memory: a throwaway demo, nothing written to .data/.
const env = loadEnvOrExit();
if (process.argv.includes('--memory')) env.DB_MEMORY = 'true';

const started = Date.now();
const runtime = await createRuntime(env);
const app = createApp(runtime.deps);
const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
  const base = publicUrlOf(env, info.port);
  console.log(
    JSON.stringify({
      level: 'info',
      msg: 'listening',
      url: base,
      database: runtime.deps.db.kind,
      startupMs: Date.now() - started,
    }),
  );
  console.log(
    `\n  Demo CRM:  ${base}/login   (sign in as alice@example.com, bob@example.com or maria@example.com)`,
  );
  console.log(`  API:       ${base}/v1   health: ${base}/healthz\n`);
});

function shutdown() {
  server.close();
  void runtime.close().then(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
