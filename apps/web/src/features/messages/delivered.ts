import { type QueryClient, skipToken, useQuery } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";

/**
 * The delivered watermark of a room: my messages with seq ≤ it have reached at least one
 * other member's device. Only the socket's `delivered` frames write it (there is nothing to
 * fetch), and it only moves forward: a member leaving later does not un-deliver anything.
 */
export function raiseDelivered(queryClient: QueryClient, roomId: string, seq: number): void {
  queryClient.setQueryData<number>(queryKeys.delivered(roomId), (previous) =>
    previous !== undefined && previous >= seq ? previous : seq,
  );
}

/**
 * Watermarks are kept while the session lasts, even for rooms nobody is looking at: they are
 * only sent live and after a sync, so a dropped one would not come back until the next.
 */
export function keepDeliveredWatermarks(queryClient: QueryClient): void {
  queryClient.setQueryDefaults(queryKeys.allDelivered, {
    gcTime: Number.POSITIVE_INFINITY,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function forgetDelivered(queryClient: QueryClient, roomId: string): void {
  queryClient.removeQueries({ queryKey: queryKeys.delivered(roomId), exact: true });
}

export function useDeliveredSeq(roomId: string): number {
  const { data } = useQuery<number>({ queryKey: queryKeys.delivered(roomId), queryFn: skipToken });
  return data ?? 0;
}
