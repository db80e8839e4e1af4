import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';
import { type ConverseControls, converseRoutes } from './bedrock-converse.ts';
import { invokeModel, rerank } from './bedrock-models.ts';
import {
  awsError,
  type BedrockCall,
  type Fault,
  type Reply,
  type Response,
  type RouteHandler,
} from './bedrock-wire.ts';
import { listenHttp1AndH2c } from './http1-and-h2c.ts';

export type {
  ConverseControls,
  ConverseRequest,
  ConverseResponder,
  ConverseScript,
} from './bedrock-converse.ts';
export type { BedrockCall, Fault, Reply, Response, RouteHandler } from './bedrock-wire.ts';
export { awsError } from './bedrock-wire.ts';

/**
 * A local server speaking Amazon Bedrock's wire protocol (REST-JSON, AWS error headers) for the
 * real AWS SDK clients: point `endpoint` at `url`. One port serves both HTTP/2 cleartext (the
 * SDK's default NodeHttp2Handler) and HTTP/1.1 (NodeHttpHandler). Routes so far:
 *   invoke-model   POST /model/{modelId}/invoke   (Titan Text Embeddings v2 JSON)
 *   rerank         POST /rerank                   (bedrock-agent-runtime Rerank)
 *   converse       POST /model/{modelId}/converse         (JSON)
 *   converse-stream POST /model/{modelId}/converse-stream (application/vnd.amazon.eventstream)
 * More are added with `route()`; `converse` scripts the stand-in chat models.
 */
export interface BedrockServer {
  url: string;
  /** Every request received, oldest first (including faulted ones). */
  calls: BedrockCall[];
  /** TCP connections accepted so far. */
  connections(): number;
  /** Adds or replaces a route; `path` may hold `{param}` segments (matched URL-decoded). */
  route(name: string, method: string, path: string, handler: RouteHandler): void;
  /** Queues a fault for the next `times` matching requests (all routes when `route` is unset). */
  inject(fault: Fault): void;
  /** Shortcut: HTTP 429 ThrottlingException for the next `times` requests to `route`. */
  throttle(route?: string, times?: number): void;
  /** Scripts the Converse / ConverseStream models: answers, latency, stream faults, hangs. */
  converse: ConverseControls;
  /** Forgets recorded calls, pending faults and Converse scripts. */
  reset(): void;
  close(): Promise<void>;
}

interface Route {
  name: string;
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: RouteHandler;
}

export async function startBedrockServer(
  options: { keepAliveTimeoutMs?: number } = {},
): Promise<BedrockServer> {
  const routes = new Map<string, Route>();
  const faults: (Fault & { left: number })[] = [];
  const calls: BedrockCall[] = [];
  const chat = converseRoutes();

  async function handle(req: IncomingMessage | Http2ServerRequest, res: Response) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '/').split('?')[0]!;
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = undefined;
    }
    const match = [...routes.values()].find((r) => r.method === req.method && r.pattern.test(path));
    const params: Record<string, string> = {};
    if (match) {
      const values = match.pattern.exec(path)!.slice(1);
      match.keys.forEach((k, i) => {
        params[k] = decodeURIComponent(values[i]!);
      });
    }
    const call: BedrockCall = {
      route: match?.name ?? 'unknown',
      method: req.method ?? '',
      path,
      params,
      headers: req.headers,
      body,
    };
    calls.push(call);
    const fault = faults.find((f) => f.left > 0 && (!f.route || f.route === call.route));
    if (fault) fault.left--;
    if (fault?.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
    let reply: Reply | undefined;
    if (fault?.errorType)
      reply = awsError(fault.status ?? 500, fault.errorType, fault.message ?? fault.errorType);
    else if (!match) reply = awsError(404, 'UnknownOperationException', `no route for ${req.method} ${path}`);
    else {
      try {
        reply = await match.handler(call, res);
      } catch (error) {
        reply = awsError(500, 'InternalServerException', String(error));
      }
    }
    if (!reply) return;
    const payload =
      typeof reply.body === 'string' || Buffer.isBuffer(reply.body)
        ? reply.body
        : JSON.stringify(reply.body ?? {});
    res.writeHead(reply.status ?? 200, {
      'content-type': 'application/json',
      'x-amzn-requestid': createHash('sha1').update(String(calls.length)).digest('hex').slice(0, 32),
      ...reply.headers,
    });
    res.end(payload);
  }

  const onRequest = (req: IncomingMessage | Http2ServerRequest, res: Response) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  };
  const listener = await listenHttp1AndH2c(onRequest, options);

  const server: BedrockServer = {
    url: `http://127.0.0.1:${listener.port}`,
    calls,
    connections: () => listener.connections(),
    route(name, method, path, handler) {
      const keys: string[] = [];
      const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, key: string) => {
        keys.push(key);
        return '([^/]+)';
      });
      routes.set(name, { name, method, pattern: new RegExp(`^${source}$`), keys, handler });
    },
    inject: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    throttle: (route, times = 1) =>
      server.inject({
        route,
        times,
        status: 429,
        errorType: 'ThrottlingException',
        message: 'Too many requests, please wait before trying again.',
      }),
    converse: chat.controls,
    reset: () => {
      calls.length = 0;
      faults.length = 0;
      chat.controls.reset();
    },
    close: () => listener.close(),
  };
  server.route('invoke-model', 'POST', '/model/{modelId}/invoke', invokeModel);
  server.route('rerank', 'POST', '/rerank', rerank);
  server.route('converse', 'POST', '/model/{modelId}/converse', chat.converse);
  server.route('converse-stream', 'POST', '/model/{modelId}/converse-stream', chat.converseStream);
  return server;
}
