import type { Queryable } from '../../data/db.ts';
import type { SourceRegistry } from '../sources.ts';

/** What a fact builder needs: the as-of date for relative figures and the section's source list. */
export interface FactContext {
  accountId: string;
  /** 'YYYY-MM-DD' */
  asOf: string;
  now: Date;
  sources: SourceRegistry;
}

/** Reads one kind of fact in the section's transaction (RLS applies), returning raw rows. */
export type FactFetcher<R> = (q: Queryable, accountId: string, now: Date) => Promise<R>;
