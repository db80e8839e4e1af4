import type { Database } from '../data/db.ts';
import { ALICE, BOB, CAROL, MARIA } from '../data/demo/users.ts';
import type { Env } from '../env.ts';
import type { SectionEngine } from '../llm/engine.ts';
import type { RetrievalProviders } from '../retrieval/providers.ts';
import { createDeliveryScheduler, type DeliveryScheduler } from './scheduler.ts';
import { createSlackSender } from './slack-sender.ts';

/**
 * Slack user ids of the demo sellers. Made up: they match the local test Slack server, not a real
 * workspace — with a real SLACK_BOT_TOKEN, set each user's real id in delivery_targets.
 */
export const DEMO_SLACK_USERS: Readonly<Record<string, string>> = {
  [ALICE]: 'U0ALICE',
  [BOB]: 'U0BOB',
  [MARIA]: 'U0MARIA',
  [CAROL]: 'U0CAROL',
};

/** Gives the demo users (where they exist) their made-up Slack ids; existing rows are kept. */
export async function seedDemoTargets(db: Database): Promise<void> {
  await db.asSystem((q) =>
    q.query(
      `INSERT INTO delivery_targets (user_id, slack_user_id)
       SELECT u.id, t.slack FROM unnest($1::text[], $2::text[]) AS t(id, slack) JOIN users u ON u.id = t.id
       ON CONFLICT (user_id) DO NOTHING`,
      [Object.keys(DEMO_SLACK_USERS), Object.values(DEMO_SLACK_USERS)],
    ),
  );
}

/**
 * The delivery scheduler as configured (DELIVERY_*, SLACK_*), started; null when
 * DELIVERY_ENABLED=false. Slack joins the browser feed when SLACK_BOT_TOKEN is set.
 */
export async function startDeliveryFromEnv(
  env: Env,
  deps: { db: Database; engine: SectionEngine; retrieval: RetrievalProviders | null; publicUrl: string },
): Promise<DeliveryScheduler | null> {
  if (env.DELIVERY_ENABLED !== 'true') return null;
  await seedDemoTargets(deps.db);
  const scheduler = createDeliveryScheduler(
    {
      ...deps,
      summaryTtlSeconds: env.SUMMARY_TTL_SECONDS,
      slack: env.SLACK_BOT_TOKEN
        ? createSlackSender({ token: env.SLACK_BOT_TOKEN, apiUrl: env.SLACK_API_URL })
        : null,
    },
    {
      windowMinutes: env.DELIVERY_WINDOW_MINUTES,
      intervalSeconds: env.DELIVERY_INTERVAL_SECONDS,
      maxAttempts: env.DELIVERY_MAX_ATTEMPTS,
    },
  );
  scheduler.start();
  return scheduler;
}
