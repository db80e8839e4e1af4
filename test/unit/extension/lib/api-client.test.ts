import { describe, expect, it, vi } from 'vitest';
import { ApiFailure, createApiClient } from '../../../../extension/lib/api-client.ts';
import { summaryFixture } from '../fixtures/summary.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function clientAnswering(answer: () => Promise<Response>) {
  const fetch = vi.fn((_url: RequestInfo | URL, _init?: RequestInit) => answer());
  return { fetch, client: createApiClient({ backendUrl: 'http://127.0.0.1:8787/', token: 'tok', fetch }) };
}

async function failureOf(promise: Promise<unknown>): Promise<ApiFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiFailure);
  return error as ApiFailure;
}

describe('createApiClient', () => {
  it('sends the bearer token and JSON body to /v1', async () => {
    const { fetch, client } = clientAnswering(async () => json(202, { requestId: 'r1', status: 'pending' }));
    await expect(client.createSummary({ accountId: '001DM0000000001AAA' })).resolves.toEqual({
      requestId: 'r1',
      status: 'pending',
    });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('http://127.0.0.1:8787/v1/summaries');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer tok' });
    expect(JSON.parse(String(init?.body))).toEqual({ accountId: '001DM0000000001AAA' });
  });

  it('parses a summary and encodes the account query', async () => {
    const { fetch, client } = clientAnswering(async () => json(200, summaryFixture));
    await expect(client.getSummary('abc')).resolves.toEqual(summaryFixture);
    const search = clientAnswering(async () => json(200, { accounts: [] }));
    await search.client.searchAccounts('Acme & Co');
    expect(search.fetch.mock.calls[0]![0]).toBe('http://127.0.0.1:8787/v1/accounts?query=Acme%20%26%20Co');
    expect(fetch).toHaveBeenCalledOnce();
  });

  it.each([
    [401, 'unauthorized', 'signed-out'],
    [404, 'not_found', 'not-found'],
    [429, 'rate_limited', 'rate-limited'],
    [400, 'bad_request', 'bad-request'],
    [413, 'payload_too_large', 'bad-request'],
    [500, 'internal', 'server'],
    [503, 'internal', 'server'],
  ])('maps HTTP %i to %s → %s', async (status, code, kind) => {
    const { client } = clientAnswering(async () =>
      json(status, { error: { code, message: `says ${code}` } }),
    );
    const failure = await failureOf(client.getSummary('abc'));
    expect(failure.kind).toBe(kind);
    expect(failure.status).toBe(status);
    expect(failure.message).toBe(`says ${code}`);
  });

  it('maps an error without a JSON body by status alone', async () => {
    const { client } = clientAnswering(async () => new Response('Bad Gateway', { status: 502 }));
    const failure = await failureOf(client.getSummary('abc'));
    expect([failure.kind, failure.message]).toEqual(['server', 'HTTP 502']);
  });

  it('maps a fetch TypeError (server unreachable) to offline', async () => {
    const { client } = clientAnswering(() => Promise.reject(new TypeError('Failed to fetch')));
    expect((await failureOf(client.getSummary('abc'))).kind).toBe('offline');
  });

  it('lets an abort through untouched', async () => {
    const abort = new DOMException('aborted', 'AbortError');
    const { client } = clientAnswering(() => Promise.reject(abort));
    await expect(client.getSummary('abc')).rejects.toBe(abort);
  });

  it('rejects a reply that does not match the contract', async () => {
    const { client } = clientAnswering(async () => json(200, { requestId: 'x' }));
    expect((await failureOf(client.getSummary('abc'))).kind).toBe('bad-response');
  });

  it('sends feedback and accepts the empty 201', async () => {
    const { fetch, client } = clientAnswering(async () => new Response(null, { status: 201 }));
    await client.sendFeedback({ requestId: 'r1', sectionId: 'executive', rating: 'up' });
    expect(fetch.mock.calls[0]![0]).toBe('http://127.0.0.1:8787/v1/feedback');
  });
});

describe('openSummaryEvents', () => {
  const sse = (body: string, type = 'text/event-stream') =>
    new Response(body, { status: 200, headers: { 'Content-Type': type } });

  it('asks for the event stream with the bearer token (EventSource could not send it)', async () => {
    const { fetch, client } = clientAnswering(async () => sse('data: x\n\n'));
    const body = await client.openSummaryEvents('r 1');
    expect(await new Response(body).text()).toBe('data: x\n\n');
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('http://127.0.0.1:8787/v1/summaries/r%201/events');
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer tok', Accept: 'text/event-stream' });
  });

  it('fails on a reply that is not an event stream, and maps HTTP errors', async () => {
    const html = clientAnswering(async () => sse('<html>', 'text/html'));
    expect((await failureOf(html.client.openSummaryEvents('r'))).kind).toBe('bad-response');
    const gone = clientAnswering(async () => json(404, { error: { code: 'not_found', message: 'gone' } }));
    expect((await failureOf(gone.client.openSummaryEvents('r'))).kind).toBe('not-found');
  });
});
