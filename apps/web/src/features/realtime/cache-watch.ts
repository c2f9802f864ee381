import type { Message } from "@parley/protocol";
import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";
import type { MessagesCache } from "../messages/message-cache";

/**
 * Calls `onChange` whenever a room's messages in the cache were written, however they came
 * (live, sync replay, gap fill, first page, older page, resync reload). Returns the unsubscribe.
 */
export function watchMessageCaches(
  queryClient: QueryClient,
  onChange: (roomId: string, messages: readonly Message[]) => void,
): () => void {
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== "updated" || event.action.type !== "success") return;
    const [prefix, roomId] = event.query.queryKey;
    if (prefix !== queryKeys.allMessages[0] || typeof roomId !== "string") return;
    // Every query under the "messages" key holds a MessagesCache (see messagesQuery).
    const data = event.query.state.data as MessagesCache | undefined;
    if (data) onChange(roomId, data.messages);
  });
}
