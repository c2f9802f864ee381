"use client";

import type { Room } from "@parley/protocol";
import { useId } from "react";
import { describeError } from "../api/api-error";
import dialog from "../rooms/dialog.module.css";
import { Modal } from "../ui/modal";
import { useUpdateRoom } from "./use-room-settings";

/**
 * Confirms archiving (the room turns read-only for everyone) or unarchiving. Not a
 * ConfirmDialog: unarchiving is not destructive and should not wear a red button.
 */
export function ArchiveDialog({
  room,
  open,
  onClose,
  onDone,
}: {
  room: Room;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const titleId = useId();
  const update = useUpdateRoom(room.id);
  const archiving = !room.archived;
  const close = () => {
    update.reset();
    onClose();
  };
  return (
    <Modal open={open} onClose={close} labelledBy={titleId}>
      <form
        className={dialog.form}
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ archived: archiving }, { onSuccess: onDone });
        }}
      >
        <h2 className={dialog.title} id={titleId}>
          {archiving ? `Archive #${room.name}?` : `Unarchive #${room.name}?`}
        </h2>
        <p className={dialog.body}>
          {archiving
            ? "The room becomes read-only: everyone can still read its history, but nobody can post until it is unarchived. Members stay members."
            : "Members can post in the room again, with its settings as they were."}
        </p>
        {update.isError && (
          <p className="alert" role="alert">
            {describeError(update.error)}
          </p>
        )}
        <div className={dialog.actions}>
          <button type="button" className="btn btn-ghost" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className={`btn ${archiving ? "btn-danger-solid" : "btn-primary"}`}
            disabled={update.isPending}
          >
            {archiving ? "Archive room" : "Unarchive room"}
          </button>
        </div>
      </form>
    </Modal>
  );
}
