"use client";

import { useParams } from "next/navigation";
import { RequireSignedIn } from "../../../features/auth/require-signed-in";
import { InvitationView } from "../../../features/invites/invitation-view";

/** An invite link. Signed-out visitors sign in first and come back here. */
export default function InvitePage() {
  const { code } = useParams<{ code: string }>();
  return (
    <RequireSignedIn>
      <InvitationView code={code} />
    </RequireSignedIn>
  );
}
