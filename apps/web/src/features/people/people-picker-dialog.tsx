"use client";

import type { PublicUser } from "@parley/protocol";
import { useEffect, useId, useState } from "react";
import dialogStyles from "../rooms/dialog.module.css";
import { Modal } from "../ui/modal";
import styles from "./people.module.css";
import { PeoplePicker } from "./people-picker";

export interface PeoplePickerDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  intro?: string;
  /** Under the search box: what the choice is for, or how many may be chosen. */
  hint?: string;
  /** The main button ("Open conversation", "Add"), and its text while the request runs. */
  confirmLabel: string;
  pendingLabel: string;
  /** 1 = single-select. */
  max: number;
  unavailable?: ReadonlyMap<string, string>;
  pending: boolean;
  /** Why the last attempt failed, shown inside the dialog (the choice is kept for another try). */
  error: string | null;
  /** Good news that does not close the dialog (some were added, others are left to deal with). */
  notice?: string | null;
  /**
   * After a partial success: only these people stay chosen (the others are done), so the
   * chips show exactly who is left to deal with.
   */
  keepOnly?: readonly string[] | null;
  onConfirm: (people: readonly PublicUser[]) => void;
}

/** The people picker in a modal, with Cancel and a main action that needs at least one person. */
export function PeoplePickerDialog(props: PeoplePickerDialogProps) {
  const titleId = useId();
  return (
    <Modal open={props.open} onClose={props.onClose} labelledBy={titleId}>
      {/* Rendered only while open, so every opening starts with an empty choice. */}
      <PickerForm {...props} titleId={titleId} />
    </Modal>
  );
}

function PickerForm({
  titleId,
  onClose,
  title,
  intro,
  hint,
  confirmLabel,
  pendingLabel,
  max,
  unavailable,
  pending,
  error,
  notice,
  keepOnly,
  onConfirm,
}: PeoplePickerDialogProps & { titleId: string }) {
  const [chosen, setChosen] = useState<readonly PublicUser[]>([]);
  useEffect(() => {
    if (keepOnly) setChosen((current) => current.filter((p) => keepOnly.includes(p.id)));
  }, [keepOnly]);
  const confirm = () => {
    if (chosen.length > 0 && !pending) onConfirm(chosen);
  };
  return (
    <form
      className={dialogStyles.form}
      onSubmit={(event) => {
        event.preventDefault();
        confirm();
      }}
    >
      <h2 className={dialogStyles.title} id={titleId}>
        {title}
      </h2>
      {intro && <p className={dialogStyles.intro}>{intro}</p>}
      <PeoplePicker
        chosen={chosen}
        onChange={setChosen}
        max={max}
        unavailable={unavailable}
        hint={hint}
        onSubmit={confirm}
      />
      {notice && (
        <p className={styles.notice} role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <div className={dialogStyles.actions}>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={chosen.length === 0 || pending}>
          {pending ? pendingLabel : confirmLabel}
        </button>
      </div>
    </form>
  );
}
