import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, summaryResponseSchema } from '../../../shared/api.ts';
import { SECTION_IDS } from '../../../shared/sections.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let alice: string;
let bob: string;
let aliceAccount: string;
let bobAccount: string;

beforeAll(async () => {
  server = await startTestServer();
  alice = await server.token('alice@example.com');
  bob = await server.token('bob@example.com');
  const aliceSees = await server.accountsOf('alice@example.com');
  const bobSees = await server.accountsOf('bob@example.com');
  aliceAccount = aliceSees.find((id) => !bobSees.includes(id))!;
  bobAccount = bobSees.find((id) => !aliceSees.includes(id))!;
  expect(aliceAccount).toBeTruthy();
  expect(bobAccount).toBeTruthy();
});
afterAll(() => server.close());

async function expectError(res: Response, status: number, messagePart?: RegExp) {
  expect(res.status).toBe(status);
  const body = errorBodySchema.parse(await res.json());
  if (messagePart) expect(body.error.message).toMatch(messagePart);
  return body;
}

describe('POST /v1/summaries → GET /v1/summaries/:id', () => {
  it('generates all six sections with citations that resolve, and every check passes', async () => {
    const res = await server.call('POST', '/v1/summaries', {
      token: alice,
      body: { accountId: aliceAccount },
    });
    expect(res.status).toBe(202);
    const { requestId, status } = (await res.json()) as { requestId: string; status: string };
    expect(status).toBe('pending');
    const summary = summaryResponseSchema.parse(await server.waitForSummary(requestId, alice));
    expect(summary.status).toBe('done');
    expect(summary.accountId).toBe(aliceAccount);
    expect(summary.sections.map((s) => s.id)).toEqual([...SECTION_IDS]);
    for (const section of summary.sections) {
      expect(section.status, section.id).toBe('done');
      expect(section.markdown, section.id).toBeTruthy();
      expect(section.citations.length, section.id).toBeGreaterThan(0);
      const refs = new Set(section.citations.map((c) => c.ref));
      const cited = [...(section.markdown ?? '').matchAll(/\[(S\d+)\]/g)].map((m) => m[1]!);
      expect(cited.length, section.id).toBeGreaterThan(0);
      for (const ref of cited) expect(refs.has(ref), `${section.id} cites ${ref}`).toBe(true);
      expect(
        section.checks.numbers?.passed,
        `${section.id} numbers ${section.checks.numbers?.unsupported}`,
      ).toBe(true);
      expect(section.checks.citations?.passed, section.id).toBe(true);
    }
    expect(summary.sections.find((s) => s.id === 'consumption')?.chart?.series.length).toBeGreaterThan(0);
  });

  it('reuses a live request unless refresh is asked for, and honours a section subset', async () => {
    const body = { accountId: aliceAccount, sections: ['pipeline', 'executive'] };
    const first = (await (await server.call('POST', '/v1/summaries', { token: alice, body })).json()) as {
      requestId: string;
    };
    const again = (await (await server.call('POST', '/v1/summaries', { token: alice, body })).json()) as {
      requestId: string;
    };
    expect(again.requestId).toBe(first.requestId);
    const fresh = (await (
      await server.call('POST', '/v1/summaries', { token: alice, body: { ...body, refresh: true } })
    ).json()) as { requestId: string };
    expect(fresh.requestId).not.toBe(first.requestId);
    const summary = await server.waitForSummary(fresh.requestId, alice);
    expect(summary.sections.map((s) => s.id)).toEqual(['executive', 'pipeline']);
  });

  it('answers 404 for an account the seller may not see, exactly as for an unknown one', async () => {
    const hidden = await expectError(
      await server.call('POST', '/v1/summaries', { token: alice, body: { accountId: bobAccount } }),
      404,
    );
    const unknown = await expectError(
      await server.call('POST', '/v1/summaries', { token: alice, body: { accountId: '001DM9999999999AAA' } }),
      404,
    );
    expect(hidden).toEqual(unknown);
  });

  it("lets the manager summarise both sellers' accounts", async () => {
    const maria = await server.token('maria@example.com');
    for (const accountId of [aliceAccount, bobAccount]) {
      const res = await server.call('POST', '/v1/summaries', { token: maria, body: { accountId } });
      expect(res.status).toBe(202);
    }
  });

  it("does not let another user poll or stream someone else's request", async () => {
    const { requestId } = (await (
      await server.call('POST', '/v1/summaries', {
        token: alice,
        body: { accountId: aliceAccount, refresh: true },
      })
    ).json()) as { requestId: string };
    await expectError(await server.call('GET', `/v1/summaries/${requestId}`, { token: bob }), 404);
    await expectError(await server.call('GET', `/v1/summaries/${requestId}/events`, { token: bob }), 404);
  });

  it('rejects bad input with a 400 that names the field', async () => {
    const post = (body: unknown, headers?: Record<string, string>) =>
      server.call('POST', '/v1/summaries', { token: alice, body, headers });
    await expectError(await post('{"accountId":'), 400, /not valid JSON/);
    await expectError(await post({}), 400, /accountId/);
    await expectError(await post({ accountId: '' }), 400, /accountId/);
    await expectError(await post({ accountId: "x' OR 1=1 --" }), 400, /accountId/);
    await expectError(await post({ accountId: aliceAccount, sections: ['gossip'] }), 400, /sections/);
    await expectError(await post({ accountId: aliceAccount, sections: [] }), 400, /sections/);
    await expectError(await post({ accountId: aliceAccount, extra: 1 }), 400, /extra/);
    await expectError(await post({ accountId: aliceAccount, refresh: 'yes' }), 400, /refresh/);
    await expectError(await post('accountId=1', { 'content-type': 'text/plain' }), 400, /Content-Type/);
    await expectError(
      await server.call('GET', '/v1/summaries/not-a-uuid', { token: alice }),
      400,
      /requestId/,
    );
    await expectError(
      await server.call('GET', '/v1/summaries/7a1c6a38-9c6f-4a6e-9d43-3f7c1c0b9a11', { token: alice }),
      404,
    );
  });

  it('refuses bodies over the size limit with 413', async () => {
    const body = { accountId: aliceAccount, comment: 'x'.repeat(200_000) };
    await expectError(await server.call('POST', '/v1/summaries', { token: alice, body }), 413);
  });
});

describe('GET /v1/summaries/:id/events', () => {
  it('streams one event per section and the whole summary at the end', async () => {
    const { requestId } = (await (
      await server.call('POST', '/v1/summaries', {
        token: alice,
        body: { accountId: aliceAccount, refresh: true },
      })
    ).json()) as { requestId: string };
    const res = await server.call('GET', `/v1/summaries/${requestId}/events`, { token: alice });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await res.text();
    const events = [...text.matchAll(/^event: (\w+)\ndata: (.*)$/gm)].map((m) => ({
      event: m[1],
      data: JSON.parse(m[2]!),
    }));
    const finished = events
      .filter((e) => e.event === 'section' && e.data.status === 'done')
      .map((e) => e.data.id);
    expect(new Set(finished)).toEqual(new Set(SECTION_IDS));
    const last = events.at(-1)!;
    expect(last.event).toBe('summary');
    expect(summaryResponseSchema.parse(last.data).status).toBe('done');
  });
});
