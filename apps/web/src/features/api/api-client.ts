import { CSRF_HEADER, CSRF_HEADER_VALUE, ErrorBody } from "@parley/protocol";
import { ApiError, NetworkError } from "./api-error";

/** Any protocol schema: only its parse() is needed (keeps zod out of this app's dependencies). */
export interface Parser<T> {
  parse(data: unknown): T;
}

export interface RequestOptions {
  /** The request outlives the page (a read pointer sent as the tab closes); small bodies only. */
  keepalive?: boolean;
}

/**
 * The one place that talks HTTP to the API. Same origin, so the HttpOnly session cookie goes
 * along by default. Answers are parsed with the protocol schema so a contract drift fails
 * loudly here instead of as `undefined` deep in a component.
 */
async function request<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  schema: Parser<T> | null,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: "same-origin",
    headers: { accept: "application/json" },
    keepalive: options.keepalive ?? false,
  };
  if (method !== "GET") {
    // Every state-changing request carries the CSRF header; the server refuses it otherwise.
    init.headers = {
      accept: "application/json",
      "content-type": "application/json",
      [CSRF_HEADER]: CSRF_HEADER_VALUE,
    };
    init.body = JSON.stringify(body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new NetworkError(error);
  }
  if (!response.ok) throw await toApiError(response);
  // Only the *Empty helpers pass no schema, and they ignore the result.
  if (schema === null || response.status === 204) return undefined as T;
  const json: unknown = await response.json();
  return schema.parse(json);
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get("retry-after"));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  try {
    const parsed = ErrorBody.safeParse(await response.json());
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      return new ApiError(response.status, code, message, { details, retryAfterSeconds });
    }
  } catch {
    // Not JSON (a proxy's HTML error page, say): fall through to a generic error.
  }
  return new ApiError(response.status, "INTERNAL", `The server answered ${response.status}`, {
    retryAfterSeconds,
  });
}

export function apiGet<T>(path: string, schema: Parser<T>): Promise<T> {
  return request("GET", path, schema);
}

export function apiPost<T>(
  path: string,
  body: unknown,
  schema: Parser<T>,
  options?: RequestOptions,
): Promise<T> {
  return request("POST", path, schema, body, options);
}

/** A POST whose answer has no body we need (204). */
export async function apiPostEmpty(path: string, body: unknown = {}): Promise<void> {
  await request("POST", path, null, body);
}

/** A PUT answered with 204 (mute, role change, ban). */
export async function apiPutEmpty(path: string, body: unknown = {}): Promise<void> {
  await request("PUT", path, null, body);
}

/** A DELETE answered with 204 (unmute, unban, revoke). */
export async function apiDeleteEmpty(path: string): Promise<void> {
  await request("DELETE", path, null);
}

/** A PATCH answered with a body (room settings). */
export function apiPatch<T>(path: string, body: unknown, schema: Parser<T>): Promise<T> {
  return request("PATCH", path, schema, body);
}

/** A DELETE answered with a body (deleting a message returns it as it is now). */
export function apiDelete<T>(path: string, schema: Parser<T>): Promise<T> {
  return request("DELETE", path, schema);
}

/**
 * PUT an image's bytes as the body (an avatar, a room picture): this client otherwise only
 * speaks JSON. The server reads the type from the bytes and answers JSON as usual.
 */
export async function apiPutImage<T>(path: string, file: Blob, schema: Parser<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "PUT",
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        "content-type": file.type || "application/octet-stream",
        [CSRF_HEADER]: CSRF_HEADER_VALUE,
      },
      body: file,
    });
  } catch (error) {
    throw new NetworkError(error);
  }
  if (response.ok) return schema.parse(await response.json());
  // A proxy in front may refuse a large body with its own page before the server sees it.
  if (response.status === 413 && !response.headers.get("content-type")?.includes("json")) {
    throw new ApiError(413, "IMAGE_TOO_LARGE", "That image is too big to upload.");
  }
  throw await toApiError(response);
}
