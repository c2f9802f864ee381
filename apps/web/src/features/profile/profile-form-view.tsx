"use client";

import {
  DISPLAY_NAME_MAX_LENGTH,
  type Profile,
  STATUS_TEXT_MAX_LENGTH,
  UpdateProfileRequest,
} from "@parley/protocol";
import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { describeError } from "../api/api-error";
import {
  errorsFromFailure,
  errorsFromIssues,
  type FormErrors,
  NO_ERRORS,
  toIssues,
} from "../forms/form-errors";
import dialog from "../rooms/dialog.module.css";
import { TextField } from "../ui/text-field";
import { type AvatarChoice, AvatarPicker } from "./avatar-picker";
import styles from "./profile.module.css";
import { deleteAvatar, saveProfile, uploadAvatar } from "./profile-api";
import {
  changedProfile,
  normaliseStatus,
  PROFILE_FIELDS,
  type ProfileField,
  type ProfileValues,
} from "./profile-form";
import { applyProfile } from "./profile-query";

/**
 * Photo, display name and status, saved together. Names and status go first (checked here by
 * the protocol schema, then by the server), then the photo; a failed step leaves its error
 * where it belongs and the dialog open, with what did save already saved.
 */
export function ProfileForm({
  profile,
  onSaved,
  onCancel,
}: {
  profile: Profile;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const ids = useId();
  const fieldId = (field: ProfileField) => `${ids}-${field}`;
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ProfileValues>({
    displayName: profile.displayName,
    statusText: profile.statusText,
  });
  const [errors, setErrors] = useState<FormErrors<ProfileField>>(NO_ERRORS);
  const [avatar, setAvatar] = useState<AvatarChoice>({ kind: "keep" });
  const [avatarError, setAvatarError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const changes = changedProfile(profile, values);
  const textChanged = Object.keys(changes).length > 0;
  const unchanged = !textChanged && avatar.kind === "keep";
  // A chosen file that cannot be used: choose another, or undo, before saving.
  const blocked = avatar.kind === "file" && avatarError !== null;

  function set(field: ProfileField, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => {
      if (e.fields[field] === undefined) return e;
      const fields = { ...e.fields };
      delete fields[field];
      return { fields, form: Object.keys(fields).length > 0 ? e.form : null };
    });
  }

  function showErrors(next: FormErrors<ProfileField>) {
    setErrors(next);
    const first = PROFILE_FIELDS.find((f) => next.fields[f] !== undefined);
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (unchanged || saving || blocked) return;
    if (textChanged) {
      const parsed = UpdateProfileRequest.safeParse(changes);
      if (!parsed.success) {
        showErrors(errorsFromIssues(toIssues(parsed.error.issues), PROFILE_FIELDS));
        return;
      }
    }
    setErrors(NO_ERRORS);
    setSaving(true);
    try {
      if (textChanged) {
        try {
          applyProfile(queryClient, await saveProfile(changes));
        } catch (error) {
          showErrors(errorsFromFailure(error, PROFILE_FIELDS));
          return;
        }
      }
      if (avatar.kind !== "keep") {
        try {
          applyProfile(
            queryClient,
            await (avatar.kind === "file" ? uploadAvatar(avatar.file) : deleteAvatar()),
          );
        } catch (error) {
          setAvatarError(describeError(error));
          return;
        }
      }
      onSaved();
    } finally {
      setSaving(false);
    }
  }

  const statusLength = normaliseStatus(values.statusText).length;
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Your profile">
      {errors.form && (
        <div className="alert" role="alert">
          {errors.form}
        </div>
      )}
      <AvatarPicker
        profile={profile}
        choice={avatar}
        error={avatarError}
        onChoose={(choice, problem) => {
          setAvatar(choice);
          setAvatarError(problem);
        }}
      />
      <TextField
        id={fieldId("displayName")}
        label="Display name"
        value={values.displayName}
        onChange={(e) => set("displayName", e.target.value)}
        error={errors.fields.displayName}
        maxLength={DISPLAY_NAME_MAX_LENGTH}
        autoComplete="nickname"
        required
      />
      <TextField
        id={fieldId("statusText")}
        label="Status"
        value={values.statusText}
        onChange={(e) => set("statusText", e.target.value)}
        error={errors.fields.statusText}
        maxLength={STATUS_TEXT_MAX_LENGTH}
        placeholder="What are you up to?"
        hint={`Shown on your profile card. ${statusLength}/${STATUS_TEXT_MAX_LENGTH}`}
        autoComplete="off"
      />
      <div className={dialog.actions}>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={unchanged || saving || blocked}>
          {saving ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}
