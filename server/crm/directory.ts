import type { Database } from '../data/db.ts';

export interface CrmUser {
  id: string;
  name: string;
  title: string;
}

/** Who is who: user id (e-mail) → name and title. */
export type UserDirectory = ReadonlyMap<string, CrmUser>;

/**
 * The demo users, read as the owner role. RLS lets a user read only their own row of `users`, but
 * the sign-in page lists every user to anyone anyway, and an owner's name is needed wherever an
 * account shows its owner (a manager sees her sellers' accounts). This table holds no account
 * data; every account-scoped read goes through Database.asUser.
 */
export async function loadDirectory(db: Database): Promise<UserDirectory> {
  const rows = await db.asSystem((q) => q.query<CrmUser>('SELECT id, name, title FROM users ORDER BY name'));
  return new Map(rows.map((u) => [u.id, u]));
}

/** The owner's display name, falling back to the id for a user not in the directory. */
export function nameOf(directory: UserDirectory, id: string | null | undefined): string {
  if (!id) return '';
  return directory.get(id)?.name ?? id;
}
