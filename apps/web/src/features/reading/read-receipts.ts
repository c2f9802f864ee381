import {
  API,
  type ReadReceipt,
  type ReadReceiptsResponse,
  ReadReceiptsResponse as ReadReceiptsSchema,
  SERVER_FRAME,
  type ServerFrame,
} from "@parley/protocol";
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { apiGet } from "../api/api-client";
import { queryKeys } from "../api/query-keys";

export function readReceiptsQuery(roomId: string) {
  return queryOptions({
    queryKey: queryKeys.readReceipts(roomId),
    queryFn: () => apiGet(API.readReceipts(roomId), ReadReceiptsSchema),
    // Kept current by `receipt.read` frames; refetched when the socket reconnects.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A member's pointer moved: it only ever grows, so an older or repeated frame changes nothing. */
export function applyReceipt(
  state: ReadReceiptsResponse | undefined,
  receipt: ReadReceipt,
): ReadReceiptsResponse | undefined {
  if (!state?.enabled) return state;
  const current = state.receipts.find((r) => r.userId === receipt.userId);
  if (current && current.readSeq >= receipt.readSeq) return state;
  const others = state.receipts.filter((r) => r.userId !== receipt.userId);
  return { enabled: true, receipts: [...others, receipt] };
}

/**
 * Keeps the receipts of every room held in the cache current from the socket: a moved
 * pointer is applied; a change of the room's setting, its membership, or a reconnect (which
 * may have missed frames) refetches the room's list.
 */
export function syncReadReceipts(queryClient: QueryClient) {
  const refetch = (roomId?: string) =>
    void queryClient.invalidateQueries(
      roomId
        ? { queryKey: queryKeys.readReceipts(roomId), exact: true }
        : { predicate: (query) => query.queryKey[0] === "rooms" && query.queryKey[3] === "receipts" },
    );
  return (frame: ServerFrame): void => {
    switch (frame.type) {
      case SERVER_FRAME.READ_RECEIPT:
        queryClient.setQueryData<ReadReceiptsResponse>(queryKeys.readReceipts(frame.roomId), (state) =>
          applyReceipt(state, frame.receipt),
        );
        return;
      case SERVER_FRAME.ROOM_UPDATED:
        if (frame.changes.readReceipts !== undefined) refetch(frame.roomId);
        return;
      case SERVER_FRAME.ROOM_MEMBERS:
        refetch(frame.roomId);
        return;
      case SERVER_FRAME.READY:
        refetch();
        return;
    }
  };
}

/** Enough to place receipts: a row's key and, once stored, its message's seq. */
interface Row {
  key: string;
  authorId: string;
  message: { seq: number } | null;
}

/**
 * Where each reader's face goes: under the newest stored row they have read (rows are in seq
 * order; unconfirmed sends have no seq and are never read). Readers who have not reached the
 * oldest loaded row are left out: their place is in history not on screen; so are readers
 * whose place is their own message (of course its author has read it). Within a row, the
 * furthest reader comes first.
 */
export function placeReaders(rows: readonly Row[], receipts: readonly ReadReceipt[]): Map<string, string[]> {
  const stored = rows.filter((r): r is Row & { message: { seq: number } } => r.message !== null);
  const placed = new Map<string, Array<{ userId: string; seq: number }>>();
  for (const receipt of receipts) {
    // The last stored row with seq <= readSeq (binary search: rows are sorted by seq).
    let lo = 0;
    let hi = stored.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((stored[mid]?.message.seq ?? 0) <= receipt.readSeq) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    const row = stored[found];
    if (!row || row.authorId === receipt.userId) continue;
    const list = placed.get(row.key) ?? [];
    list.push({ userId: receipt.userId, seq: receipt.readSeq });
    placed.set(row.key, list);
  }
  return new Map(
    [...placed].map(([key, list]) => [key, list.sort((a, b) => b.seq - a.seq).map((r) => r.userId)]),
  );
}
