"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { describeError } from "../api/api-error";
import { PeoplePickerDialog } from "../people/people-picker-dialog";
import { MAX_CONVERSATION_OTHERS } from "./conversations-api";
import { useOpenConversation } from "./use-open-conversation";

/** "New message": choose one person (a DM) or several (a group), then go to that conversation. */
export function NewMessageDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const router = useRouter();
  const conversation = useOpenConversation();
  const { reset } = conversation;
  // A failure from the last time the dialog was open is not news now.
  useEffect(() => {
    if (open) reset();
  }, [open, reset]);

  return (
    <PeoplePickerDialog
      open={open}
      onClose={onClose}
      title="New message"
      intro="Talk to one person, or to a small group."
      hint={`Choose one person, or up to ${MAX_CONVERSATION_OTHERS} for a group.`}
      confirmLabel="Open conversation"
      pendingLabel="Opening…"
      max={MAX_CONVERSATION_OTHERS}
      pending={conversation.isPending}
      error={
        conversation.isError ? `Could not open the conversation: ${describeError(conversation.error)}` : null
      }
      onConfirm={(people) =>
        conversation.mutate(
          people.map((p) => p.id),
          {
            onSuccess: (room) => {
              onClose();
              router.push(`/rooms/${room.id}`);
            },
          },
        )
      }
    />
  );
}
