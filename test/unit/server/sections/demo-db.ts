import { type Database, openDatabase } from '../../../../server/data/db.ts';
import { accountId } from '../../../../server/data/demo/ids.ts';
import { seedDemo } from '../../../../server/data/demo/seed.ts';
import { ownerOf } from '../../../../server/data/demo/users.ts';

export const PUBLIC_URL = 'http://127.0.0.1:8787';
export const DEMO_ACCOUNTS = 6;

/** The seeded demo accounts with the seller who owns (and so may see) each. */
export const ACCOUNTS = Array.from({ length: DEMO_ACCOUNTS }, (_, i) => ({
  id: accountId(i + 1),
  owner: ownerOf(i + 1),
}));

/** An in-memory database with the demo data; opening one takes seconds, so share it per file. */
export async function openDemoDatabase(): Promise<Database> {
  const db = await openDatabase({ memory: true });
  await seedDemo(db, { accounts: DEMO_ACCOUNTS });
  return db;
}
