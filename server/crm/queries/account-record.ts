import type { Database } from '../../data/db.ts';
import type {
  AccountRow,
  ActivityRow,
  CaseRow,
  ContactRow,
  DocumentRow,
  FeatureRequestRow,
  InsightRow,
  InvestmentRow,
  OpportunityRow,
  UsageRow,
} from './rows.ts';

/** Everything the account record page shows. */
export interface AccountRecord {
  account: AccountRow;
  contacts: ContactRow[];
  opportunities: OpportunityRow[];
  activities: ActivityRow[];
  usage: UsageRow[];
  cases: CaseRow[];
  investments: InvestmentRow[];
  featureRequests: FeatureRequestRow[];
  insights: InsightRow[];
  documents: DocumentRow[];
}

/**
 * Reads one account and its related records as the user, in one transaction: RLS returns nothing
 * for an account they may not see, which the caller shows as the same 404 as an unknown id.
 */
export function loadAccountRecord(db: Database, userId: string, id: string): Promise<AccountRecord | null> {
  return db.asUser(userId, async (q) => {
    const [account] = await q.query<AccountRow>('SELECT * FROM accounts WHERE id = $1', [id]);
    if (!account) return null;
    const rows = <T>(sql: string) => q.query<T>(sql, [id]);
    return {
      account,
      contacts: await rows<ContactRow>(
        'SELECT * FROM contacts WHERE account_id = $1 ORDER BY is_primary DESC, name',
      ),
      opportunities: await rows<OpportunityRow>(
        `SELECT * FROM opportunities WHERE account_id = $1
         ORDER BY (status IN ('open', 'stalled')) DESC, close_date DESC`,
      ),
      activities: await rows<ActivityRow>(
        `SELECT a.*, c.name AS contact_name FROM activities a
         LEFT JOIN contacts c ON c.id = a.contact_id
         WHERE a.account_id = $1 ORDER BY a.occurs_at DESC`,
      ),
      // The last 12 months the account has data for, per product.
      usage: await rows<UsageRow>(
        `SELECT product, month, units, unit, spend FROM usage_monthly
         WHERE account_id = $1
           AND month > (SELECT max(month) FROM usage_monthly WHERE account_id = $1) - interval '12 months'
         ORDER BY month DESC, product`,
      ),
      cases: await rows<CaseRow>(
        `SELECT * FROM support_cases WHERE account_id = $1
         ORDER BY (status <> 'closed') DESC, opened_at DESC`,
      ),
      investments: await rows<InvestmentRow>(
        'SELECT * FROM investments WHERE account_id = $1 ORDER BY starts_on DESC',
      ),
      featureRequests: await rows<FeatureRequestRow>(
        'SELECT * FROM feature_requests WHERE account_id = $1 ORDER BY requested_at DESC',
      ),
      insights: await rows<InsightRow>(
        'SELECT * FROM ml_insights WHERE account_id = $1 ORDER BY computed_at DESC, score DESC',
      ),
      documents: await rows<DocumentRow>(
        `SELECT id, account_id, kind, title, url, source, product, published_at, '' AS body
         FROM documents WHERE account_id = $1 ORDER BY published_at DESC`,
      ),
    };
  });
}
