import type { Database } from '../../data/db.ts';
import type {
  ActivityRow,
  CaseRow,
  ContactRow,
  DocumentRow,
  FeatureRequestRow,
  InsightRow,
  InvestmentRow,
  OpportunityRow,
  WithAccount,
} from './rows.ts';

/** The record types a citation can link to (besides Account), keyed by Lightning object name. */
export interface ChildRecords {
  Contact: ContactRow;
  Opportunity: OpportunityRow;
  Event: ActivityRow;
  Case: CaseRow;
  Investment__c: InvestmentRow;
  Feature_Request__c: FeatureRequestRow;
  Insight__c: InsightRow;
  Document: DocumentRow;
}
export type ChildObject = keyof ChildRecords;

// Fixed SQL per object (never built from the URL). Inner joins: a row whose account the user may
// not see is filtered by RLS on both tables. Documents join LEFT because KB articles are global.
const SQL: Record<ChildObject, string> = {
  Contact:
    'SELECT r.*, a.name AS account_name FROM contacts r JOIN accounts a ON a.id = r.account_id WHERE r.id = $1',
  Opportunity:
    'SELECT r.*, a.name AS account_name FROM opportunities r JOIN accounts a ON a.id = r.account_id WHERE r.id = $1',
  Event: `SELECT r.*, a.name AS account_name, c.name AS contact_name FROM activities r
          JOIN accounts a ON a.id = r.account_id LEFT JOIN contacts c ON c.id = r.contact_id WHERE r.id = $1`,
  Case: 'SELECT r.*, a.name AS account_name FROM support_cases r JOIN accounts a ON a.id = r.account_id WHERE r.id = $1',
  Investment__c:
    'SELECT r.*, a.name AS account_name FROM investments r JOIN accounts a ON a.id = r.account_id WHERE r.id = $1',
  Feature_Request__c:
    'SELECT r.*, a.name AS account_name FROM feature_requests r JOIN accounts a ON a.id = r.account_id WHERE r.id = $1',
  Insight__c:
    'SELECT r.*, a.name AS account_name FROM ml_insights r JOIN accounts a ON a.id = r.account_id WHERE r.id = $1',
  Document: `SELECT r.id, r.account_id, r.kind, r.title, r.url, r.source, r.product, r.published_at, r.body,
             a.name AS account_name FROM documents r LEFT JOIN accounts a ON a.id = r.account_id WHERE r.id = $1`,
};

export function isChildObject(object: string): object is ChildObject {
  return Object.hasOwn(SQL, object);
}

/** One record as the user sees it (RLS), or null when it does not exist or is not visible. */
export async function loadChildRecord<O extends ChildObject>(
  db: Database,
  userId: string,
  object: O,
  id: string,
): Promise<WithAccount<ChildRecords[O]> | null> {
  const [row] = await db.asUser(userId, (q) => q.query<WithAccount<ChildRecords[O]>>(SQL[object], [id]));
  return row ?? null;
}
