import type { SectionId } from '../shared/sections.ts';
import type { TokenVerifier } from './auth/middleware.ts';
import type { Database } from './data/db.ts';
import type { RateLimits } from './http/rate-limit.ts';
import type { Logger } from './observability/logger.ts';
import type { Metrics } from './observability/metrics.ts';

export interface GenerateInput {
  requestId: string;
  userId: string;
  accountId: string;
  sections: SectionId[];
}

/** Everything the HTTP layer needs, built once at start-up (index.ts) or by a test. */
export interface AppDeps {
  db: Database;
  verifyToken: TokenVerifier;
  /** Starts generating a recorded request; must never reject (failures are recorded per section). */
  generate: (input: GenerateInput) => Promise<void>;
  summaryTtlSeconds: number;
  publicUrl: string;
  devSecret: string;
  /** Largest accepted request body in bytes. */
  maxBodyBytes?: number;
  /** Structured logger (default: JSON lines on stdout at level info). */
  logger?: Logger;
  /** This app's Prometheus registry and instruments (default: a fresh one). */
  metrics?: Metrics;
  /** Opens GET /metrics to `Authorization: Bearer <token>`; unset = loopback connections only. */
  metricsToken?: string;
  /** Per-user request limits (default: none). */
  rateLimits?: RateLimits;
  /** Exact extension origins granted CORS; unset = any chrome-extension:// or moz-extension:// origin. */
  extensionOrigins?: readonly string[];
}
