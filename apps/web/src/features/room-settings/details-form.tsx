"use client";

import {
  RECEIPTS_AUTO_MAX_MEMBERS,
  ReadReceiptsSetting,
  ROOM_NAME_MAX_LENGTH,
  ROOM_TOPIC_MAX_LENGTH,
  type Room,
  UpdateRoomRequest,
} from "@parley/protocol";
import { type FormEvent, useId, useState } from "react";
import {
  errorsFromFailure,
  errorsFromIssues,
  type FormErrors,
  NO_ERRORS,
  toIssues,
} from "../forms/form-errors";
import dialog from "../rooms/dialog.module.css";
import { TextField } from "../ui/text-field";
import styles from "./room-settings.module.css";
import {
  changedSettings,
  SETTINGS_FIELDS,
  type SettingsField,
  type SettingsValues,
  valuesOf,
} from "./settings-form";
import { slowModeLabel, slowModeOptions } from "./slow-mode";
import { useUpdateRoom } from "./use-room-settings";

const DESCRIPTION_MAX_LENGTH = 2000;

/**
 * Name, topic, description and slow mode. Only changed fields are sent; the protocol schema
 * checks them here first, and the server's VALIDATION_FAILED details land under the same
 * fields. Closes on success (the header shows the result).
 */
export function DetailsForm({
  room,
  onSaved,
  onCancel,
}: {
  room: Room;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const ids = useId();
  const fieldId = (field: SettingsField) => `${ids}-${field}`;
  const [values, setValues] = useState<SettingsValues>(() => valuesOf(room));
  const [errors, setErrors] = useState<FormErrors<SettingsField>>(NO_ERRORS);
  const update = useUpdateRoom(room.id);
  const changes = changedSettings(room, values);
  const unchanged = Object.keys(changes).length === 0;

  function set<F extends SettingsField>(field: F, value: SettingsValues[F]) {
    setValues((v) => ({ ...v, [field]: value }));
    // An edited field's error no longer describes it; the summary goes with the last one.
    setErrors((e) => {
      if (e.fields[field] === undefined) return e;
      const fields = { ...e.fields };
      delete fields[field];
      return { fields, form: Object.keys(fields).length > 0 ? e.form : null };
    });
  }

  function showErrors(next: FormErrors<SettingsField>) {
    setErrors(next);
    const first = SETTINGS_FIELDS.find((f) => next.fields[f] !== undefined);
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (unchanged) return;
    const parsed = UpdateRoomRequest.safeParse(changes);
    if (!parsed.success) {
      showErrors(errorsFromIssues(toIssues(parsed.error.issues), SETTINGS_FIELDS));
      return;
    }
    setErrors(NO_ERRORS);
    // The raw changes, not parsed.data: the server trims and checks them again itself.
    update.mutate(changes, {
      onSuccess: onSaved,
      onError: (error) => showErrors(errorsFromFailure(error, SETTINGS_FIELDS)),
    });
  }

  const slowModeHintId = `${fieldId("slowModeSeconds")}-hint`;
  return (
    <form className={styles.details} onSubmit={submit} noValidate aria-label="Room details">
      {errors.form && (
        <div className="alert" role="alert">
          {errors.form}
        </div>
      )}
      <TextField
        id={fieldId("name")}
        label="Name"
        value={values.name}
        onChange={(e) => set("name", e.target.value)}
        error={errors.fields.name}
        maxLength={ROOM_NAME_MAX_LENGTH}
        autoComplete="off"
        required
      />
      <TextField
        id={fieldId("topic")}
        label="Topic"
        value={values.topic}
        onChange={(e) => set("topic", e.target.value)}
        error={errors.fields.topic}
        maxLength={ROOM_TOPIC_MAX_LENGTH}
        hint="Shown in the room header and on the browse page."
        autoComplete="off"
      />
      <div className="field">
        <label className="label" htmlFor={fieldId("description")}>
          Description
        </label>
        <textarea
          id={fieldId("description")}
          className={`input ${dialog.textarea}`}
          value={values.description}
          maxLength={DESCRIPTION_MAX_LENGTH}
          placeholder="Optional. What belongs here, and any house rules."
          aria-invalid={errors.fields.description ? true : undefined}
          aria-describedby={errors.fields.description ? `${fieldId("description")}-error` : undefined}
          onChange={(e) => set("description", e.target.value)}
        />
        {errors.fields.description && (
          <p className="field-error" id={`${fieldId("description")}-error`}>
            {errors.fields.description}
          </p>
        )}
      </div>
      <div className="field">
        <label className="label" htmlFor={fieldId("slowModeSeconds")}>
          Slow mode
        </label>
        <select
          id={fieldId("slowModeSeconds")}
          className={`input ${dialog.select}`}
          value={values.slowModeSeconds}
          aria-describedby={slowModeHintId}
          aria-invalid={errors.fields.slowModeSeconds ? true : undefined}
          onChange={(e) => set("slowModeSeconds", Number(e.target.value))}
        >
          {slowModeOptions(room.slowModeSeconds).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {errors.fields.slowModeSeconds && <p className="field-error">{errors.fields.slowModeSeconds}</p>}
        <p className="hint" id={slowModeHintId}>
          {values.slowModeSeconds === 0
            ? "Members can post as often as they like."
            : `Members can post once every ${slowModeLabel(values.slowModeSeconds)}. Moderators and up are exempt.`}
        </p>
      </div>
      <div className="field">
        <label className="label" htmlFor={fieldId("readReceipts")}>
          Read receipts
        </label>
        <select
          id={fieldId("readReceipts")}
          className={`input ${dialog.select}`}
          value={values.readReceipts}
          aria-describedby={`${fieldId("readReceipts")}-hint`}
          onChange={(e) => set("readReceipts", ReadReceiptsSetting.parse(e.target.value))}
        >
          <option value="auto">Automatic</option>
          <option value="on">On</option>
          <option value="off">Off</option>
        </select>
        <p className="hint" id={`${fieldId("readReceipts")}-hint`}>
          {values.readReceipts === "auto"
            ? `Members see who has read what while the room has up to ${RECEIPTS_AUTO_MAX_MEMBERS} members.`
            : values.readReceipts === "on"
              ? "Members see who has read what, however big the room grows."
              : "Nobody sees who has read what here."}
        </p>
      </div>
      <div className={dialog.actions}>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={unchanged || update.isPending}>
          {update.isPending ? "Saving…" : "Save changes"}
        </button>
      </div>
    </form>
  );
}
