import { API, type PublicUser, UserSearchResponse } from "@parley/protocol";
import { queryOptions } from "@tanstack/react-query";
import { apiGet } from "../api/api-client";

/** People whose name or email starts with the text (the server leaves the caller out). */
export async function searchPeople(text: string): Promise<PublicUser[]> {
  const query = new URLSearchParams({ q: text });
  return (await apiGet(`${API.users}?${query}`, UserSearchResponse)).users;
}

/**
 * Under its own "people" prefix, not "rooms": a room invalidation must not refetch every
 * search typed so far. Kept briefly — a search is cheap and names rarely change.
 */
export function peopleSearchQuery(text: string) {
  return queryOptions({
    queryKey: ["people", "search", text] as const,
    queryFn: () => searchPeople(text),
    staleTime: 60_000,
    gcTime: 5 * 60_000,
  });
}
