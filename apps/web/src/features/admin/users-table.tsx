"use client";

import type { AdminUser } from "@parley/protocol";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useCurrentUser } from "../auth/current-user";
import { Avatar } from "../ui/avatar";
import { SearchIcon } from "../ui/icons";
import styles from "./admin.module.css";
import { adminUsersQuery } from "./admin-api";
import { DeactivateDialog } from "./deactivate-dialog";
import { filterUsers } from "./filter-users";
import { formatDateTime, formatDay } from "./format-date";
import { LoadFailed, TableSkeleton } from "./table-states";

/** Every account, with a filter box; active accounts other than mine can be deactivated. */
export function UsersTable() {
  const users = useQuery(adminUsersQuery);
  const [filter, setFilter] = useState("");
  const [deactivating, setDeactivating] = useState<AdminUser | null>(null);
  const titleId = useId();
  const filterId = useId();

  const shown = users.data ? filterUsers(users.data, filter) : [];
  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <div className={styles.sectionHead}>
        <h2 className={styles.sectionTitle} id={titleId}>
          People
        </h2>
        {users.data && (
          <span className={styles.count}>
            {filter.trim() ? `${shown.length} of ${users.data.length}` : users.data.length}
          </span>
        )}
        <div className={styles.filter}>
          <label className="visually-hidden" htmlFor={filterId}>
            Filter people
          </label>
          <SearchIcon />
          <input
            id={filterId}
            className="input"
            type="search"
            placeholder="Filter by name or email"
            value={filter}
            autoComplete="off"
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
      </div>
      <div className={styles.tableWrap}>
        {users.isPending ? (
          <TableSkeleton label="Loading people…" />
        ) : users.isError ? (
          <LoadFailed what="the people" error={users.error} onRetry={() => void users.refetch()} />
        ) : shown.length === 0 ? (
          <p className={styles.noMatch}>No one matches “{filter.trim()}”. Try part of a name or an email.</p>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((user) => (
                <UserRow key={user.id} user={user} onDeactivate={() => setDeactivating(user)} />
              ))}
            </tbody>
          </table>
        )}
      </div>
      <DeactivateDialog user={deactivating} onClose={() => setDeactivating(null)} />
    </section>
  );
}

function UserRow({ user, onDeactivate }: { user: AdminUser; onDeactivate: () => void }) {
  const me = useCurrentUser();
  const isMe = user.id === me.id;
  return (
    <tr className={user.deactivated ? styles.inactive : undefined}>
      <td>
        <div className={styles.person}>
          <Avatar userId={user.id} name={user.displayName} size={28} />
          <span className={styles.personName}>{user.displayName}</span>
          <span className={styles.badges}>
            {isMe && <span className="badge">You</span>}
            {user.isAdmin && <span className="badge badge-accent">Admin</span>}
            {user.deactivated && <span className={`badge ${styles.badgeDanger}`}>Deactivated</span>}
          </span>
        </div>
      </td>
      <td className={styles.muted} data-label="Email">
        {user.email}
      </td>
      <td className={styles.muted} data-label="Created" title={formatDateTime(user.createdAt)}>
        {formatDay(user.createdAt)}
      </td>
      <td className={styles.actions}>
        {/* Not on my own row: the server refuses it, and locking oneself out is never meant. */}
        {!isMe && !user.deactivated && (
          <button
            type="button"
            className="btn btn-small btn-danger"
            aria-label={`Deactivate ${user.displayName}`}
            onClick={onDeactivate}
          >
            Deactivate…
          </button>
        )}
      </td>
    </tr>
  );
}
