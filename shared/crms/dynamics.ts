import { UUID } from './ids.ts';

/** Dynamics 365 organisations: {org}.crm.dynamics.com, crm4 (EMEA), crm11 (UK) and other regions. */
export const DYNAMICS_HOSTS = ['https://*.dynamics.com/*'];

/**
 * An account form in the Unified Interface (main.aspx?pagetype=entityrecord&etn=account&id=…) or a
 * legacy link naming the entity by type code (etc=1 is account). Lists, dashboards and the empty
 * "new account" form (no id) are not records.
 */
export function dynamics(u: URL): string | null {
  if (!/\.dynamics\.com$/.test(u.hostname) || !/\/main\.aspx$/i.test(u.pathname)) return null;
  const q = u.searchParams;
  if (q.get('pagetype')?.toLowerCase() !== 'entityrecord') return null;
  if (q.get('etn')?.toLowerCase() !== 'account' && q.get('etc') !== '1') return null;
  const id = (q.get('id') ?? '').replace(/^\{|\}$/g, '').toLowerCase();
  return UUID.test(id) ? id : null;
}
