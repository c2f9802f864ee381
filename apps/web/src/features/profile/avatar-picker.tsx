"use client";

import type { Profile } from "@parley/protocol";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Avatar } from "../ui/avatar";
import { avatarHue, initials } from "../ui/avatar-style";
import { AlertIcon } from "../ui/icons";
import { AVATAR_ACCEPT, avatarFileProblem } from "./avatar-file";
import styles from "./profile.module.css";

/** What saving will do to the photo. */
export type AvatarChoice = { kind: "keep" } | { kind: "file"; file: File } | { kind: "remove" };

const PREVIEW = 96;

/**
 * The photo part of the profile form: the current photo, or a preview of the chosen file
 * cropped to a square from its middle exactly as the server will crop it (here only drawn
 * that way; the server does the real crop and resize).
 */
export function AvatarPicker({
  profile,
  choice,
  error,
  onChoose,
}: {
  profile: Profile;
  choice: AvatarChoice;
  error: string | null;
  /** `problem` is why the chosen file cannot be used, or null. */
  onChoose: (choice: AvatarChoice, problem: string | null) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const errorId = useId();
  const previewUrl = useObjectUrl(choice.kind === "file" ? choice.file : null);
  const hasPhoto = profile.avatarUrl !== null;

  let preview: ReactNode;
  if (choice.kind === "file" && error) {
    // Not drawn at all: a file refused for its size or type must not be decoded either.
    preview = (
      <span className={styles.previewProblem} role="img" aria-label="This file cannot be used">
        <AlertIcon />
      </span>
    );
  } else if (choice.kind === "file" && previewUrl) {
    preview = (
      // biome-ignore lint/performance/noImgElement: a local object URL; next/image cannot load it.
      <img
        src={previewUrl}
        alt="Your new photo, as it will be cropped"
        className={styles.previewImage}
        width={PREVIEW}
        height={PREVIEW}
        // The browser cannot draw it: whatever its name says, it is not an image we can use.
        onError={() => onChoose(choice, "That file could not be read as an image.")}
      />
    );
  } else if (choice.kind === "remove") {
    preview = (
      <span
        aria-hidden="true"
        className="avatar"
        style={{
          width: PREVIEW,
          height: PREVIEW,
          fontSize: PREVIEW * 0.4,
          background: `hsl(${avatarHue(profile.id)} 55% 42%)`,
        }}
      >
        {initials(profile.displayName)}
      </span>
    );
  } else {
    preview = <Avatar userId={profile.id} name={profile.displayName} size={PREVIEW} />;
  }

  return (
    <fieldset className={styles.picker} aria-describedby={`${hintId}${error ? ` ${errorId}` : ""}`}>
      <legend className="label">Photo</legend>
      <div className={styles.pickerRow}>
        <div className={styles.preview}>{preview}</div>
        <div className={styles.pickerSide}>
          <div className={styles.pickerButtons}>
            <button type="button" className="btn btn-small" onClick={() => input.current?.click()}>
              {hasPhoto || choice.kind === "file" ? "Change photo…" : "Upload photo…"}
            </button>
            {hasPhoto && choice.kind !== "remove" && (
              <button
                type="button"
                className="btn btn-small btn-ghost btn-danger"
                onClick={() => onChoose({ kind: "remove" }, null)}
              >
                Remove photo
              </button>
            )}
            {choice.kind !== "keep" && (
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => onChoose({ kind: "keep" }, null)}
              >
                Undo
              </button>
            )}
          </div>
          <p className="hint" id={hintId}>
            {choice.kind === "file" && error
              ? "Choose another file (PNG, JPEG, WebP or GIF, up to 5 MB), or undo."
              : choice.kind === "file"
                ? "Not saved yet. Cropped to a square from the middle."
                : choice.kind === "remove"
                  ? "Your photo will be removed when you save; your initials show instead."
                  : "PNG, JPEG, WebP or GIF, up to 5 MB. Cropped to a square from the middle."}
          </p>
          {error && (
            <p className="field-error" id={errorId} role="alert">
              {error}
            </p>
          )}
        </div>
      </div>
      <input
        ref={input}
        type="file"
        accept={AVATAR_ACCEPT}
        aria-label="Choose a photo"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Choosing the same file again must fire onChange again.
          event.target.value = "";
          if (file) onChoose({ kind: "file", file }, avatarFileProblem(file));
        }}
      />
    </fieldset>
  );
}

/** An object URL for the file while it is shown, revoked after. */
function useObjectUrl(file: File | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setUrl(null);
      return;
    }
    const next = URL.createObjectURL(file);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [file]);
  return url;
}
