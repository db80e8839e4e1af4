import type { Limiter } from './concurrency.ts';
import type { ModelTier } from './engine.ts';
import type { RetryPolicy } from './retry.ts';

/** What every engine that calls a hosted model takes, whatever the provider's wire format. */
export interface ModelEngineOptions {
  /** Model id (or inference profile id) per prompt tier. */
  models: Record<ModelTier, string>;
  /** Limit of one call, stream included (default 30 s); a timed-out call is retried. */
  timeoutMs?: number;
  /** Calls per section write, retries included (default 3). */
  maxAttempts?: number;
  /** Calls in flight at once across all requests, or a limiter shared with other engines (default 4). */
  concurrency?: number | Limiter;
  /** Streamed answers (default) or one answer per call. */
  stream?: boolean;
  /** Full-jitter backoff between retries (default base 500 ms, cap 8 s). */
  backoff?: Partial<Omit<RetryPolicy, 'maxAttempts'>>;
  /** Sampling temperature (default 0.2: close to the facts, little variation). */
  temperature?: number;
}
