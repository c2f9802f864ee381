"use client";

import { API, type Message, MessageHistoryResponse } from "@parley/protocol";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { apiGet } from "../api/api-client";
import { describeError } from "../api/api-error";
import dialog from "../rooms/dialog.module.css";
import { Modal } from "../ui/modal";
import { Spinner } from "../ui/spinner";
import { formatFullDate } from "./format-time";
import styles from "./messages.module.css";

/** A moderator's view of an edited message: every earlier text, oldest first, then the current one. */
export function MessageHistoryDialog({ message, onClose }: { message: Message | null; onClose: () => void }) {
  const titleId = useId();
  const history = useQuery({
    queryKey: [
      "rooms",
      "detail",
      message?.roomId ?? "",
      "history",
      message?.id ?? "",
      message?.editedAt ?? "",
    ],
    queryFn: () =>
      apiGet(API.messageHistory(message?.roomId ?? "", message?.id ?? ""), MessageHistoryResponse),
    enabled: message !== null,
  });
  return (
    <Modal open={message !== null} onClose={onClose} labelledBy={titleId}>
      <div className={dialog.form}>
        <h2 id={titleId} className={dialog.title}>
          Edit history
        </h2>
        {history.isPending ? (
          <Spinner label="Loading the earlier versions" />
        ) : history.isError ? (
          <p className="field-error" role="alert">
            Could not load the history. {describeError(history.error)}
          </p>
        ) : (
          <ol className={styles.versions}>
            {history.data.versions.map((version) => (
              <li key={version.replacedAt}>
                <blockquote className={styles.quote}>{version.body}</blockquote>
                <p className={styles.versionMeta}>
                  Replaced {formatFullDate(version.replacedAt)} by {version.replacedBy.displayName}
                </p>
              </li>
            ))}
            {message && (
              <li>
                <blockquote className={styles.quote}>{message.body}</blockquote>
                <p className={styles.versionMeta}>Current text</p>
              </li>
            )}
          </ol>
        )}
        <div className={dialog.actions}>
          <button type="button" className="btn btn-primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Modal>
  );
}
