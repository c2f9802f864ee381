"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { deviceStatus } from "../push/device-status";
import styles from "./admin.module.css";
import { adminPushDevicesQuery } from "./admin-api";
import { formatDateTime, formatDay } from "./format-date";
import { LoadFailed, TableSkeleton } from "./table-states";

/**
 * Every device signed up for push notifications, with whether pushes reach it — so an
 * administrator can tell "push is broken for everyone" (a server or network problem) from
 * "one phone stopped answering" (that person's settings), the complaint self-hosted chats hear
 * most. Devices that stopped confirming come first.
 */
export function PushDevicesSection() {
  const devices = useQuery(adminPushDevicesQuery);
  const titleId = useId();
  const now = Date.now();
  const sorted = devices.data
    ? [...devices.data].sort((a, b) => Number(b.stale || b.failures > 0) - Number(a.stale || a.failures > 0))
    : [];
  const troubled = sorted.filter((d) => d.stale || d.failures > 0).length;
  return (
    <section className={styles.section} aria-labelledby={titleId}>
      <div className={styles.sectionHead}>
        <h2 className={styles.sectionTitle} id={titleId}>
          Push devices
        </h2>
        {devices.data && (
          <span className={styles.count}>
            {devices.data.length}
            {troubled > 0 && ` · ${troubled} not confirming`}
          </span>
        )}
      </div>
      <div className={styles.tableWrap}>
        {devices.isPending ? (
          <TableSkeleton label="Loading push devices…" />
        ) : devices.isError ? (
          <LoadFailed what="the push devices" error={devices.error} onRetry={() => void devices.refetch()} />
        ) : sorted.length === 0 ? (
          <p className={styles.noMatch}>
            No device has turned on push notifications yet. People do it in Settings → Notifications.
          </p>
        ) : (
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Device</th>
                <th scope="col">Status</th>
                <th scope="col">Added</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((device) => {
                const status = deviceStatus(device, now);
                return (
                  <tr key={device.id}>
                    <td>
                      <span className={styles.personName}>{device.user.displayName}</span>
                      <span className={`${styles.muted} ${styles.personEmail}`}>{device.user.email}</span>
                    </td>
                    <td className={styles.muted} data-label="Device">
                      {device.label}
                    </td>
                    <td data-label="Status">
                      <span className={styles.deviceStatus} data-tone={status.tone}>
                        {status.text}
                      </span>
                    </td>
                    <td className={styles.muted} data-label="Added" title={formatDateTime(device.createdAt)}>
                      {formatDay(device.createdAt)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
