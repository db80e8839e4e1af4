import type { UserRow } from './types.ts';

export const ALICE = 'alice@example.com';
export const BOB = 'bob@example.com';
export const MARIA = 'maria@example.com';
export const CAROL = 'carol@example.com';

/** The fixed demo users; ids are e-mail addresses (the JWT subject). */
export const DEMO_USERS: readonly UserRow[] = [
  { id: ALICE, name: 'Alice Chen', title: 'Account Executive', role: 'seller' },
  { id: BOB, name: 'Bob Martinez', title: 'Account Executive', role: 'seller' },
  { id: MARIA, name: 'Maria Rossi', title: 'Regional Sales Manager', role: 'manager' },
  { id: CAROL, name: 'Carol Singh', title: 'Account Executive', role: 'seller' },
];

// Alice, Bob, Alice, Bob, Carol: exactly 40/40/20, and account #1 is Alice's.
const OWNER_CYCLE = [ALICE, BOB, ALICE, BOB, CAROL] as const;

export function ownerOf(accountNo: number): string {
  return OWNER_CYCLE[(accountNo - 1) % OWNER_CYCLE.length]!;
}

/** Who may see an account: its owner, plus Maria for the accounts of the sellers she manages. */
export function viewersOf(accountNo: number): string[] {
  const owner = ownerOf(accountNo);
  return owner === ALICE || owner === BOB ? [owner, MARIA] : [owner];
}

export function userName(id: string): string {
  return DEMO_USERS.find((u) => u.id === id)?.name ?? id;
}
