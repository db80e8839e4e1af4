import type { z } from 'zod';
import type { ErrorBody, errorCodeSchema } from '../../shared/api.ts';

type ErrorCode = z.infer<typeof errorCodeSchema>;

const STATUS: Record<ErrorCode, 400 | 401 | 404 | 413 | 429 | 500 | 503> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

/** Thrown by handlers and services; the app's one onError maps it to `{error:{code,message}}`. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what = 'resource') =>
  // "unknown" and "not permitted" share one message so a caller cannot probe for existence.
  new ApiError('not_found', `${what} not found`);

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

/** Turns zod issues into one readable sentence naming each field. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((i) => {
      const field = i.path.length ? i.path.join('.') : 'body';
      return `${field}: ${i.message}`;
    })
    .join('; ');
}
