"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCurrentUser } from "../auth/current-user";
import sidebar from "../rooms/sidebar.module.css";
import { ShieldIcon } from "../ui/icons";

/**
 * The sidebar's link to /admin, styled like "Browse rooms" beside it; only server
 * administrators see it (the page itself still tells anyone else it is not for them).
 */
export function AdminLink() {
  const user = useCurrentUser();
  const pathname = usePathname();
  if (!user.isAdmin) return null;
  return (
    <Link href="/admin" className={sidebar.link} aria-current={pathname === "/admin" ? "page" : undefined}>
      <span className={sidebar.actionIcon}>
        <ShieldIcon />
      </span>
      Server admin
    </Link>
  );
}
