"use client";

import type { Room } from "@parley/protocol";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { describeError } from "../api/api-error";
import { AVATAR_ACCEPT, avatarFileProblem } from "../profile/avatar-file";
import { RoomGlyph } from "../ui/room-glyph";
import { RoomPicture } from "../ui/room-picture";
import { storeUpdatedRoom } from "./room-cache";
import styles from "./room-settings.module.css";
import { removeRoomPicture, uploadRoomPicture } from "./room-settings-api";

const PREVIEW = 56;

/**
 * The channel's picture, shown in the sidebar and the header instead of its "#". Applied at
 * once (not with the form's Save): choosing a file uploads it, Remove removes it; every
 * member sees the change live.
 */
export function RoomPictureSection({ room }: { room: Room }) {
  const queryClient = useQueryClient();
  const titleId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (file: File | null) => (file ? uploadRoomPicture(room.id, file) : removeRoomPicture(room.id)),
    onSuccess: (updated) => storeUpdatedRoom(queryClient, updated),
  });
  const error = problem ?? (change.isError ? describeError(change.error) : null);
  const busy = change.isPending;
  return (
    <section className={styles.section} aria-labelledby={titleId} aria-busy={busy}>
      <h3 className={styles.sectionTitle} id={titleId}>
        Picture
      </h3>
      <div className={styles.pictureRow}>
        <span className={styles.picturePreview}>
          {room.avatarUrl ? (
            <RoomPicture url={room.avatarUrl} size={PREVIEW} />
          ) : (
            <RoomGlyph visibility={room.visibility} size={22} />
          )}
        </span>
        <div className={styles.pictureSide}>
          <p className={styles.sectionText}>
            {busy
              ? change.variables
                ? "Uploading…"
                : "Removing…"
              : "Shown beside the room's name for everyone. PNG, JPEG, WebP or GIF, up to 5 MB, cropped to a square."}
          </p>
          <div className={styles.pictureButtons}>
            <button
              type="button"
              className="btn btn-small"
              disabled={busy}
              onClick={() => input.current?.click()}
            >
              {room.avatarUrl ? "Change picture…" : "Upload picture…"}
            </button>
            {room.avatarUrl && (
              <button
                type="button"
                className="btn btn-small btn-ghost btn-danger"
                disabled={busy}
                onClick={() => {
                  setProblem(null);
                  change.mutate(null);
                }}
              >
                Remove
              </button>
            )}
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      </div>
      <input
        ref={input}
        type="file"
        accept={AVATAR_ACCEPT}
        aria-label="Choose a room picture"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Choosing the same file again must fire onChange again.
          event.target.value = "";
          if (!file) return;
          const reason = avatarFileProblem(file);
          setProblem(reason);
          if (!reason) change.mutate(file);
        }}
      />
    </section>
  );
}
