"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect } from "react";
import { useMe } from "./me-query";
import { safeNextPath } from "./next-path";

/** Sign-in and sign-up pages: a signed-in visitor goes straight to the app. */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const me = useMe();
  const router = useRouter();
  const signedIn = Boolean(me.data);
  useEffect(() => {
    if (signedIn) router.replace(safeNextPath(window.location.search));
  }, [signedIn, router]);
  return <>{children}</>;
}
