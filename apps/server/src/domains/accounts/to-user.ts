import type { User } from "@parley/protocol";

/** A users row (or the user columns of a join) as the API shows the account to its owner. */
export function toUser(row: {
  id: string;
  email: string;
  display_name: string;
  created_at: string;
  is_admin: number;
}): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    createdAt: row.created_at,
    isAdmin: Number(row.is_admin) === 1,
  };
}
