"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { BackToRooms } from "../shell/back-to-rooms";
import styles from "./settings.module.css";
import { SETTINGS_SECTIONS } from "./settings-sections";

/**
 * Every settings page: a title, one tab per section, and the section below. Each section's
 * page (under app/settings/) owns its content; this frame only places it.
 */
export function SettingsFrame({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  return (
    <div className={styles.page}>
      <div className={styles.inner}>
        <div className={styles.head}>
          <BackToRooms className={styles.back} />
          <h1 className={styles.title}>Settings</h1>
        </div>
        <nav aria-label="Settings" className={styles.tabs}>
          {SETTINGS_SECTIONS.map((section) => (
            <Link
              key={section.href}
              href={section.href}
              className={styles.tab}
              aria-current={pathname === section.href ? "page" : undefined}
            >
              {section.label}
            </Link>
          ))}
        </nav>
        {children}
      </div>
    </div>
  );
}
