import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryScheduler } from '../../../server/delivery/scheduler.ts';
import { parseEnv } from '../../../server/env.ts';
import { createSectionEngine } from '../../../server/llm/providers.ts';
import { deliveriesResponseSchema, errorBodySchema } from '../../../shared/api.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/** GET /v1/deliveries: the browser-notification feed, own deliveries of visible accounts only. */

const ALICE = 'alice@example.com';
let server: TestServer;
let tokens: Record<string, string>;
let account: { id: string; name: string };
let meeting: string;

beforeAll(async () => {
  server = await startTestServer(6);
  tokens = Object.fromEntries(
    await Promise.all(
      ['alice', 'bob', 'maria'].map(async (u) => [u, await server.token(`${u}@example.com`)] as const),
    ),
  );
  const [first] = await server.db.asSystem((q) =>
    q.query<{ id: string; name: string }>(
      'SELECT id, name FROM accounts WHERE owner_id = $1 ORDER BY id LIMIT 1',
      [ALICE],
    ),
  );
  account = first!;
  meeting = '00UROUTE000000001';
  await server.db.asSystem((q) =>
    q.query(
      `INSERT INTO activities (id, account_id, type, subject, occurs_at, owner_id)
       VALUES ($1, $2, 'meeting', 'Executive sponsor check-in', now() + interval '40 minutes', $3)`,
      [meeting, account.id, ALICE],
    ),
  );
  const scheduler = createDeliveryScheduler(
    {
      db: server.db,
      engine: createSectionEngine(parseEnv({})),
      retrieval: null,
      publicUrl: 'http://crm.test',
      summaryTtlSeconds: 600,
      log: () => {},
    },
    { windowMinutes: 120, intervalSeconds: 60, maxAttempts: 3 },
  );
  await scheduler.tick();
});
afterAll(() => server?.close());

const feed = async (user: string, query = '') => {
  const res = await server.call('GET', `/v1/deliveries${query}`, { token: tokens[user] });
  expect(res.status).toBe(200);
  return deliveriesResponseSchema.parse(await res.json());
};

describe('GET /v1/deliveries', () => {
  it("returns the seller's delivered brief with the meeting, the summary and the panel link", async () => {
    const before = Date.now();
    const { deliveries, next } = await feed('alice');
    expect(deliveries).toHaveLength(1);
    const [d] = deliveries;
    expect(d).toMatchObject({
      accountId: account.id,
      accountName: account.name,
      meeting: { id: meeting, subject: 'Executive sponsor check-in' },
      panelUrl: `http://crm.test/lightning/r/Account/${account.id}/view?summary=open`,
    });
    const summary = await server.waitForSummary(d!.requestId!, tokens.alice!);
    expect(summary.status).toBe('done');
    expect(Date.parse(next)).toBeLessThanOrEqual(before);
    // Polling from `next` overlaps a little; a `since` after the delivery returns nothing.
    expect((await feed('alice', `?since=${encodeURIComponent(next)}`)).deliveries.map((x) => x.id)).toEqual([
      d!.id,
    ]);
    const later = new Date(Date.parse(d!.deliveredAt) + 1).toISOString();
    expect((await feed('alice', `?since=${encodeURIComponent(later)}`)).deliveries).toEqual([]);
  });

  it("shows nobody else's deliveries, not even to a manager who may see the account", async () => {
    expect((await feed('bob')).deliveries).toEqual([]);
    expect((await feed('maria')).deliveries).toEqual([]);
  });

  it('hides a delivery once the seller may no longer see the account', async () => {
    await server.db.asSystem((q) =>
      q.query('DELETE FROM account_access WHERE user_id = $1 AND account_id = $2', [ALICE, account.id]),
    );
    try {
      expect((await feed('alice')).deliveries).toEqual([]);
    } finally {
      await server.db.asSystem((q) =>
        q.query('INSERT INTO account_access VALUES ($1, $2)', [ALICE, account.id]),
      );
    }
    expect((await feed('alice')).deliveries).toHaveLength(1);
  });

  it('rejects a bad since or limit with a 400 naming the field, and a missing token with a 401', async () => {
    for (const query of ['?since=yesterday', '?limit=0']) {
      const res = await server.call('GET', `/v1/deliveries${query}`, { token: tokens.alice });
      expect(res.status).toBe(400);
      expect(errorBodySchema.parse(await res.json()).error.message).toMatch(/^(since|limit):/);
    }
    expect((await server.call('GET', '/v1/deliveries')).status).toBe(401);
  });
});
