"use client";

import { type CSSProperties, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { describeError } from "../api/api-error";
import { Avatar } from "../ui/avatar";
import { CloseIcon } from "../ui/icons";
import { placeCard, type Rect } from "./card-position";
import styles from "./profile.module.css";
import { useProfile } from "./profile-query";

/** Where the card is placed on a wide screen; phones show it as a bottom sheet (CSS). */
const WIDE = "(min-width: 721px)";

/**
 * Someone's profile — picture, name, status — opened from their name or avatar. A modal
 * <dialog> (focus, Escape and the top layer come from the browser): beside the click as a
 * popover on a wide screen, a bottom sheet on a phone. A click outside closes it. Rendered into
 * <body>, so it inherits nothing from where it was opened (a bold, clipped member name).
 */
export function ProfileCard({
  userId,
  name,
  anchor,
  isMe,
  onEditProfile,
  onClose,
}: {
  userId: string;
  /** Shown while the profile loads, and if it cannot be. */
  name: string;
  anchor: Rect;
  isMe: boolean;
  onEditProfile: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [position, setPosition] = useState<CSSProperties>({});
  const query = useProfile(userId);
  const profile = query.data;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // Placed again whenever the card changes size (loading → loaded, a long status).
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const place = () => {
      if (!window.matchMedia(WIDE).matches) return setPosition({});
      const { top, left } = placeCard(
        anchor,
        { width: dialog.offsetWidth, height: dialog.offsetHeight },
        { width: window.innerWidth, height: window.innerHeight },
      );
      // CSSProperties does not list custom properties; the CSS reads these two (desktop only).
      setPosition({ "--card-top": `${top}px`, "--card-left": `${left}px` } as CSSProperties);
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(dialog);
    return () => observer.disconnect();
  }, [anchor]);

  const displayName = profile?.displayName ?? name;
  return createPortal(
    // The backdrop is the dialog element itself (the card fills it): a click that lands on it
    // is a click outside the card. Escape is the dialog's own keyboard way out.
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes a modal dialog natively.
    <dialog
      ref={ref}
      className={styles.card}
      style={position}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === event.currentTarget) ref.current?.close();
      }}
    >
      <div className={styles.cardBody}>
        <button
          type="button"
          className={`btn btn-ghost btn-icon ${styles.cardClose}`}
          aria-label="Close"
          onClick={() => ref.current?.close()}
        >
          <CloseIcon />
        </button>
        <div className={styles.cardPicture}>
          <Avatar userId={userId} name={displayName} size={88} />
        </div>
        <h2 className={styles.cardName} id={titleId}>
          {displayName}
          {isMe && <span className={styles.you}> (you)</span>}
        </h2>
        {query.isPending ? (
          <div aria-busy="true" className={styles.cardLoading}>
            <span className="visually-hidden">Loading profile…</span>
            <div className="skeleton" />
          </div>
        ) : query.isError ? (
          <div className={styles.cardProblem} role="alert">
            <p>Could not load this profile. {describeError(query.error)}</p>
            <button type="button" className="btn btn-small" onClick={() => void query.refetch()}>
              Try again
            </button>
          </div>
        ) : profile === null ? (
          <p className={styles.cardMuted}>This account no longer exists.</p>
        ) : profile?.statusText ? (
          <p className={styles.cardStatus}>{profile.statusText}</p>
        ) : (
          <p className={styles.cardMuted}>{isMe ? "You have not set a status yet." : "No status set."}</p>
        )}
        {isMe && (
          <button
            type="button"
            className={`btn btn-small ${styles.cardAction}`}
            onClick={() => {
              ref.current?.close();
              onEditProfile();
            }}
          >
            Edit profile
          </button>
        )}
      </div>
    </dialog>,
    document.body,
  );
}
