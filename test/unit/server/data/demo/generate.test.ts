import { describe, expect, it } from 'vitest';
import { generateAccount } from '../../../../../server/data/demo/account.ts';
import {
  generateAccountBundles,
  generateDemoData,
  resolveDemoOptions,
} from '../../../../../server/data/demo/generate.ts';
import { SF_ID_PATTERN } from '../../../../../server/data/demo/ids.ts';
import { DEMO_TABLES } from '../../../../../server/data/demo/tables.ts';
import type { DemoData } from '../../../../../server/data/demo/types.ts';

const anchor = new Date('2025-06-15T12:34:56Z');
const data = generateDemoData({ anchor });
const perAccount = <T extends { account_id: string | null }>(rows: readonly T[]) => {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.account_id) counts.set(r.account_id, (counts.get(r.account_id) ?? 0) + 1);
  return data.accounts.map((a) => counts.get(a.id) ?? 0);
};

describe('generateDemoData', () => {
  it('is deterministic: the same options give byte-identical output', () => {
    const again = generateDemoData({ anchor: new Date('2025-06-15T23:59:00Z') });
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
  });

  it('changes with the seed and with the anchor day', () => {
    const other = generateDemoData({ anchor, seed: 7 });
    expect(other.accounts.length).toBe(48);
    expect(JSON.stringify(other.contacts)).not.toBe(JSON.stringify(data.contacts));
    const later = generateDemoData({ anchor: new Date('2025-06-16T00:00:00Z') });
    expect(later.activities[0]!.occurs_at).not.toBe(data.activities[0]!.occurs_at);
  });

  it('defaults to 48 accounts, seed 42 and today at midnight UTC', () => {
    const resolved = resolveDemoOptions();
    expect(resolved.accounts).toBe(48);
    expect(resolved.seed).toBe(42);
    expect(resolved.anchor.toISOString()).toBe(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
    expect(() => resolveDemoOptions({ accounts: -1 })).toThrow(/accounts/);
  });

  it('generates account n identically whatever the total count (O(1) per account)', () => {
    const small = generateDemoData({ anchor, accounts: 5 });
    expect(small.accounts).toEqual(data.accounts.slice(0, 5));
    expect(generateAccount(3, 42, resolveDemoOptions({ anchor }).anchor).contacts).toEqual(
      data.contacts.filter((c) => c.account_id === data.accounts[2]!.id),
    );
  });

  it('keys every row exactly by the columns of its table', () => {
    for (const { table, columns } of DEMO_TABLES) {
      const names = columns.map(([n]) => n).sort();
      for (const row of data[table]) expect(Object.keys(row).sort(), table).toEqual(names);
    }
  });

  it('keeps per-account counts within the documented ranges', () => {
    const within = (xs: number[], lo: number, hi: number) =>
      expect(Math.min(...xs) >= lo && Math.max(...xs) <= hi, `${lo}–${hi}: ${xs}`).toBe(true);
    within(perAccount(data.contacts), 2, 5);
    within(perAccount(data.opportunities), 2, 6);
    within(perAccount(data.activities.filter((a) => a.occurs_at < anchor.toISOString())), 4, 10);
    within(perAccount(data.activities.filter((a) => a.occurs_at > anchor.toISOString())), 0, 2);
    within(perAccount(data.support_cases), 0, 5);
    within(perAccount(data.investments), 0, 3);
    within(perAccount(data.feature_requests), 0, 3);
    within(perAccount(data.ml_insights), 2, 3);
    within(perAccount(data.documents.filter((d) => d.kind === 'news')), 1, 3);
    within(perAccount(data.contacts.filter((c) => c.is_primary)), 1, 1);
    expect(data.documents.filter((d) => d.kind === 'kb').length).toBe(12);
    expect(data.users.map((u) => u.id)).toEqual([
      'alice@example.com',
      'bob@example.com',
      'maria@example.com',
      'carol@example.com',
    ]);
  });

  it('uses 18-character Salesforce-style ids with the right key prefixes', () => {
    expect(data.accounts[0]!.id).toBe('001DM0000000001AAA');
    const prefixes: [keyof DemoData, string][] = [
      ['accounts', '001'],
      ['contacts', '003'],
      ['opportunities', '006'],
      ['activities', '00U'],
      ['support_cases', '500'],
      ['investments', 'a01'],
      ['feature_requests', 'a02'],
      ['ml_insights', 'a03'],
      ['documents', '069'],
    ];
    for (const [table, prefix] of prefixes) {
      const ids = (data[table] as { id: string }[]).map((r) => r.id);
      expect(new Set(ids).size, table).toBe(ids.length);
      for (const id of ids) {
        expect(id, table).toMatch(SF_ID_PATTERN);
        expect(id.slice(0, 3), table).toBe(prefix);
        expect(id).toHaveLength(18);
      }
    }
    for (const c of data.support_cases) expect(c.case_number).toMatch(/^\d{8}$/);
    expect(new Set(data.support_cases.map((c) => c.case_number)).size).toBe(data.support_cases.length);
  });

  it('has referential integrity: every foreign key points to an existing row', () => {
    const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
    const users = ids(data.users);
    const accounts = ids(data.accounts);
    const contacts = ids(data.contacts);
    for (const a of data.accounts) expect(users.has(a.owner_id)).toBe(true);
    for (const r of data.account_access)
      expect(users.has(r.user_id) && accounts.has(r.account_id)).toBe(true);
    for (const table of [
      'contacts',
      'opportunities',
      'activities',
      'usage_monthly',
      'support_cases',
      'investments',
      'feature_requests',
      'ml_insights',
    ] as const) {
      for (const r of data[table])
        expect(accounts.has(r.account_id), `${table} → ${r.account_id}`).toBe(true);
    }
    for (const d of data.documents)
      expect(d.account_id === null ? d.kind === 'kb' : accounts.has(d.account_id)).toBe(true);
    for (const a of data.activities) {
      expect(users.has(a.owner_id)).toBe(true);
      if (a.contact_id) expect(contacts.has(a.contact_id)).toBe(true);
      // A contact of the same account, not just any contact.
      expect(data.contacts.find((c) => c.id === a.contact_id)?.account_id).toBe(a.account_id);
    }
    const keys = data.usage_monthly.map((u) => `${u.account_id}|${u.product}|${u.month}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('streams the same rows as the array form', () => {
    let count = 0;
    for (const bundle of generateAccountBundles({ anchor, accounts: 48 })) {
      expect(bundle.accounts[0]).toEqual(data.accounts[count]);
      count++;
    }
    expect(count).toBe(48);
  });
});
