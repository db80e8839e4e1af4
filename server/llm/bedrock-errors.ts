import { EngineError } from './engine.ts';

/** Bedrock exceptions worth another try: capacity, throttling and transient faults. */
const RETRYABLE = new Set([
  'ThrottlingException',
  'ServiceUnavailableException',
  'ModelNotReadyException',
  'ModelTimeoutException',
  'InternalServerException',
  'ModelStreamErrorException',
]);

const MESSAGES: Record<string, string> = {
  ThrottlingException: 'Bedrock is throttling requests to {model}',
  ServiceUnavailableException: 'Bedrock is unavailable',
  ModelNotReadyException: 'model {model} is not ready yet',
  ModelTimeoutException: 'model {model} took too long to answer',
  ModelStreamErrorException: 'model {model} failed while streaming its answer',
  InternalServerException: 'Bedrock had an internal error',
  AccessDeniedException: 'access to model {model} was denied (check IAM permissions and model access)',
  ResourceNotFoundException: 'model {model} was not found in this region',
  ValidationException: 'Bedrock rejected the request to {model} as invalid',
  ServiceQuotaExceededException: 'the Bedrock quota for {model} is used up',
  ModelErrorException: 'model {model} failed to process the request',
};

/** A call that took longer than its limit: retryable, the next try may be faster. */
export function timeoutError(modelId: string, ms: number, cause?: unknown): EngineError {
  return new EngineError(`model ${modelId} did not answer within ${ms} ms`, { retryable: true, cause });
}

const PROGRAMMING_ERRORS = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError']);

export interface CallContext {
  modelId: string;
  /** Our per-call timeout fired (ms), as opposed to the caller abandoning the request. */
  timedOutAfterMs?: number;
  /** The caller's signal aborted. */
  cancelled?: boolean;
}

/**
 * Maps whatever a Converse call threw to an EngineError with a message of our own (model id,
 * exception name, HTTP status: never the service's text, which could echo the request) and the
 * retry decision. The original error stays as `cause` for debugging; it is not logged.
 */
export function toEngineError(error: unknown, context: CallContext): EngineError {
  if (context.cancelled) return new EngineError('the request was cancelled', { cause: error });
  if (context.timedOutAfterMs !== undefined)
    return timeoutError(context.modelId, context.timedOutAfterMs, error);
  if (error instanceof EngineError) return error;
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const name = typeof e?.name === 'string' ? e.name : 'Error';
  const status = e?.$metadata?.httpStatusCode;
  const template = MESSAGES[name];
  if (template || status !== undefined) {
    const retryable = RETRYABLE.has(name) || status === 429 || (status !== undefined && status >= 500);
    const text = (template ?? `Bedrock answered ${name}`).replace('{model}', context.modelId);
    return new EngineError(`${text} (${name}${status ? `, HTTP ${status}` : ''})`, {
      retryable,
      cause: error,
    });
  }
  // A bug of ours (or of the SDK) will not go away by retrying.
  if (PROGRAMMING_ERRORS.has(name)) {
    return new EngineError(`the Bedrock call failed unexpectedly (${name})`, { cause: error });
  }
  // No AWS metadata: the connection failed (refused, reset, socket timeout) before an answer.
  const code = typeof e?.code === 'string' ? e.code : name;
  return new EngineError(`could not reach Bedrock (${code})`, { retryable: true, cause: error });
}
