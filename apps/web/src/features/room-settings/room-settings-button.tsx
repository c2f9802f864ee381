"use client";

import type { Room } from "@parley/protocol";
import { useState } from "react";
import header from "../rooms/room.module.css";
import { canManageRoom } from "./permissions";
import { RoomSettingsDialog } from "./room-settings-dialog";
import { SettingsIcon } from "./settings-icon";

/**
 * The room header's "Settings" button with its dialog: only for a channel's admins and owner
 * (nothing at all for everyone else, and nothing in direct conversations).
 */
export function RoomSettingsButton({ room }: { room: Room }) {
  const [open, setOpen] = useState(false);
  if (!canManageRoom(room)) return null;
  return (
    <>
      <button
        type="button"
        className={`btn ${header.headerButton}`}
        aria-label="Room settings"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <SettingsIcon />
        <span className={header.headerButtonText}>Settings</span>
      </button>
      <RoomSettingsDialog room={room} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
