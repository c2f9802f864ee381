import {
  API,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  type Message,
  UPLOAD_NAME_HEADER,
  type UploadResponse,
} from "@parley/protocol";
import type { TestClient } from "../../testing/test-client";

/** An upload as the web client sends it: raw bytes, the name percent-encoded in a header. */
export async function uploadFile(
  client: TestClient,
  roomId: string,
  bytes: Uint8Array,
  name: string,
  type = "application/octet-stream",
): Promise<{ status: number; body: UploadResponse & { error?: { code: string; message: string } } }> {
  const res = await fetch(client.baseUrl + API.uploads(roomId), {
    method: "POST",
    headers: {
      "content-type": type,
      [UPLOAD_NAME_HEADER]: encodeURIComponent(name),
      [CSRF_HEADER]: CSRF_HEADER_VALUE,
      ...(client.cookie ? { cookie: client.cookie } : {}),
    },
    body: bytes,
  });
  return { status: res.status, body: (await res.json()) as never };
}

/** Uploads a file (expecting success) and sends a message carrying it. */
export async function postFile(
  client: TestClient,
  roomId: string,
  bytes: Uint8Array,
  name: string,
  type?: string,
): Promise<Message> {
  const uploaded = await uploadFile(client, roomId, bytes, name, type);
  if (uploaded.status !== 201)
    throw new Error(`upload failed: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
  const res = await client.request<{ message: Message }>("POST", API.messages(roomId), {
    clientId: crypto.randomUUID(),
    body: "",
    attachmentIds: [uploaded.body.attachment.id],
  });
  if (res.status !== 201) throw new Error(`send failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.message;
}

/** GET with the client's cookie, answering the raw response (bytes, headers, status). */
export function fetchAs(
  client: TestClient,
  url: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(client.baseUrl + url, {
    headers: { ...(client.cookie ? { cookie: client.cookie } : {}), ...headers },
  });
}
