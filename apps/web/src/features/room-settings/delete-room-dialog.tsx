"use client";

import type { Room } from "@parley/protocol";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { describeError } from "../api/api-error";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { TextField } from "../ui/text-field";
import styles from "./room-settings.module.css";
import { useDeleteRoom } from "./use-room-settings";

/**
 * Deleting a room cannot be undone, so the owner types its name first (a click alone is too
 * easy to make on the wrong room). Afterwards the app goes back to the room list.
 */
export function DeleteRoomDialog({
  room,
  open,
  onClose,
  onDeleted,
}: {
  room: Room;
  open: boolean;
  onClose: () => void;
  /** Closes whatever opened this dialog too. */
  onDeleted: () => void;
}) {
  const router = useRouter();
  const remove = useDeleteRoom(room.id);
  const [typed, setTyped] = useState("");
  const matches = typed.trim() === room.name;
  const close = () => {
    setTyped("");
    remove.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={open}
      title={`Delete #${room.name}?`}
      confirmLabel="Delete room"
      pending={remove.isPending || !matches}
      error={remove.isError ? describeError(remove.error) : null}
      onClose={close}
      onConfirm={() => {
        if (!matches) return;
        remove.mutate(undefined, {
          onSuccess: () => {
            onDeleted();
            // replace: Back should not return to a room that no longer exists.
            router.replace("/rooms");
          },
        });
      }}
    >
      <p>
        This deletes the room for everyone, with all its messages, invite links and bans.{" "}
        {room.memberCount === 1
          ? "You are its only member."
          : `Its ${room.memberCount} members are removed at once.`}{" "}
        <strong>This cannot be undone.</strong>
      </p>
      <div className={styles.typed}>
        <TextField
          label={`Type ${room.name} to confirm`}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
    </ConfirmDialog>
  );
}
