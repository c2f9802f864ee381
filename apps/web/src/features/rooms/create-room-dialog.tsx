"use client";

import {
  type CreateRoomRequest as CreateRoomInput,
  CreateRoomRequest,
  ROOM_NAME_MAX_LENGTH,
  ROOM_TOPIC_MAX_LENGTH,
} from "@parley/protocol";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import {
  errorsFromFailure,
  errorsFromIssues,
  type FormErrors,
  NO_ERRORS,
  toIssues,
} from "../forms/form-errors";
import { LockIcon } from "../ui/icons";
import { TextField } from "../ui/text-field";
import styles from "./dialog.module.css";
import { useCreateRoom } from "./room-mutations";

type Field = "name" | "topic";
const FIELDS: readonly Field[] = ["name", "topic"];
const EMPTY: CreateRoomInput = { name: "", topic: "", visibility: "public" };

/** A native modal <dialog>: focus trapping, Escape and the backdrop come from the browser. */
export function CreateRoomDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const privateHintId = useId();
  const privateLabelId = useId();
  const router = useRouter();
  const [values, setValues] = useState<CreateRoomInput>(EMPTY);
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  const mutation = useCreateRoom();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setValues(EMPTY);
      setErrors(NO_ERRORS);
      mutation.reset();
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
    // mutation.reset is stable, so in effect this runs on opening and closing only.
  }, [open, mutation.reset]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = CreateRoomRequest.safeParse(values);
    if (!parsed.success) {
      setErrors(errorsFromIssues(toIssues(parsed.error.issues), FIELDS));
      document.getElementById("room-name")?.focus();
      return;
    }
    setErrors(NO_ERRORS);
    mutation.mutate(parsed.data, {
      onSuccess: (room) => {
        onClose();
        router.push(`/rooms/${room.id}`);
      },
      onError: (error) => setErrors(errorsFromFailure(error, FIELDS)),
    });
  }

  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby={titleId} onClose={onClose}>
      <form className={styles.form} onSubmit={submit} noValidate>
        <h2 className={styles.title} id={titleId}>
          Create a room
        </h2>
        <p className={styles.intro}>Rooms are where conversations happen.</p>
        {errors.form && (
          <div className="alert" role="alert">
            {errors.form}
          </div>
        )}
        <TextField
          id="room-name"
          label="Room name"
          value={values.name}
          onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
          error={errors.fields.name}
          maxLength={ROOM_NAME_MAX_LENGTH}
          placeholder="e.g. general"
          autoComplete="off"
          required
        />
        <TextField
          id="room-topic"
          label="Topic"
          value={values.topic}
          onChange={(e) => setValues((v) => ({ ...v, topic: e.target.value }))}
          error={errors.fields.topic}
          maxLength={ROOM_TOPIC_MAX_LENGTH}
          hint="Optional. What is this room about?"
          autoComplete="off"
        />
        <label className={styles.check}>
          <input
            type="checkbox"
            checked={values.visibility === "private"}
            onChange={(e) =>
              setValues((v) => ({ ...v, visibility: e.target.checked ? "private" : "public" }))
            }
            aria-labelledby={privateLabelId}
            aria-describedby={privateHintId}
          />
          <span>
            <span className={styles.checkLabel} id={privateLabelId}>
              <LockIcon /> Private room
            </span>
            <span className="hint" id={privateHintId}>
              Only invited people can see and join it.
            </span>
          </span>
        </label>
        <div className={styles.actions}>
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={mutation.isPending}>
            Create
          </button>
        </div>
      </form>
    </dialog>
  );
}
