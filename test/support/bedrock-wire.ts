import type { ServerResponse } from 'node:http';
import type { Http2ServerResponse } from 'node:http2';

// The request/response shapes of the local Bedrock server, shared by its core and its model routes.

export interface BedrockCall {
  route: string;
  method: string;
  path: string;
  params: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (undefined when empty or not JSON). */
  body: unknown;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless a string or Buffer. */
  body?: unknown;
}

export type Response = ServerResponse | Http2ServerResponse;
/** Returns a reply, or undefined after writing to `res` itself (streaming responses). */
export type RouteHandler = (
  call: BedrockCall,
  res: Response,
) => Reply | undefined | Promise<Reply | undefined>;

export interface Fault {
  route?: string;
  /** How many requests it applies to (default 1; Infinity for all). */
  times?: number;
  /** Delay before answering (or before the error). */
  latencyMs?: number;
  /** With errorType: answer with this error instead of the route's reply. */
  status?: number;
  errorType?: string;
  message?: string;
}

/** An AWS JSON error: the SDK maps `x-amzn-errortype` to the exception class (ThrottlingException…). */
export function awsError(status: number, errorType: string, message: string): Reply {
  return { status, headers: { 'x-amzn-errortype': errorType }, body: { message } };
}
