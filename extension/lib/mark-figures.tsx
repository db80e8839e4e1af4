import type { ReactNode } from 'react';

const UNVERIFIED = 'Unverified: this figure was not found in the source data. Check it before you quote it.';

/** Wraps figures the numbers check could not back in <mark>, so a seller sees what to verify. */
export function markFigures(text: string, figures: readonly string[], key: string): ReactNode[] {
  const out: ReactNode[] = [];
  let rest = text;
  let n = 0;
  while (rest) {
    const hit = findFigure(rest, figures);
    if (!hit) break;
    if (hit.index > 0) out.push(rest.slice(0, hit.index));
    out.push(
      <mark key={`${key}.m${n++}`} className="unverified" title={UNVERIFIED}>
        {hit.figure}
        {/* Screen readers hear why it is marked; the highlight alone says nothing to them. */}
        <span className="sr-only"> (unverified: not found in the source data)</span>
      </mark>,
    );
    rest = rest.slice(hit.index + hit.figure.length);
  }
  if (rest) out.push(rest);
  return out;
}

function findFigure(text: string, figures: readonly string[]): { index: number; figure: string } | null {
  let best: { index: number; figure: string } | null = null;
  for (const figure of figures) {
    let from = 0;
    for (let index = text.indexOf(figure, from); index >= 0; index = text.indexOf(figure, from)) {
      // Whole figures only: "12%" must not light up inside "112%".
      const before = text[index - 1] ?? ' ';
      const after = text[index + figure.length] ?? ' ';
      if (!/[\w$€£]/.test(before) && !/\w/.test(after)) {
        if (!best || index < best.index) best = { index, figure };
        break;
      }
      from = index + 1;
    }
  }
  return best;
}
