"use client";

import { useId } from "react";
import { createPortal } from "react-dom";
import { describeError } from "../api/api-error";
import { useCurrentUser } from "../auth/current-user";
import dialog from "../rooms/dialog.module.css";
import { Modal } from "../ui/modal";
import { Spinner } from "../ui/spinner";
import styles from "./profile.module.css";
import { ProfileForm } from "./profile-form-view";
import { useProfile } from "./profile-query";

/**
 * The signed-in user's profile settings: photo, display name, status. Rendered into <body>:
 * it is opened from the sidebar, which phones hide while a room is open.
 */
export function ProfileDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const titleId = useId();
  return createPortal(
    <Modal open={open} onClose={onClose} labelledBy={titleId}>
      <div className={dialog.form}>
        <h2 className={dialog.title} id={titleId}>
          Profile
        </h2>
        <p className={dialog.intro}>How other people see you in Parley.</p>
        <ProfileDialogBody onClose={onClose} />
      </div>
    </Modal>,
    document.body,
  );
}

function ProfileDialogBody({ onClose }: { onClose: () => void }) {
  const me = useCurrentUser();
  const query = useProfile(me.id);
  if (query.isPending) {
    return (
      <div className={styles.dialogState}>
        <Spinner label="Loading your profile" />
      </div>
    );
  }
  if (query.isError || query.data === null) {
    return (
      <div className={styles.dialogState} role="alert">
        <p>
          Could not load your profile.{" "}
          {query.isError ? describeError(query.error) : "Your account was not found."}
        </p>
        <button type="button" className="btn btn-small" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  return <ProfileForm profile={query.data} onSaved={onClose} onCancel={onClose} />;
}
