"use client";

import type { AdminUser } from "@parley/protocol";
import { describeError } from "../api/api-error";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useDeactivateUser } from "./use-deactivate-user";

/** "Deactivate X?" — says plainly that it cannot be undone; the server's refusal shows inside. */
export function DeactivateDialog({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const deactivate = useDeactivateUser();
  const close = () => {
    deactivate.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      open={user !== null}
      title={user ? `Deactivate ${user.displayName}?` : ""}
      confirmLabel="Deactivate account"
      pending={deactivate.isPending}
      error={deactivate.isError ? describeError(deactivate.error) : null}
      onClose={close}
      onConfirm={() => {
        if (user) deactivate.mutate(user.id, { onSuccess: close });
      }}
    >
      {user && (
        <p>
          <strong>{user.displayName}</strong> ({user.email}) is signed out everywhere at once and can never
          sign in again. Their messages stay where they are. <strong>This cannot be undone.</strong>
        </p>
      )}
    </ConfirmDialog>
  );
}
