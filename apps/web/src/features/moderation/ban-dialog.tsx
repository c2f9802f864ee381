"use client";

import type { BanRequest, PublicUser } from "@parley/protocol";
import { useId, useState } from "react";
import dialog from "../rooms/dialog.module.css";
import { Modal } from "../ui/modal";
import { BAN_DURATIONS } from "./moderation-text";

/** Reason and duration for a ban; the server's refusal, if any, shows inside. */
export function BanDialog({
  user,
  roomName,
  pending,
  error,
  onBan,
  onClose,
}: {
  /** The person to ban; null keeps the dialog closed. */
  user: PublicUser | null;
  roomName: string;
  pending: boolean;
  error: string | null;
  onBan: (ban: BanRequest) => void;
  onClose: () => void;
}) {
  const titleId = useId();
  return (
    <Modal open={user !== null} onClose={onClose} labelledBy={titleId}>
      {user && (
        <BanForm
          key={user.id}
          titleId={titleId}
          user={user}
          roomName={roomName}
          pending={pending}
          error={error}
          onBan={onBan}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

function BanForm({
  titleId,
  user,
  roomName,
  pending,
  error,
  onBan,
  onClose,
}: {
  titleId: string;
  user: PublicUser;
  roomName: string;
  pending: boolean;
  error: string | null;
  onBan: (ban: BanRequest) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState("");
  const [duration, setDuration] = useState<string>(BAN_DURATIONS[1].value);
  const reasonId = useId();
  const durationId = useId();
  return (
    <form
      className={dialog.form}
      onSubmit={(event) => {
        event.preventDefault();
        const seconds = BAN_DURATIONS.find((d) => d.value === duration)?.seconds;
        onBan(seconds === undefined ? { reason } : { reason, durationSeconds: seconds });
      }}
    >
      <h2 className={dialog.title} id={titleId}>
        Ban {user.displayName}?
      </h2>
      <p className={dialog.body}>
        {user.displayName} will be removed from #{roomName} at once and cannot join again until the ban ends.
      </p>
      <div className="field">
        <label className="label" htmlFor={reasonId}>
          Reason
        </label>
        <textarea
          id={reasonId}
          className={`input ${dialog.textarea}`}
          value={reason}
          maxLength={500}
          placeholder="Optional. Other moderators see it in the moderation log."
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <div className="field">
        <label className="label" htmlFor={durationId}>
          Ban for
        </label>
        <select
          id={durationId}
          className={`input ${dialog.select}`}
          value={duration}
          onChange={(e) => setDuration(e.target.value)}
        >
          {BAN_DURATIONS.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <div className={dialog.actions}>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-danger-solid" disabled={pending}>
          Ban {user.displayName}
        </button>
      </div>
    </form>
  );
}
