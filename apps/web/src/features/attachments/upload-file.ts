import {
  API,
  type Attachment,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  ErrorBody,
  UPLOAD_NAME_HEADER,
  UploadResponse,
} from "@parley/protocol";

/** An upload in flight: its progress, its outcome, and a way to stop it. */
export interface UploadHandle {
  promise: Promise<Attachment>;
  abort(): void;
}

/** Why an upload did not finish; `aborted` when the user cancelled it. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

/**
 * Uploads one file to a room as a pending attachment: the raw bytes as the body, the name
 * percent-encoded in a header. XMLHttpRequest rather than fetch, because only it reports
 * upload progress; `onProgress` gets 0..1.
 */
export function uploadFile(roomId: string, file: File, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<Attachment>((resolve, reject) => {
    xhr.open("POST", API.uploads(roomId));
    xhr.setRequestHeader(CSRF_HEADER, CSRF_HEADER_VALUE);
    xhr.setRequestHeader(UPLOAD_NAME_HEADER, encodeURIComponent(file.name || "file"));
    if (file.type) xhr.setRequestHeader("content-type", file.type);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        const parsed = UploadResponse.safeParse(xhr.response);
        if (parsed.success) {
          onProgress(1);
          resolve(parsed.data.attachment);
          return;
        }
      }
      const error = ErrorBody.safeParse(xhr.response);
      reject(
        error.success
          ? new UploadError(error.data.error.message, error.data.error.code)
          : new UploadError(`Upload failed (${xhr.status})`, "INTERNAL"),
      );
    };
    xhr.onerror = () => reject(new UploadError("Network error: the upload did not finish", "NETWORK"));
    xhr.onabort = () => reject(new UploadError("Cancelled", "aborted"));
    xhr.send(file);
  });
  return { promise, abort: () => xhr.abort() };
}
