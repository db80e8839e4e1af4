import type { Queryable } from '../../data/db.ts';

/**
 * What the account's structured records say its documents should be about. Retrieval queries and
 * filters are built from this, so free text is found through the facts rather than instead of them.
 */
export interface DocumentFocus {
  accountName: string;
  industry: string | null;
  /** Products the account uses, is buying or has trouble with, most pressing first. */
  products: { product: string; weight: number }[];
  /** Names of open deals, subjects of open cases and upcoming meetings: what the seller acts on. */
  topics: string[];
}

interface FocusRow {
  name: string;
  industry: string | null;
  products: { product: string; weight: number }[] | null;
  topics: string[] | null;
}

/**
 * One query, run as the user (RLS applies). Product weights: an ML insight weighs most (3 + score;
 * that is what a next step will be about), then open cases (2), then use or an open deal (1).
 * Returns null when the account is not visible.
 */
export async function fetchDocumentFocus(
  q: Queryable,
  accountId: string,
  now: Date,
): Promise<DocumentFocus | null> {
  const [row] = await q.query<FocusRow>(
    `SELECT a.name, a.industry,
       (SELECT json_agg(json_build_object('product', product, 'weight', weight)
                        ORDER BY weight DESC, product)
          FROM (SELECT product, max(weight)::float8 AS weight FROM (
                  SELECT product, 3 + score AS weight FROM ml_insights
                   WHERE account_id = a.id AND product IS NOT NULL
                  UNION ALL SELECT product, 2 FROM support_cases
                   WHERE account_id = a.id AND status <> 'closed' AND product IS NOT NULL
                  UNION ALL SELECT product, 1 FROM usage_monthly WHERE account_id = a.id
                  UNION ALL SELECT product, 1 FROM opportunities
                   WHERE account_id = a.id AND status IN ('open', 'stalled') AND product IS NOT NULL
                ) facts GROUP BY product) weighted) AS products,
       (SELECT json_agg(topic) FROM (
          SELECT name AS topic FROM opportunities WHERE account_id = a.id AND status IN ('open', 'stalled')
          UNION ALL SELECT subject FROM support_cases WHERE account_id = a.id AND status <> 'closed'
          UNION ALL SELECT subject FROM activities
           WHERE account_id = a.id AND type = 'meeting' AND occurs_at >= $2
        ) t) AS topics
     FROM accounts a WHERE a.id = $1`,
    [accountId, now.toISOString()],
  );
  if (!row) return null;
  return {
    accountName: row.name,
    industry: row.industry,
    products: row.products ?? [],
    topics: row.topics ?? [],
  };
}
