import { QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError, isApiError } from "./api-error";
import { queryKeys } from "./query-keys";

/** A 4xx will not go away by asking again; anything else (network, 5xx) gets two more tries. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 2;
}

export function makeQueryClient(): QueryClient {
  const queryCache = new QueryCache({
    onError: (error) => {
      // The session ended (signed out elsewhere, expired): the auth gate sends us to /login.
      if (isApiError(error, "UNAUTHENTICATED")) client.setQueryData(queryKeys.me, null);
    },
  });
  const client: QueryClient = new QueryClient({
    queryCache,
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
  return client;
}
