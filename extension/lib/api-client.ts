import type { z } from 'zod';
import {
  type AccountMatch,
  accountSearchResponseSchema,
  type CreateSummaryRequest,
  createSummaryResponseSchema,
  deliveriesResponseSchema,
  errorBodySchema,
  type FeedbackRequest,
  type SummaryResponse,
  summaryResponseSchema,
} from '../../shared/api.ts';

/** What went wrong, in the terms the panel shows to a seller. */
export type FailureKind =
  | 'signed-out'
  | 'not-found'
  | 'offline'
  | 'rate-limited'
  | 'bad-request'
  | 'server'
  | 'bad-response';

export class ApiFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export interface ApiClientOptions {
  backendUrl: string;
  token: string;
  fetch?: typeof fetch;
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** A typed client for the /v1 API; every failure becomes an ApiFailure (aborts pass through). */
export function createApiClient({ backendUrl, token, fetch: fetchImpl }: ApiClientOptions) {
  const base = backendUrl.replace(/\/+$/, '');
  // Called unbound, window.fetch throws "Illegal invocation"; wrap it instead of storing it.
  const doFetch = fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function request(path: string, init: RequestInit, accept = 'application/json'): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(`${base}/v1${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: accept },
      });
    } catch (error) {
      throw failureFromError(error);
    }
    if (!response.ok) throw failureFromResponse(response.status, await response.json().catch(() => null));
    return response;
  }

  async function call<T>(path: string, schema: z.ZodType<T> | null, init: RequestInit = {}): Promise<T> {
    const response = await request(path, init);
    if (!schema) return undefined as T;
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success)
      throw new ApiFailure('bad-response', 'The server sent a reply the panel cannot read.');
    return parsed.data;
  }

  const post = (body: unknown, signal?: AbortSignal): RequestInit => ({
    method: 'POST',
    body: JSON.stringify(body),
    signal,
  });

  return {
    createSummary: (body: CreateSummaryRequest, signal?: AbortSignal) =>
      call('/summaries', createSummaryResponseSchema, post(body, signal)),
    getSummary: (requestId: string, signal?: AbortSignal): Promise<SummaryResponse> =>
      call(`/summaries/${encodeURIComponent(requestId)}`, summaryResponseSchema, { signal }),
    searchAccounts: async (query: string, signal?: AbortSignal): Promise<AccountMatch[]> =>
      (await call(`/accounts?query=${encodeURIComponent(query)}`, accountSearchResponseSchema, { signal }))
        .accounts,
    sendFeedback: (body: FeedbackRequest): Promise<void> => call<void>('/feedback', null, post(body)),
    /** Briefs delivered before the caller's meetings, oldest first (background notifications). */
    listDeliveries: (query: { since?: string; limit?: number } = {}, signal?: AbortSignal) => {
      const params = new URLSearchParams();
      if (query.since) params.set('since', query.since);
      if (query.limit) params.set('limit', String(query.limit));
      const search = params.toString();
      return call(`/deliveries${search ? `?${search}` : ''}`, deliveriesResponseSchema, {
        signal,
        cache: 'no-store',
      });
    },
    /**
     * The summary's server-sent events as a byte stream. fetch rather than EventSource, which
     * cannot send the Authorization header; a reply that is not an event stream is a failure.
     */
    openSummaryEvents: async (
      requestId: string,
      signal?: AbortSignal,
    ): Promise<ReadableStream<Uint8Array>> => {
      const path = `/summaries/${encodeURIComponent(requestId)}/events`;
      const response = await request(path, { signal, cache: 'no-store' }, 'text/event-stream');
      const type = response.headers.get('content-type') ?? '';
      if (!response.body || !type.startsWith('text/event-stream')) {
        await response.body?.cancel().catch(() => undefined);
        throw new ApiFailure('bad-response', 'The server did not answer with an event stream.');
      }
      return response.body;
    },
  };
}

/** Maps an HTTP error status (and its `{error}` body when present) to a failure. */
export function failureFromResponse(status: number, body: unknown): ApiFailure {
  const parsed = errorBodySchema.safeParse(body);
  const message = parsed.success ? parsed.data.error.message : `HTTP ${status}`;
  if (status === 401) return new ApiFailure('signed-out', message, status);
  // 404 means unknown *or* not permitted; the server keeps the two indistinguishable on purpose.
  if (status === 404) return new ApiFailure('not-found', message, status);
  if (status === 429) return new ApiFailure('rate-limited', message, status);
  if (status >= 500) return new ApiFailure('server', message, status);
  return new ApiFailure('bad-request', message, status);
}

/** fetch rejects with a TypeError when the server cannot be reached at all. */
export function failureFromError(error: unknown): unknown {
  if (isAbort(error)) return error;
  if (error instanceof TypeError) return new ApiFailure('offline', 'The server could not be reached.');
  return error;
}

export const isAbort = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';
