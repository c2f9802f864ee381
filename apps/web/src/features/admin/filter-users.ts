import type { AdminUser } from "@parley/protocol";

/** The accounts whose display name or email contains the text, in any case; blank = all. */
export function filterUsers(users: readonly AdminUser[], text: string): AdminUser[] {
  const needle = text.trim().toLocaleLowerCase();
  if (needle === "") return [...users];
  return users.filter(
    (u) => u.displayName.toLocaleLowerCase().includes(needle) || u.email.toLocaleLowerCase().includes(needle),
  );
}
