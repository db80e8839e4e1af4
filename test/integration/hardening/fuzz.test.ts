import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../../shared/api.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { CONTENT_TYPES, createGen, type Gen, json, mutate, rawBody, str } from './fuzz-inputs.ts';

// Property: whatever a client sends to any endpoint, the answer is never a 5xx and never a hang;
// on the API (and for unknown routes) every 4xx is the JSON error body. Deterministic: fixed seed.
const SEED = 20_260_611;
const CASES = 1500;
const TIMEOUT_MS = 10_000;

let server: TestServer;
let alice: string;
let account: string;
let requestId: string;

beforeAll(async () => {
  server = await startTestServer(4);
  alice = await server.token('alice@example.com');
  account = (await server.accountsOf('alice@example.com'))[0]!;
  const res = await server.call('POST', '/v1/summaries', {
    token: alice,
    body: { accountId: account, sections: ['support'] },
  });
  requestId = ((await res.json()) as { requestId: string }).requestId;
  await server.waitForSummary(requestId, alice);
});
afterAll(() => server.close());

interface Case {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** A demo CRM page: HTML errors are fine there. */
  html?: boolean;
}

// biome-ignore format: a word list reads best packed
const RAW_SEGMENTS = ['..', '%00', '%2e%2e', '%2e%2e%2f%2e%2e', '%ff', '%', '%zz', '.', '~', ';', '%0d%0a', '%u0000', '..%00', '\\..\\', '%ED%A0%80', '%C0%AE%C0%AE', 'a'.repeat(5000)];

