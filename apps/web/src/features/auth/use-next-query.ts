"use client";

import { useEffect, useState } from "react";
import { safeNextPath } from "./next-path";

/**
 * "?next=…" to carry between the sign-in and sign-up pages, so someone sent to sign in by an
 * invite link who has no account yet still comes back to it. Read after mounting (the pages
 * are prerendered without a query).
 */
export function useNextQuery(): string {
  const [query, setQuery] = useState("");
  useEffect(() => {
    const next = safeNextPath(window.location.search);
    setQuery(next === "/rooms" ? "" : `?next=${encodeURIComponent(next)}`);
  }, []);
  return query;
}
