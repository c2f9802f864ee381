import { queryOptions, useQuery } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys";
import { fetchMe } from "./auth-api";

/** `data` is the user, or null when signed out. */
export const meQueryOptions = queryOptions({
  queryKey: queryKeys.me,
  queryFn: fetchMe,
  staleTime: 5 * 60_000,
});

export function useMe() {
  return useQuery(meQueryOptions);
}
