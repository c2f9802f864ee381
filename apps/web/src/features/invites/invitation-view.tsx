"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { describeError, isApiError } from "../api/api-error";
import { queryKeys } from "../api/query-keys";
import { memberCountLabel } from "../rooms/room-header";
import { Spinner } from "../ui/spinner";
import { useDocumentTitle } from "../ui/use-document-title";
import styles from "./invites.module.css";
import { acceptInvitation, invitationQuery } from "./invites-api";

/** A link that no longer opens anything: unknown, expired, revoked, used up (or malformed). */
function isInvalid(error: unknown): boolean {
  return (
    isApiError(error, "INVITE_INVALID") ||
    isApiError(error, "NOT_FOUND") ||
    isApiError(error, "VALIDATION_FAILED")
  );
}

/** `/invite/<code>`: what the link opens, and the way in. */
export function InvitationView({ code }: { code: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const invitation = useQuery({ ...invitationQuery(code), staleTime: 0 });
  const accept = useMutation({
    mutationFn: () => acceptInvitation(code),
    onSuccess: (room) => {
      queryClient.setQueryData(queryKeys.room(room.id), room);
      void queryClient.invalidateQueries({ queryKey: queryKeys.myRooms });
      router.push(`/rooms/${room.id}`);
    },
  });
  useDocumentTitle(invitation.data ? `Join #${invitation.data.roomName}` : "Invitation");

  let body: ReactNode;
  if (invitation.isPending) {
    body = <Spinner label="Opening the invitation" size={28} />;
  } else if (invitation.isError) {
    const invalid = isInvalid(invitation.error);
    const banned = isApiError(invitation.error, "BANNED");
    body = (
      <>
        <h1>
          {invalid
            ? "This invite link is no longer valid"
            : banned
              ? "You are banned from this room"
              : "Could not open this invitation"}
        </h1>
        <p className={styles.topic}>
          {invalid
            ? "It may have expired, been revoked or used up. Ask whoever sent it for a new one."
            : banned
              ? "A moderator banned you from this room, so its invite links do not work for you."
              : describeError(invitation.error)}
        </p>
        <div className={styles.actions}>
          {!invalid && !banned && (
            <button type="button" className="btn btn-primary" onClick={() => void invitation.refetch()}>
              Try again
            </button>
          )}
          <Link className="btn" href="/rooms">
            Go to your rooms
          </Link>
        </div>
      </>
    );
  } else {
    const preview = invitation.data;
    body = (
      <>
        <span className={styles.icon} aria-hidden="true">
          #
        </span>
        <p className={styles.eyebrow}>You are invited to join</p>
        <h1>#{preview.roomName}</h1>
        {preview.topic && <p className={styles.topic}>{preview.topic}</p>}
        <p className={styles.meta}>{memberCountLabel(preview.memberCount)}</p>
        {accept.isError && (
          <p className="alert" role="alert">
            {isInvalid(accept.error) ? "This invite link is no longer valid." : describeError(accept.error)}
          </p>
        )}
        <div className={styles.actions}>
          {preview.alreadyMember ? (
            <Link className="btn btn-primary btn-block" href={`/rooms/${preview.roomId}`}>
              You are already a member — open the room
            </Link>
          ) : (
            <button
              type="button"
              className="btn btn-primary btn-block"
              disabled={accept.isPending || accept.isSuccess}
              onClick={() => accept.mutate()}
            >
              Join room
            </button>
          )}
          <Link className="btn btn-ghost" href="/rooms">
            Not now
          </Link>
        </div>
      </>
    );
  }

  return (
    <main className={styles.page}>
      <div className={styles.card} aria-busy={invitation.isPending}>
        {body}
      </div>
    </main>
  );
}