function segment(g: Gen, valid: string): string {
  if (g.chance(0.2)) return valid;
  // Lone surrogates cannot be percent-encoded as UTF-8; RAW_SEGMENTS sends their bytes instead.
  return g.chance(0.4) ? g.pick(RAW_SEGMENTS) : encodeURIComponent(str(g).replace(LONE_SURROGATE, '\ufffd'));
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function authorization(g: Gen): Record<string, string> {
  const bad = [
    '',
    'Bearer',
    'Bearer ',
    `Basic ${Buffer.from('alice:pw').toString('base64')}`,
    `Bearer ${alice}x`,
    `Bearer ${alice} ${alice}`,
    `Bearer ${alice.split('.').slice(0, 2).join('.')}.`,
    `Bearer ${'a'.repeat(20_000)}`,
    `Bearer ${'.'.repeat(100)}`,
    `Token ${alice}`,
  ];
  if (g.chance(0.75)) return { authorization: `${g.pick(['Bearer', 'bearer', 'BEARER'])} ${alice}` };
  const value = g.pick(bad);
  return value ? { authorization: value } : {};
}

function body(g: Gen, valid: Record<string, unknown>): { body: string; headers: Record<string, string> } {
  const value = mutate(g, valid);
  const text = g.chance(0.2) ? rawBody(g, value) : (JSON.stringify(value) ?? 'null');
  const type = g.chance(0.75) ? 'application/json' : g.pick(CONTENT_TYPES);
  return { body: text, headers: type ? { 'content-type': type } : {} };
}

function makeCase(g: Gen): Case {
  const auth = authorization(g);
  switch (g.int(0, 10)) {
    case 0:
    case 1: {
      const b = body(g, { accountId: account, sections: ['support'], refresh: false });
      return { method: 'POST', path: '/v1/summaries', headers: { ...auth, ...b.headers }, body: b.body };
    }
    case 2:
    case 3: {
      const valid = { requestId, sectionId: 'support', rating: 'up', reason: 'other', comment: 'ok' };
      const b = body(g, valid);
      return { method: 'POST', path: '/v1/feedback', headers: { ...auth, ...b.headers }, body: b.body };
    }
    case 4:
      return { method: 'GET', path: `/v1/summaries/${segment(g, requestId)}`, headers: auth };
    case 5:
      return { method: 'GET', path: `/v1/summaries/${segment(g, requestId)}/events`, headers: auth };
    case 6: {
      const params = [`query=${segment(g, 'north')}`, `limit=${segment(g, '5')}`, `query=${segment(g, 'a')}`];
      const query = params.filter(() => g.chance(0.7)).join('&');
      return { method: 'GET', path: `/v1/accounts?${query}`, headers: auth };
    }
    case 7: {
      const query = [`since=${segment(g, new Date().toISOString())}`, `limit=${segment(g, '10')}`].join('&');
      return { method: 'GET', path: `/v1/deliveries?${query}`, headers: auth };
    }
    case 8: {
      const method = g.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
      const path = g.pick([
        '/v1',
        '/v1/',
        '/v1/summaries',
        '/v1/feedback',
        '/v1/accounts',
        '/healthz',
        '/metrics',
        `/v1/${segment(g, 'x')}`,
        `/v1/summaries/${segment(g, requestId)}/${segment(g, 'x')}`,
      ]);
      const b = method === 'GET' || method === 'HEAD' ? null : body(g, { x: 1 });
      return { method, path, headers: { ...auth, ...b?.headers }, body: b?.body };
    }
    case 9: {
      const form = new URLSearchParams({ user: str(g).slice(0, 500), next: str(g).slice(0, 500) }).toString();
      const headers = {
        'content-type': g.pick(CONTENT_TYPES) || 'text/plain',
        origin: g.pick(['http://crm.test', 'https://evil.example', 'null']),
      };
      return {
        method: 'POST',
        path: g.pick(['/login', '/logout']),
        headers,
        body: g.chance(0.8) ? form : JSON.stringify(json(g)),
        html: true,
      };
    }
    default: {
      const object = g.pick([
        'Account',
        'Opportunity',
        'Case',
        'Contact',
        'Document',
        'Event',
        segment(g, 'Account'),
      ]);
      const path = g.chance(0.3)
        ? `/lightning/o/${object}/list?q=${segment(g, 'a')}&page=${segment(g, '2')}`
        : `/lightning/r/${object}/${segment(g, account)}/view`;
      return { method: 'GET', path, headers: { cookie: `crm_session=${alice}` }, html: true };
    }
  }
}

async function send(c: Case): Promise<{ status: number; type: string; text: string }> {
  const run = async () => {
    const res = await server.app.request(`http://crm.test${c.path}`, {
      method: c.method,
      headers: c.headers,
      body: c.body,
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    return await Promise.race([run(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe(`fuzzing every endpoint (${CASES} cases, seed ${SEED})`, () => {
  it('never answers 5xx, never hangs, and gives API errors the JSON error shape', async () => {
    const g = createGen(SEED);
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < CASES; i++) {
      const c = makeCase(g);
      const label = `#${i} ${c.method} ${c.path.slice(0, 120)} ${JSON.stringify(c.headers).slice(0, 120)} ${(c.body ?? '').slice(0, 80)}`;
      try {
        const res = await send(c);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) problems.push(`${label} → ${res.status} ${res.text.slice(0, 200)}`);
        else if (res.status >= 400 && !c.html && c.method !== 'HEAD') {
          const parsed = res.type.includes('application/json')
            ? errorBodySchema.safeParse(JSON.parse(res.text))
            : { success: false };
          if (!parsed.success)
            problems.push(`${label} → ${res.status} not the error shape: ${res.text.slice(0, 200)}`);
        }
      } catch (error) {
        problems.push(`${label} → ${String(error)}`);
      }
    }
    expect(problems).toEqual([]);
    // The generator reached past validation too, not only into 400s.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(20);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(50);
    expect(statuses.get(401) ?? 0).toBeGreaterThan(20);
  }, 300_000);

  it('refuses NUL characters (which PostgreSQL text cannot hold) with a 400 wherever they come in', async () => {
    const json = { 'content-type': 'application/json', authorization: `Bearer ${alice}` };
    const cases: Case[] = [
      { method: 'GET', path: '/v1/accounts?query=%00', headers: json },
      { method: 'GET', path: '/v1/accounts?query=north%00wind', headers: json },
      { method: 'GET', path: '/v1/summaries/%00', headers: json },
      { method: 'GET', path: '/v1/deliveries?since=%00', headers: json },
      {
        method: 'POST',
        path: '/v1/feedback',
        headers: json,
        body: JSON.stringify({ requestId, rating: 'up', comment: 'a\u0000b' }),
      },
      {
        method: 'POST',
        path: '/v1/feedback',
        headers: json,
        body: JSON.stringify({ requestId: `${requestId}\u0000`, rating: 'up' }),
      },
      {
        method: 'POST',
        path: '/v1/feedback',
        headers: json,
        body: JSON.stringify({ requestId, rating: 'up', '\u0000': 1 }),
      },
      {
        method: 'POST',
        path: '/v1/summaries',
        headers: json,
        body: JSON.stringify({ accountId: `${account}\u0000` }),
      },
      { method: 'GET', path: `/lightning/r/Case/%00/view`, headers: { cookie: `crm_session=${alice}` } },
      {
        method: 'GET',
        path: `/lightning/r/Account/${account}%00/view`,
        headers: { cookie: `crm_session=${alice}` },
      },
      { method: 'GET', path: '/lightning/o/Account/list?q=%00', headers: { cookie: `crm_session=${alice}` } },
    ];
    for (const c of cases) {
      const res = await send(c);
      expect(res.status, `${c.method} ${c.path} ${c.body ?? ''}`).toBe(400);
      expect(errorBodySchema.parse(JSON.parse(res.text)).error.code).toBe('bad_request');
    }
  });

  it('reads a malformed sign-in form as an empty one (400 page, not a 500)', async () => {
    const res = await send({
      method: 'POST',
      path: '/login',
      headers: { 'content-type': 'multipart/form-data; boundary=x', origin: 'http://crm.test' },
      body: 'user=alice@example.com',
      html: true,
    });
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/text\/html/);
  });
});
