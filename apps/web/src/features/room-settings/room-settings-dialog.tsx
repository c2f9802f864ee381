"use client";

import type { Room } from "@parley/protocol";
import { useId, useState } from "react";
import dialog from "../rooms/dialog.module.css";
import { Modal } from "../ui/modal";
import { ArchiveDialog } from "./archive-dialog";
import { DeleteRoomDialog } from "./delete-room-dialog";
import { DetailsForm } from "./details-form";
import { canDeleteRoom } from "./permissions";
import { RoomPictureSection } from "./room-picture-section";
import styles from "./room-settings.module.css";

/**
 * A channel's settings, for its admins and owner: details and slow mode, archiving, and (owner
 * only) deleting. The confirmations open on top of it; a confirmed archive closes both.
 */
export function RoomSettingsDialog({
  room,
  open,
  onClose,
}: {
  room: Room;
  open: boolean;
  onClose: () => void;
}) {
  const titleId = useId();
  const [confirming, setConfirming] = useState<"archive" | "delete" | null>(null);
  const close = () => {
    setConfirming(null);
    onClose();
  };
  return (
    <>
      <Modal open={open} onClose={close} labelledBy={titleId}>
        <div className={dialog.form}>
          <h2 className={dialog.title} id={titleId}>
            Room settings
          </h2>
          <p className={styles.subtitle}>#{room.name}</p>
          <DetailsForm room={room} onSaved={close} onCancel={close} />
          <RoomPictureSection room={room} />
          <section className={styles.section} aria-labelledby={`${titleId}-archive`}>
            <h3 className={styles.sectionTitle} id={`${titleId}-archive`}>
              {room.archived ? "Archived" : "Archive"}
            </h3>
            <div className={styles.sectionRow}>
              <p className={styles.sectionText}>
                {room.archived
                  ? "This room is read-only: its history stays readable, nobody can post."
                  : "Make the room read-only: its history stays readable, nobody can post."}
              </p>
              <button type="button" className="btn" onClick={() => setConfirming("archive")}>
                {room.archived ? "Unarchive…" : "Archive…"}
              </button>
            </div>
          </section>
          {canDeleteRoom(room) && (
            <section className={styles.section} aria-labelledby={`${titleId}-delete`}>
              <h3 className={styles.sectionTitle} id={`${titleId}-delete`}>
                Delete
              </h3>
              <div className={styles.sectionRow}>
                <p className={styles.sectionText}>
                  Delete the room and all its messages for everyone. This cannot be undone.
                </p>
                <button type="button" className="btn btn-danger" onClick={() => setConfirming("delete")}>
                  Delete room…
                </button>
              </div>
            </section>
          )}
        </div>
      </Modal>
      <ArchiveDialog
        room={room}
        open={open && confirming === "archive"}
        onClose={() => setConfirming(null)}
        onDone={close}
      />
      {canDeleteRoom(room) && (
        <DeleteRoomDialog
          room={room}
          open={open && confirming === "delete"}
          onClose={() => setConfirming(null)}
          onDeleted={close}
        />
      )}
    </>
  );
}
