import { childId } from './ids.ts';
import type { AccountContext } from './profile.ts';
import type { ContactRow } from './types.ts';
import { EXECUTIVE_TITLES, FIRST_NAMES, LAST_NAMES, STAFF_TITLES } from './words.ts';

// NFD strips most accents; a few letters have no decomposition.
function emailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/ø/g, 'o')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

/** 2–5 contacts; the first (an executive) is the primary one. */
export function generateContacts(ctx: AccountContext): ContactRow[] {
  const { rng } = ctx;
  const count = rng.int(2, 5);
  const titles = [rng.pick(EXECUTIVE_TITLES), ...rng.sample(STAFF_TITLES, count - 1)];
  const firsts = rng.sample(FIRST_NAMES, count);
  return titles.map((title, i) => {
    const first = firsts[i]!;
    const last = rng.pick(LAST_NAMES);
    return {
      id: childId('contact', ctx.no, i),
      account_id: ctx.id,
      name: `${first} ${last}`,
      title,
      email: `${emailPart(first)}.${emailPart(last)}@${ctx.slug}.example.com`,
      phone: `${ctx.dial} 555 01${String(rng.int(0, 99)).padStart(2, '0')} ${rng.int(1000, 9999)}`,
      is_primary: i === 0,
    };
  });
}
