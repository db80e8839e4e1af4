import type { AccountMatch } from '../../shared/api.ts';
import type { Database } from '../data/db.ts';

// Legal-form suffixes a seller's selection often carries ("Northwind Logistics, Inc.").
const LEGAL_SUFFIXES =
  /\b(inc|incorporated|llc|ltd|limited|gmbh|ag|sa|plc|corp|corporation|co|company)\b\.?/g;

/** Lower-cased words of a company name without punctuation or legal suffixes. */
export function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .replace(LEGAL_SUFFIXES, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * Accounts visible to the user (RLS) that match a name, best first: exact name, then the
 * selection containing the whole name, then prefix, then every word of the query in the name.
 */
export async function searchAccounts(
  db: Database,
  userId: string,
  query: string,
  limit = 10,
): Promise<AccountMatch[]> {
  const q = normaliseName(query);
  if (!q) return [];
  const words = q.split(' ').map((w) => `%${escapeLike(w)}%`);
  return db.asUser(userId, async (tx) => {
    const rows = await tx.query<AccountMatch>(
      `WITH c AS (
         SELECT id, name, industry, website, billing_city AS city, billing_country AS country,
                trim(regexp_replace(regexp_replace(lower(name), '[^[:alnum:]&]+', ' ', 'g'),
                  '\\m(inc|incorporated|llc|ltd|limited|gmbh|ag|sa|plc|corp|corporation|co|company)\\M', ' ', 'g')) AS norm
           FROM accounts)
       SELECT id, name, industry, website, city, country,
              CASE WHEN regexp_replace(norm, '\\s+', ' ', 'g') = $1 THEN 1.0
                   WHEN $1 LIKE '%' || regexp_replace(norm, '\\s+', ' ', 'g') || '%' THEN 0.9
                   WHEN norm LIKE $2 || '%' THEN 0.8
                   ELSE 0.5 END::float8 AS score
         FROM c
        WHERE norm LIKE ALL ($3::text[])
           OR $1 LIKE '%' || regexp_replace(norm, '\\s+', ' ', 'g') || '%'
        ORDER BY score DESC, length(name), name
        LIMIT $4`,
      [q, escapeLike(q), words, limit],
    );
    return rows;
  });
}
