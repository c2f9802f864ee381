import { CheckIcon, ClockIcon, DoubleCheckIcon } from "../ui/icons";
import type { MessageStatus } from "./message-status";
import { STATUS_LABEL } from "./message-status";
import styles from "./messages.module.css";

const ICONS = {
  pending: ClockIcon,
  sent: CheckIcon,
  delivered: DoubleCheckIcon,
  // Read receipts will bring their own mark; until then nothing produces "read".
  read: DoubleCheckIcon,
} as const;

/** The small line under one of my messages: icon and word, quiet unless it needs action. */
export function DeliveryStatus({ status }: { status: Exclude<MessageStatus, "failed"> }) {
  const Icon = ICONS[status];
  return (
    <span className={styles.status} data-status={status}>
      <Icon />
      {status === "pending" ? `${STATUS_LABEL.pending}…` : STATUS_LABEL[status]}
    </span>
  );
}
