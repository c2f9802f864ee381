"use client";

import type { NotifyLevel, Room } from "@parley/protocol";
import { type KeyboardEvent, useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { describeError } from "../api/api-error";
import header from "../rooms/room.module.css";
import { CheckIcon } from "../ui/icons";
import { Toast } from "../ui/toast";
import { BellIcon, BellOffIcon } from "./notification-icons";
import styles from "./notifications.module.css";
import { levelLabel, levelOptions } from "./notify-levels";
import { useSetNotifyLevel } from "./use-set-notify-level";

/** The room header's bell: how much this room notifies me (members only). */
export function NotifyLevelButton({ room }: { room: Room }) {
  if (room.myNotify === null) return null;
  return <LevelMenu room={room} level={room.myNotify} />;
}

/**
 * A menu button with one checked choice (WAI-ARIA menu with menuitemradio): arrow keys move,
 * Escape or a click elsewhere closes and returns focus. Fixed to the viewport like
 * ui/action-menu, so the header's overflow cannot clip it.
 */
function LevelMenu({ room, level }: { room: Room; level: NotifyLevel }) {
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<{ top: number; right: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const setLevel = useSetNotifyLevel(room.id);
  const [failure, setFailure] = useState<string | null>(null);
  const options = levelOptions(room);

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    setPosition(null);
    if (refocus) button.current?.focus();
  }, []);

  useLayoutEffect(() => {
    if (!open || !button.current || !menu.current) return;
    const anchor = button.current.getBoundingClientRect();
    setPosition({ top: anchor.bottom + 4, right: Math.max(8, window.innerWidth - anchor.right) });
    // Focus starts on the current choice, as a radio group's does.
    (
      menu.current.querySelector<HTMLElement>('[aria-checked="true"]') ??
      menu.current.querySelector<HTMLElement>('[role="menuitemradio"]')
    )?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    const moved = () => close(false);
    document.addEventListener("pointerdown", outside);
    window.addEventListener("resize", moved);
    return () => {
      document.removeEventListener("pointerdown", outside);
      window.removeEventListener("resize", moved);
    };
  }, [open, close]);

  function onMenuKey(event: KeyboardEvent<HTMLDivElement>) {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    if (event.key === "ArrowDown") move(index + 1);
    else if (event.key === "ArrowUp") move(index - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(items.length - 1);
    else if (event.key === "Escape" || event.key === "Tab") close(event.key === "Escape");
    else return;
    if (event.key !== "Tab") event.preventDefault();
  }

  function choose(next: NotifyLevel) {
    close(true);
    if (next === level) return;
    setFailure(null);
    setLevel.mutate(next, {
      onError: (error) => setFailure(`Could not change this room's notifications. ${describeError(error)}`),
    });
  }

  const muted = level === "mute";
  return (
    <>
      <button
        ref={button}
        type="button"
        className={`btn ${header.headerButton}`}
        aria-label={`Notifications: ${levelLabel(level)}`}
        title={`Notifications: ${levelLabel(level)}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        {muted ? <BellOffIcon /> : <BellIcon />}
        <span className={header.headerButtonText}>{muted ? "Muted" : "Notifications"}</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label="Notify me about"
          className={`menu ${styles.levelMenu}`}
          style={position ? { top: position.top, right: position.right } : { visibility: "hidden" }}
          onKeyDown={onMenuKey}
        >
          <p className={styles.levelMenuTitle} aria-hidden="true">
            Notify me about
          </p>
          {options.map((option) => (
            <button
              key={option.level}
              type="button"
              role="menuitemradio"
              aria-checked={option.level === level}
              tabIndex={-1}
              aria-label={option.label}
              aria-describedby={`${menuId}-${option.level}`}
              className={`menu-item ${styles.levelItem}`}
              onClick={() => choose(option.level)}
            >
              <span className={styles.levelCheck}>{option.level === level && <CheckIcon />}</span>
              <span>
                <span className={styles.levelLabel}>{option.label}</span>
                <span id={`${menuId}-${option.level}`} className={styles.levelDescription}>
                  {option.description}
                </span>
              </span>
            </button>
          ))}
        </div>
      )}
      {failure && <Toast text={failure} onDismiss={() => setFailure(null)} />}
    </>
  );
}
