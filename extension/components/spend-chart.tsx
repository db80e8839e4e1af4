import type { SpendChart as SpendChartData } from '../../shared/api.ts';
import { dateFormat, formatMoney } from '../lib/format.ts';

const W = 320;
const H = 100;
const PAD = { top: 14, right: 4, bottom: 18, left: 4 };

/** "2025-03" → "Mar"; other labels pass through. */
function monthLabel(month: string, withYear = false): string {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  if (!m) return month;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return dateFormat(undefined, {
    month: 'short',
    ...(withYear ? { year: '2-digit' } : {}),
    timeZone: 'UTC',
  }).format(date);
}

/** Monthly spend per product as stacked bars, with a legend giving each product's latest month. */
export function SpendChart({ chart }: { chart: SpendChartData }) {
  const { months, series, currency } = chart;
  if (months.length === 0 || series.length === 0) return null;
  const totals = months.map((_, i) => series.reduce((sum, s) => sum + Math.max(0, s.spend[i] ?? 0), 0));
  const max = Math.max(...totals, 1);
  const slot = (W - PAD.left - PAD.right) / months.length;
  const barW = Math.max(2, slot * 0.68);
  const plotH = H - PAD.top - PAD.bottom;
  const last = months.length - 1;
  const first = monthLabel(months[0]!, true);
  const end = monthLabel(months[last]!, true);
  const label = `Monthly spend by product, ${first} to ${end}. Peak month ${formatMoney(max, currency)}.`;

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <line x1={PAD.left} x2={W - PAD.right} y1={PAD.top} y2={PAD.top} className="chart-grid" />
        <text x={PAD.left} y={PAD.top - 4} className="chart-label">
          {formatMoney(max, currency)}
        </text>
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={H - PAD.bottom}
          y2={H - PAD.bottom}
          className="chart-axis"
        />
        {months.map((month, i) => {
          let y = H - PAD.bottom;
          return (
            <g key={month}>
              {series.map((s, k) => {
                const h = (Math.max(0, s.spend[i] ?? 0) / max) * plotH;
                y -= h;
                return (
                  <rect
                    key={s.product}
                    x={PAD.left + i * slot + (slot - barW) / 2}
                    y={y}
                    width={barW}
                    height={h}
                    rx={1}
                    className={`series-${k % 6}`}
                  >
                    <title>{`${monthLabel(month, true)} · ${s.product}: ${formatMoney(s.spend[i] ?? 0, currency)}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })}
        <text x={PAD.left} y={H - 4} className="chart-label">
          {first}
        </text>
        <text x={W - PAD.right} y={H - 4} textAnchor="end" className="chart-label">
          {end}
        </text>
      </svg>
      <figcaption>
        <ul className="legend" aria-label={`Spend in ${end}`}>
          <li className="legend-head" aria-hidden="true">
            <span className="legend-name">Product</span>
            <span className="legend-value">{end}</span>
          </li>
          {series.map((s, k) => (
            <li key={s.product}>
              <span className={`swatch series-${k % 6}`} aria-hidden="true" />
              <span className="legend-name">{s.product}</span>
              <span className="legend-value">{formatMoney(s.spend[last] ?? 0, currency)}</span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
