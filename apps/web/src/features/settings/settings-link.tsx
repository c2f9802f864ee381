"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import sidebar from "../rooms/sidebar.module.css";
import { GearIcon } from "../ui/icons";

/** The sidebar's link to /settings (notifications, devices, sessions, password). */
export function SettingsLink() {
  const pathname = usePathname();
  return (
    <Link
      href="/settings"
      className={sidebar.link}
      aria-current={pathname.startsWith("/settings") ? "page" : undefined}
    >
      <span className={sidebar.actionIcon}>
        <GearIcon />
      </span>
      Settings
    </Link>
  );
}
