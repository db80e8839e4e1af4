import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSearchResponseSchema } from '../../../shared/api.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let alice: string;
let bob: string;
let aliceAccount: { id: string; name: string };
let bobAccount: { id: string; name: string };

beforeAll(async () => {
  server = await startTestServer();
  alice = await server.token('alice@example.com');
  bob = await server.token('bob@example.com');
  const names = await server.db.asSystem((q) =>
    q.query<{ id: string; name: string; owner_id: string }>('SELECT id, name, owner_id FROM accounts'),
  );
  aliceAccount = names.find((a) => a.owner_id === 'alice@example.com')!;
  bobAccount = names.find((a) => a.owner_id === 'bob@example.com')!;
});
afterAll(() => server.close());

const search = async (token: string, query: string) => {
  const res = await server.call('GET', `/v1/accounts?query=${encodeURIComponent(query)}`, { token });
  expect(res.status).toBe(200);
  return accountSearchResponseSchema.parse(await res.json()).accounts;
};

describe('GET /v1/accounts?query=', () => {
  it('finds an account from a selection with punctuation, case and a legal suffix, best match first', async () => {
    const found = await search(alice, `  ${aliceAccount.name.toUpperCase()}, Inc. `);
    expect(found[0]?.id).toBe(aliceAccount.id);
    expect(found[0]?.score).toBe(1);
  });

  it('finds an account named inside a longer selection', async () => {
    const found = await search(alice, `Prep for the ${aliceAccount.name} QBR next week`);
    expect(found.map((a) => a.id)).toContain(aliceAccount.id);
  });

  it("never returns another seller's account", async () => {
    expect((await search(alice, bobAccount.name)).map((a) => a.id)).not.toContain(bobAccount.id);
    expect((await search(bob, bobAccount.name))[0]?.id).toBe(bobAccount.id);
  });

  it('treats LIKE wildcards as text', async () => {
    expect(await search(alice, '%')).toEqual([]);
    expect(await search(alice, '_')).toEqual([]);
  });

  it('rejects an empty or oversized query with 400', async () => {
    for (const q of ['', '   ', 'x'.repeat(201)]) {
      const res = await server.call('GET', `/v1/accounts?query=${q}`, { token: alice });
      expect(res.status).toBe(400);
    }
    expect((await server.call('GET', '/v1/accounts', { token: alice })).status).toBe(400);
    expect((await server.call('GET', '/v1/accounts?query=a&limit=0', { token: alice })).status).toBe(400);
  });
});

describe('POST /v1/feedback', () => {
  let requestId: string;
  beforeAll(async () => {
    const res = await server.call('POST', '/v1/summaries', {
      token: alice,
      body: { accountId: aliceAccount.id },
    });
    requestId = ((await res.json()) as { requestId: string }).requestId;
    await server.waitForSummary(requestId, alice);
  });

  it('stores a section rating with model and prompt version, but no generated text', async () => {
    const res = await server.call('POST', '/v1/feedback', {
      token: alice,
      body: {
        requestId,
        sectionId: 'pipeline',
        rating: 'down',
        reason: 'wrong_number',
        comment: 'Deal closed last week',
      },
    });
    expect(res.status).toBe(201);
    const [row] = await server.db.asSystem((q) =>
      q.query<Record<string, unknown>>('SELECT * FROM feedback WHERE request_id = $1', [requestId]),
    );
    expect(row).toMatchObject({
      user_id: 'alice@example.com',
      account_id: aliceAccount.id,
      section_id: 'pipeline',
      rating: 'down',
      reason: 'wrong_number',
      comment: 'Deal closed last week',
    });
    expect(row?.model).toBeTruthy();
    expect(row?.prompt_version).toBeTruthy();
    expect(Object.keys(row!)).not.toContain('markdown');
  });

  it('stores a whole-summary rating', async () => {
    const res = await server.call('POST', '/v1/feedback', {
      token: alice,
      body: { requestId, rating: 'up' },
    });
    expect(res.status).toBe(201);
  });

  it("answers 404 for someone else's request and 400 for bad fields", async () => {
    expect(
      (await server.call('POST', '/v1/feedback', { token: bob, body: { requestId, rating: 'up' } })).status,
    ).toBe(404);
    const bad = async (body: unknown, field: RegExp) => {
      const res = await server.call('POST', '/v1/feedback', { token: alice, body });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(field);
    };
    await bad({ requestId, rating: 'meh' }, /rating/);
    await bad({ requestId, rating: 'up', sectionId: 'gossip' }, /sectionId/);
    await bad({ requestId, rating: 'up', reason: 'because' }, /reason/);
    await bad({ rating: 'up' }, /requestId/);
    await bad({ requestId, rating: 'up', comment: 'x'.repeat(2001) }, /comment/);
  });
});
