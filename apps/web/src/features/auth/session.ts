import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";

/**
 * Forgets everything that belonged to the session (signed out here, in another tab, or
 * expired). Setting `me` to null first makes the auth gate unmount the app before the other
 * queries are dropped, so nothing refetches them with a dead cookie.
 */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.setQueryData(queryKeys.me, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
}
