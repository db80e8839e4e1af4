import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpiredSummaries } from '../../../server/summaries/summary-requests.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(6);
});
afterAll(() => server.close());

describe('summary time-to-live', () => {
  it('erases generated content once a summary expires, keeping only a content-free receipt', async () => {
    const alice = await server.token('alice@example.com');
    const [accountId] = await server.accountsOf('alice@example.com');
    const { requestId } = (await (
      await server.call('POST', '/v1/summaries', { token: alice, body: { accountId } })
    ).json()) as {
      requestId: string;
    };
    const summary = await server.waitForSummary(requestId, alice);
    const phrase = summary.sections.find((s) => s.id === 'pipeline')?.markdown?.slice(0, 40);
    expect(phrase).toBeTruthy();

    // Untouched before expiry.
    expect(await purgeExpiredSummaries(server.db)).toBe(0);
    await server.db.asSystem((q) =>
      q.query("UPDATE summary_requests SET expires_at = now() - interval '1 second' WHERE id = $1", [
        requestId,
      ]),
    );
    expect(await purgeExpiredSummaries(server.db)).toBe(6);

    expect((await server.call('GET', `/v1/summaries/${requestId}`, { token: alice })).status).toBe(404);
    const rows = await server.db.asSystem((q) =>
      q.query<Record<string, unknown>>('SELECT * FROM summary_sections WHERE request_id = $1', [requestId]),
    );
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row).toMatchObject({ markdown: null, citations: [], checks: {}, chart: null });
      expect(row.model).toBeTruthy();
    }
    const everything = JSON.stringify(
      await server.db.asSystem((q) =>
        q.query('SELECT s.*, r.* FROM summary_sections s JOIN summary_requests r ON r.id = s.request_id'),
      ),
    );
    expect(everything).not.toContain(phrase!);

    // A late thumbs-down still lands: the receipt names the model and prompt version.
    const res = await server.call('POST', '/v1/feedback', {
      token: alice,
      body: { requestId, sectionId: 'executive', rating: 'down' },
    });
    expect(res.status).toBe(201);
  });
});
