/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { humanize } from '../format.ts';

type Tone = 'success' | 'warning' | 'error' | 'info' | 'default';

// Status colours as a seller reads them: red needs attention now, orange is at risk, green is done.
const TONES: Record<string, Tone> = {
  open: 'info',
  stalled: 'warning',
  won: 'success',
  lost: 'default',
  escalated: 'error',
  closed: 'default',
  sev1: 'error',
  sev2: 'warning',
  active: 'success',
  proposed: 'info',
  expired: 'default',
  planned: 'info',
  shipped: 'success',
  declined: 'default',
  high: 'error',
};

export function Badge(props: { value: string | null | undefined }) {
  if (!props.value) return null;
  const tone = TONES[props.value] ?? 'default';
  const label = /^sev\d$/.test(props.value) ? props.value.toUpperCase() : humanize(props.value);
  return <span class={tone === 'default' ? 'badge' : `badge badge-${tone}`}>{label}</span>;
}
