import { createHash } from 'node:crypto';
import type { Database } from '../server/data/db.ts';
import { rng } from './stats.ts';

// biome-ignore format: word lists read best packed
const TOPICS = ['storage', 'archive', 'compute', 'migration', 'database', 'analytics', 'warehouse', 'security', 'audit', 'identity', 'network', 'latency', 'support', 'escalation', 'renewal', 'discount', 'pricing', 'contract', 'credits', 'program', 'kubernetes', 'serverless', 'backup', 'replication', 'residency', 'compliance', 'forecast', 'budget', 'expansion', 'churn', 'onboarding', 'training', 'partner', 'marketplace', 'invoice', 'billing', 'outage', 'incident', 'roadmap', 'feature'];
// biome-ignore format: word lists read best packed
const FILLER = ['the', 'team', 'reviewed', 'plans', 'for', 'next', 'quarter', 'with', 'customer', 'asked', 'about', 'options', 'and', 'timeline', 'agreed', 'follow', 'up', 'meeting', 'notes', 'summary', 'decision', 'owner', 'risk', 'update', 'status'];
const KINDS = ['news', 'filing', 'meeting_note'] as const;

export interface CorpusOptions {
  chunks: number;
  accounts: number;
  /** Share of chunks in the global knowledge base (account_id NULL). */
  globalShare: number;
  seed: number;
}

export const accountId = (i: number) => `bench-acc-${String(i).padStart(6, '0')}`;

/** A query of 2–4 topic words, like a section's retrieval query. */
export function queryText(random: () => number): string {
  const n = 2 + Math.floor(random() * 3);
  return Array.from({ length: n }, () => TOPICS[Math.floor(random() * TOPICS.length)]).join(' ');
}

/**
 * Writes users/accounts/access and `count` short documents (one chunk each) starting at `from`:
 * ~60 words mixing a few topic words with filler, spread evenly over the accounts.
 */
export async function insertDocuments(db: Database, options: CorpusOptions, from: number, count: number) {
  const random = rng(options.seed + from);
  const rows: unknown[][] = [];
  for (let i = from; i < from + count; i++) {
    const global = random() < options.globalShare;
    const words: string[] = [];
    for (let w = 0; w < 60; w++) {
      words.push(
        random() < 0.3
          ? TOPICS[Math.floor(random() * TOPICS.length)]!
          : FILLER[Math.floor(random() * FILLER.length)]!,
      );
    }
    const body = `${words.join(' ')}. Reference ${i}.`;
    rows.push([
      `bench-doc-${i}`,
      global ? null : accountId(i % options.accounts),
      global ? 'kb' : KINDS[i % KINDS.length],
      `Document ${i}`,
      new Date(Date.UTC(2024, 0, 1) + (i % 365) * 86_400_000).toISOString(),
      body,
      createHash('sha256').update(body).digest('hex'),
    ]);
  }
  const col = (j: number) => rows.map((r) => r[j]);
  await db.asSystem((q) =>
    q.query(
      `INSERT INTO documents (id, account_id, kind, title, published_at, body, content_hash)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[])`,
      [col(0), col(1), col(2), col(3), col(4), col(5), col(6)],
    ),
  );
}

/** The bench user, every account (owned by it) and access to `visible` of them. */
export async function insertAccounts(db: Database, user: string, accounts: number, visible: number) {
  const ids = Array.from({ length: accounts }, (_, i) => accountId(i));
  await db.asSystem(async (q) => {
    await q.query("INSERT INTO users VALUES ($1, 'Bench', 'AE', 'seller')", [user]);
    await q.query(
      `INSERT INTO accounts (id, name, owner_id, created_at, updated_at) SELECT id, id, $2, now(), now() FROM unnest($1::text[]) id`,
      [ids, user],
    );
    // Every k-th account, so the visible ones are spread through the table.
    const step = Math.max(1, Math.floor(accounts / visible));
    const seen = ids.filter((_, i) => i % step === 0).slice(0, visible);
    await q.query('INSERT INTO account_access SELECT $1, a FROM unnest($2::text[]) a', [user, seen]);
  });
  return ids.filter((_, i) => i % Math.max(1, Math.floor(accounts / visible)) === 0).slice(0, visible);
}
