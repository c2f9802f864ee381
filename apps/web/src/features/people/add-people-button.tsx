"use client";

import type { PublicUser, Room } from "@parley/protocol";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { roomTitle } from "../conversations/conversation-name";
import { membersQuery } from "../moderation/moderation-api";
import { useAddPeople } from "../rooms/room-mutations";
import { UserPlusIcon } from "../ui/icons";
import { Toast } from "../ui/toast";
import { addedText, addFailureText } from "./add-people-text";
import { PeoplePickerDialog } from "./people-picker-dialog";

/** A handful at a time: each person is their own request, and their own possible refusal. */
const ADD_PEOPLE_MAX = 10;

/**
 * "Add people" for a channel: the people picker, then each chosen person is added. Who is
 * already in is listed but cannot be chosen; a refusal (a ban) is explained in the dialog,
 * which keeps only the people still to deal with. Everyone added: a confirmation toast.
 */
export function AddPeopleButton({
  room,
  className,
  labelClassName,
}: {
  room: Room;
  className?: string;
  /** Lets the header hide the words on phones (the icon and aria-label stay). */
  labelClassName?: string;
}) {
  const [open, setOpen] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  /** A partial success: who went in, and why the others did not (they stay chosen). */
  const [failure, setFailure] = useState<{ added: string | null; text: string; keep: string[] } | null>(null);
  const add = useAddPeople(room.id);
  const members = useQuery({ ...membersQuery(room.id), enabled: open });
  const unavailable = useMemo(
    () => new Map((members.data ?? []).map((m) => [m.user.id, "Already in this room"] as const)),
    [members.data],
  );
  const title = roomTitle(room);
  const dismissToast = useCallback(() => setToast(null), []);

  function confirm(people: readonly PublicUser[]) {
    setFailure(null);
    add.mutate(people, {
      onSuccess: ({ added, failed }) => {
        if (failed.length === 0) {
          setOpen(false);
          setToast(addedText(added, title));
          return;
        }
        // The dialog stays open (a toast would sit behind it): the good news goes in it too.
        setFailure({
          added: added.length > 0 ? addedText(added, title) : null,
          text: failed.map((f) => addFailureText(f.person, f.error)).join(" "),
          keep: failed.map((f) => f.person.id),
        });
      },
    });
  }

  return (
    <>
      <button
        type="button"
        className={`btn ${className ?? ""}`}
        aria-label="Add people"
        onClick={() => {
          setFailure(null);
          setOpen(true);
        }}
      >
        <UserPlusIcon />
        <span className={labelClassName}>Add people</span>
      </button>
      <PeoplePickerDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Add people to ${title}`}
        intro="They can read the history and post straight away."
        hint={`Choose up to ${ADD_PEOPLE_MAX} people.`}
        confirmLabel="Add"
        pendingLabel="Adding…"
        max={ADD_PEOPLE_MAX}
        unavailable={unavailable}
        pending={add.isPending}
        error={failure?.text ?? null}
        notice={failure?.added ?? null}
        keepOnly={failure?.keep ?? null}
        onConfirm={confirm}
      />
      {toast && <Toast text={toast} onDismiss={dismissToast} />}
    </>
  );
}
