import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../../../server/data/demo/generate.ts';
import { accountId } from '../../../../../server/data/demo/ids.ts';

// The first ten accounts carry the demo's stories; these tests keep them from drifting away.
const anchor = new Date('2025-06-15T00:00:00Z');
const DAY = 86_400_000;
const data = generateDemoData({ anchor, accounts: 10 });
const of = <T extends { account_id: string | null }>(rows: readonly T[], no: number) =>
  rows.filter((r) => r.account_id === accountId(no));
const ago = (iso: string) => (anchor.getTime() - Date.parse(iso)) / DAY;

describe('demo scenarios', () => {
  it('#1 Northwind Logistics (alice): over $2M open pipeline, a stalled deal and a meeting within 3 days', () => {
    expect(data.accounts[0]).toMatchObject({ name: 'Northwind Logistics', owner_id: 'alice@example.com' });
    const opps = of(data.opportunities, 1);
    const open = opps.filter((o) => o.status === 'open').reduce((s, o) => s + o.amount, 0);
    expect(open).toBeGreaterThanOrEqual(2_000_000);
    expect(opps.some((o) => o.status === 'stalled')).toBe(true);
    const next = of(data.activities, 1).filter((a) => a.occurs_at > anchor.toISOString());
    expect(next.some((a) => -ago(a.occurs_at) <= 3)).toBe(true);
  });

  it('#2 Quillstone Insurance (bob): a stalled deal over $500k idle for 45+ days', () => {
    const stalled = of(data.opportunities, 2).find((o) => o.status === 'stalled');
    expect(stalled!.amount).toBeGreaterThan(500_000);
    expect(ago(stalled!.last_activity_at)).toBeGreaterThan(45);
  });

  it('#3 Harborview Health Partners (alice): an escalated sev1 opened in the last week', () => {
    const sev1 = of(data.support_cases, 3).find((c) => c.severity === 'sev1');
    expect(sev1).toMatchObject({ status: 'escalated', closed_at: null });
    expect(ago(sev1!.opened_at)).toBeLessThan(7);
    expect(data.accounts[2]!.owner_id).toBe('alice@example.com');
  });

  it('#6 Bluefin Analytics (alice): a funding round in the news within two weeks, and an expansion signal', () => {
    const funding = of(data.documents, 6).find((d) => /raises \$85 million/.test(d.title));
    expect(funding).toBeDefined();
    expect(ago(funding!.published_at)).toBeLessThan(14);
    expect(of(data.ml_insights, 6).find((i) => i.kind === 'expansion')?.score).toBeGreaterThan(0.6);
  });

  it('#8 Copperline Manufacturing (alice): declining usage with a high churn risk and a revenue-down story', () => {
    const usage = of(data.usage_monthly, 8);
    const total = (month: string) => usage.filter((u) => u.month === month).reduce((s, u) => s + u.spend, 0);
    expect(total('2025-05-01')).toBeLessThan(total('2024-09-01') * 0.85);
    const churn = of(data.ml_insights, 8).find((i) => i.kind === 'churn_risk')!;
    expect(churn.score).toBeGreaterThan(0.7);
    expect(churn.drivers).toMatch(/spend down \d+%/);
    expect(of(data.documents, 8).some((d) => /revenue down/.test(d.title))).toBe(true);
  });

  it('keeps news figures in line with the account record', () => {
    for (const d of data.documents.filter((x) => x.kind === 'news' || x.kind === 'filing')) {
      const account = data.accounts.find((a) => a.id === d.account_id)!;
      const employees = account.employees.toLocaleString('en-US');
      if (/employ|employees/.test(d.body)) expect(d.body, d.title).toContain(employees);
      expect(d.body).toContain(account.name);
    }
  });
});
