import { API, ErrorBody, SearchResponse } from "@parley/protocol";
import { infiniteQueryOptions } from "@tanstack/react-query";
import { ApiError, NetworkError } from "../api/api-error";

/**
 * One page of results. Unlike apiGet it takes the query's AbortSignal: while someone types,
 * each superseded search is cancelled in flight instead of finishing unseen.
 */
export async function fetchSearchPage(
  params: URLSearchParams,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<SearchResponse> {
  const query = new URLSearchParams(params);
  if (cursor) query.set("cursor", cursor);
  let response: Response;
  try {
    response = await fetch(`${API.search}?${query}`, {
      credentials: "same-origin",
      headers: { accept: "application/json" },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new NetworkError(error);
  }
  if (!response.ok) {
    const parsed = ErrorBody.safeParse(await response.json().catch(() => null));
    if (parsed.success)
      throw new ApiError(response.status, parsed.data.error.code, parsed.data.error.message);
    throw new ApiError(response.status, "INTERNAL", `The server answered ${response.status}`);
  }
  return SearchResponse.parse(await response.json());
}

/**
 * Under its own "search" prefix: results are not live (a new message does not change them
 * until the next search), so they are kept briefly and never refreshed by room invalidations.
 */
export function searchQuery(params: URLSearchParams) {
  return infiniteQueryOptions({
    queryKey: ["search", params.toString()] as const,
    queryFn: ({ pageParam, signal }) => fetchSearchPage(params, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 30_000,
    gcTime: 60_000,
    retry: false,
  });
}
