/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { formatCount, formatMoney, formatMonth } from '../format.ts';
import { ObjectIcon } from '../icons.tsx';
import type { UsageRow } from '../queries/rows.ts';

/**
 * Product usage for the last 12 months: one row a month, one column a product (spend, with units
 * underneath), so it stays narrow enough beside the side panel.
 */
export function UsageCard(props: { usage: UsageRow[] }) {
  const products = [...new Map(props.usage.map((u) => [u.product, u.unit])).entries()].sort(([a], [b]) =>
    a.localeCompare(b),
  );
  const months = [...new Set(props.usage.map((u) => u.month))].sort().reverse();
  const cell = new Map(props.usage.map((u) => [`${u.month}|${u.product}`, u]));
  const total = (month: string) =>
    props.usage.filter((u) => u.month === month).reduce((sum, u) => sum + u.spend, 0);
  return (
    <article class="related" id="usage">
      <header class="related-header">
        <ObjectIcon name="usage" size={24} />
        <h2>Product Usage (last {months.length} months)</h2>
      </header>
      {months.length === 0 ? (
        <div class="related-empty">No usage recorded.</div>
      ) : (
        <div class="related-body">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">Month</th>
                {products.map(([product, unit]) => (
                  <th key={product} scope="col" class="num">
                    {product}
                    <span class="sub">spend · {unit}</span>
                  </th>
                ))}
                <th scope="col" class="num">
                  Total spend
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((month) => (
                <tr key={month}>
                  <th scope="row" class="nowrap">
                    {formatMonth(month)}
                  </th>
                  {products.map(([product]) => {
                    const u = cell.get(`${month}|${product}`);
                    return (
                      <td key={product} class="num">
                        {u ? formatMoney(u.spend) : '—'}
                        {u ? <span class="sub">{formatCount(u.units)}</span> : null}
                      </td>
                    );
                  })}
                  <td class="num">{formatMoney(total(month))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
