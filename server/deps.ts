import type { SectionId } from '../shared/sections.ts';
import type { TokenVerifier } from './auth/middleware.ts';
import type { Database } from './data/db.ts';

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
}
