"use client";

import Link from "next/link";
import { useCurrentUser } from "../auth/current-user";
import { BackToRooms } from "../shell/back-to-rooms";
import { ShieldIcon } from "../ui/icons";
import { useDocumentTitle } from "../ui/use-document-title";
import styles from "./admin.module.css";
import { JobsSection } from "./jobs-section";
import { PushDevicesSection } from "./push-devices-section";
import { RoomsTable } from "./rooms-table";
import { UsersTable } from "./users-table";

/** `/admin`: people and channels, for server administrators; everyone else is told so. */
export function AdminPage() {
  const user = useCurrentUser();
  useDocumentTitle("Server administration");
  // The server refuses every admin request from others anyway (403); this only says why.
  if (!user.isAdmin) return <AdministratorsOnly />;
  return (
    <div className={styles.page}>
      <div className={styles.inner}>
        <div className={styles.head}>
          <BackToRooms className={styles.back} />
          <h1 className={styles.title}>Server administration</h1>
        </div>
        <p className={styles.lead}>
          The accounts, channels, push devices and background work of this Parley server.
        </p>
        <UsersTable />
        <RoomsTable />
        <PushDevicesSection />
        <JobsSection />
      </div>
    </div>
  );
}

function AdministratorsOnly() {
  return (
    <div className={`${styles.page} ${styles.denied}`}>
      <div className="empty-state">
        <span className={styles.deniedIcon} aria-hidden="true">
          <ShieldIcon />
        </span>
        <h1>Administrators only</h1>
        <p className={styles.deniedText}>
          This page is for the administrators of this Parley server. If you need an account or a channel
          looked into, ask one of them.
        </p>
        <div className="empty-state-actions">
          <Link className="btn btn-primary" href="/rooms">
            Back to rooms
          </Link>
        </div>
      </div>
    </div>
  );
}
