import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it (faulted ones included). */
export interface SlackCall {
  method: string;
  headers: IncomingHttpHeaders;
  contentType: string;
  /** The token from `Authorization: Bearer …` or the `token` argument. */
  token: string | null;
  /** Arguments, form- or JSON-decoded; `blocks`, `attachments` and `metadata` parsed from JSON. */
  args: Record<string, unknown>;
  /** HTTP status and `error` of the answer (null when ok). */
  status: number;
  error: string | null;
}

/** A message chat.postMessage accepted. */
export interface SlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  /** The conversation requested: a user id (a DM) or a channel id. */
  requested: string;
}

export interface SlackFault {
  /** Web API method it applies to (all when unset), e.g. 'chat.postMessage'. */
  method?: string;
  /** How many matching requests it affects (default 1). */
  times?: number;
  /** 429 (rate limited: Retry-After header) or 5xx; 200 with `error` = a platform error. */
  status?: number;
  retryAfterSeconds?: number;
  /** The `error` of an `{ok:false}` answer, e.g. 'internal_error', 'channel_not_found'. */
  error?: string;
}

export interface SlackServer {
  /** The Web API base URL, for `new WebClient(token, { slackApiUrl })`. */
  apiUrl: string;
  calls: SlackCall[];
  messages: SlackMessage[];
  /** Bot tokens it accepts; any other is answered `invalid_auth`. */
  tokens: Set<string>;
  /** Users a DM can go to; any other user id is answered `channel_not_found`. */
  users: Set<string>;
  inject(fault: SlackFault): void;
  /** Shortcut: HTTP 429 with Retry-After for the next `times` calls of `method`. */
  rateLimit(method?: string, times?: number, retryAfterSeconds?: number): void;
  reset(): void;
  close(): Promise<void>;
}

export const TEST_BOT_TOKEN = 'xoxb-test-0000-bot-token';
const JSON_ARGS = new Set(['blocks', 'attachments', 'metadata']);
const SECTION_TEXT_LIMIT = 3000;

function decodeArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = JSON_ARGS.has(key) ? JSON.parse(value) : value;
  }
  return args;
}

/** Slack answers `invalid_blocks` for these; the checks here are the limits a brief could hit. */
function blocksProblem(blocks: unknown): string | null {
  if (!Array.isArray(blocks)) return 'blocks must be an array';
  if (blocks.length > 50) return 'no more than 50 items allowed';
  for (const block of blocks as { type?: string; text?: { text?: string } }[]) {
    if (typeof block?.type !== 'string') return 'missing required field: type';
    if ((block.text?.text?.length ?? 0) > SECTION_TEXT_LIMIT) return 'must be less than 3001 characters';
  }
  return null;
}

/**
 * A local server speaking Slack's Web API for the real `@slack/web-api` client: `POST /api/{method}`
 * with form- or JSON-encoded arguments and a Bearer token, answering `{ok:true,…}` or `{ok:false,
 * error}` like Slack (HTTP 200), and HTTP 429 with Retry-After when rate limited. Methods:
 * auth.test and chat.postMessage (to a user id: a DM, answered with a D… channel).
 */
export async function startSlackServer(): Promise<SlackServer> {
  const calls: SlackCall[] = [];
  const messages: SlackMessage[] = [];
  const faults: (SlackFault & { left: number })[] = [];
  let seq = 0;

  function answer(method: string, token: string | null, args: Record<string, unknown>): [number, object] {
    if (!token) return [200, { ok: false, error: 'not_authed' }];
    if (!server.tokens.has(token)) return [200, { ok: false, error: 'invalid_auth' }];
    if (method === 'auth.test') {
      return [
        200,
        {
          ok: true,
          url: 'https://test.slack.com/',
          team: 'Test',
          user: 'briefs',
          team_id: 'T0TEST',
          user_id: 'U0BOT',
          bot_id: 'B0BOT',
        },
      ];
    }
    if (method !== 'chat.postMessage') return [200, { ok: false, error: 'unknown_method' }];
    const requested = String(args.channel ?? '');
    if (!requested) return [200, { ok: false, error: 'channel_not_found' }];
    if (requested.startsWith('U') && !server.users.has(requested))
      return [200, { ok: false, error: 'channel_not_found' }];
    const blocks = args.blocks ?? [];
    const problem = blocksProblem(blocks);
    if (problem) return [200, { ok: false, error: 'invalid_blocks', errors: [problem] }];
    const text = String(args.text ?? '');
    if (!text && !(blocks as unknown[]).length) return [200, { ok: false, error: 'no_text' }];
    const channel = requested.startsWith('U') ? `D${requested.slice(1)}` : requested;
    const ts = `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`;
    messages.push({ channel, ts, text, blocks: blocks as unknown[], requested });
    return [
      200,
      {
        ok: true,
        channel,
        ts,
        message: { type: 'message', user: 'U0BOT', bot_id: 'B0BOT', text, blocks, ts },
      },
    ];
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const contentType = String(req.headers['content-type'] ?? '');
    const method = (req.url ?? '').split('?')[0]!.replace(/^\/api\//, '');
    const args = decodeArgs(Buffer.concat(chunks).toString('utf8'), contentType);
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const token = bearer ?? (typeof args.token === 'string' ? args.token : null);
    const fault = faults.find((f) => f.left > 0 && (!f.method || f.method === method));
    let status: number;
    let body: object;
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (fault) {
      fault.left--;
      status = fault.status ?? 200;
      body = { ok: false, error: fault.error ?? (status === 429 ? 'ratelimited' : 'internal_error') };
      if (status === 429) headers['retry-after'] = String(fault.retryAfterSeconds ?? 1);
    } else if (req.method !== 'POST') {
      [status, body] = [405, { ok: false, error: 'method_not_supported_for_channel_type' }];
    } else [status, body] = answer(method, token, args);
    const error = 'error' in body ? String(body.error) : null;
    calls.push({ method, headers: req.headers, contentType, token, args, status, error });
    res.writeHead(status, headers);
    res.end(JSON.stringify(body));
  }

  const http = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  const { port } = http.address() as AddressInfo;

  const server: SlackServer = {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls,
    messages,
    tokens: new Set([TEST_BOT_TOKEN]),
    users: new Set(['U0ALICE', 'U0BOB', 'U0MARIA', 'U0CAROL']),
    inject: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    rateLimit: (method, times = 1, retryAfterSeconds = 1) =>
      server.inject({ method, times, status: 429, retryAfterSeconds }),
    reset() {
      calls.length = 0;
      messages.length = 0;
      faults.length = 0;
    },
    close: () =>
      new Promise((done) => {
        http.closeAllConnections();
        http.close(() => done());
      }),
  };
  return server;
}
