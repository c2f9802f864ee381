"use client";

import type { Message } from "@parley/protocol";
import { describeError } from "../api/api-error";
import { ConfirmDialog } from "../ui/confirm-dialog";
import styles from "./messages.module.css";
import { useDeleteMessage } from "./use-delete-message";

/** Longest excerpt of the message quoted in the dialog. */
const EXCERPT = 160;

/**
 * "Delete message?" for my own message; "Remove message?" for a moderator removing someone
 * else's, which says that it is logged and shown as removed by a moderator.
 */
export function DeleteMessageDialog({
  roomId,
  myId,
  message,
  onClose,
}: {
  roomId: string;
  myId: string;
  message: Message | null;
  onClose: () => void;
}) {
  const remove = useDeleteMessage(roomId);
  const mine = message?.author.id === myId;
  const close = () => {
    remove.reset();
    onClose();
  };
  const body = message?.body ?? "";
  return (
    <ConfirmDialog
      open={message !== null}
      title={mine ? "Delete message?" : "Remove message?"}
      confirmLabel={remove.isPending ? "Deleting…" : mine ? "Delete" : "Remove"}
      pending={remove.isPending}
      error={remove.error ? describeError(remove.error) : null}
      onConfirm={() => {
        if (message) remove.mutate(message.id, { onSuccess: close });
      }}
      onClose={close}
    >
      <blockquote className={styles.quote}>
        {!mine && <strong>{message?.author.displayName}: </strong>}
        {body.length > EXCERPT ? `${body.slice(0, EXCERPT)}…` : body}
      </blockquote>
      <p>
        {mine
          ? "It will be removed for everyone in this conversation. This cannot be undone."
          : "It will be removed for everyone and shown as “removed by a moderator”. The removal is recorded in the moderation log."}
      </p>
    </ConfirmDialog>
  );
}
