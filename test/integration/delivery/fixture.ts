import { type Database, openDatabase } from '../../../server/data/db.ts';
import { seedDemo } from '../../../server/data/demo/seed.ts';
import { seedDemoTargets } from '../../../server/delivery/from-env.ts';
import {
  createDeliveryScheduler,
  type DeliveryOptions,
  type DeliveryScheduler,
} from '../../../server/delivery/scheduler.ts';
import { createSlackSender } from '../../../server/delivery/slack-sender.ts';
import { parseEnv } from '../../../server/env.ts';
import type { SectionEngine } from '../../../server/llm/engine.ts';
import { createSectionEngine } from '../../../server/llm/providers.ts';
import { type SlackServer, startSlackServer, TEST_BOT_TOKEN } from '../../support/slack-server.ts';

export const PUBLIC_URL = 'http://crm.test';
export const ALICE = 'alice@example.com';
export const BOB = 'bob@example.com';
export const CAROL = 'carol@example.com';
export const MARIA = 'maria@example.com';

export interface DeliveryRow {
  id: string;
  activity_id: string;
  user_id: string;
  account_id: string;
  channel: 'browser' | 'slack';
  status: string;
  attempts: number;
  request_id: string | null;
  next_attempt_at: string | null;
  last_error: string | null;
  slack_channel: string | null;
  slack_ts: string | null;
  delivered_at: string | null;
}

export interface DeliveryFixture {
  db: Database;
  slack: SlackServer;
  engine: SectionEngine;
  /** Log entries the schedulers wrote, as JSON text. */
  logs: string[];
  /** The clock every scheduler made here reads; tests move it forward. */
  clock: { now: Date };
  /** An account owned by (and visible to) the given seller. */
  accountOf(userId: string): Promise<{ id: string; name: string }>;
  /** Inserts a meeting `minutes` from the clock on `accountId`, owned by `ownerId`; returns its id. */
  addMeeting(accountId: string, ownerId: string, minutes: number, subject?: string): Promise<string>;
  /** A new scheduler on the same database: a fresh process as far as delivery is concerned. */
  scheduler(options?: Partial<DeliveryOptions> & { token?: string | null }): DeliveryScheduler;
  deliveries(activityId?: string): Promise<DeliveryRow[]>;
  /** Deletes meetings and deliveries added by tests, and resets the Slack server. */
  clear(): Promise<void>;
  close(): Promise<void>;
}

let meetingNo = 0;

/** An in-memory demo database (6 accounts), the local section writer and a local Slack server. */
export async function startDeliveryFixture(): Promise<DeliveryFixture> {
  const db = await openDatabase({ memory: true });
  await seedDemo(db, { accounts: 6 });
  await seedDemoTargets(db);
  const slack = await startSlackServer();
  const engine = createSectionEngine(parseEnv({}));
  const logs: string[] = [];
  const clock = { now: new Date() };
  const system = <T>(sql: string, params: unknown[] = []) => db.asSystem((q) => q.query<T>(sql, params));
  return {
    db,
    slack,
    engine,
    logs,
    clock,
    async accountOf(userId) {
      const [row] = await system<{ id: string; name: string }>(
        'SELECT id, name FROM accounts WHERE owner_id = $1 ORDER BY id LIMIT 1',
        [userId],
      );
      return row!;
    },
    async addMeeting(accountId, ownerId, minutes, subject = 'Quarterly business review') {
      const id = `00UTEST${String(++meetingNo).padStart(8, '0')}`;
      const at = new Date(clock.now.getTime() + minutes * 60_000).toISOString();
      await system(
        `INSERT INTO activities (id, account_id, type, subject, occurs_at, owner_id, notes)
         VALUES ($1, $2, 'meeting', $3, $4::timestamptz, $5, 'Agenda: spend and roadmap.')`,
        [id, accountId, subject, at, ownerId],
      );
      return id;
    },
    scheduler(options = {}) {
      const token = options.token === undefined ? TEST_BOT_TOKEN : options.token;
      return createDeliveryScheduler(
        {
          db,
          engine,
          retrieval: null,
          publicUrl: PUBLIC_URL,
          summaryTtlSeconds: 600,
          slack: token
            ? createSlackSender({
                token,
                apiUrl: slack.apiUrl,
                retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 50 },
              })
            : null,
          now: () => clock.now,
          log: (entry) => logs.push(JSON.stringify(entry)),
        },
        { windowMinutes: 120, intervalSeconds: 60, maxAttempts: 3, retryBaseMs: 60_000, ...options },
      );
    },
    deliveries: (activityId) =>
      system<DeliveryRow>(
        `SELECT id::text, activity_id, user_id, account_id, channel, status, attempts, request_id, next_attempt_at,
                last_error, slack_channel, slack_ts, delivered_at
           FROM deliveries WHERE $1::text IS NULL OR activity_id = $1 ORDER BY activity_id, user_id, channel`,
        [activityId ?? null],
      ),
    async clear() {
      await system("DELETE FROM activities WHERE id LIKE '00UTEST%'");
      slack.reset();
      logs.length = 0;
      clock.now = new Date();
    },
    async close() {
      await slack.close();
      await db.close();
    },
  };
}
