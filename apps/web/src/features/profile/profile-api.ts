import {
  API,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  ErrorBody,
  type Profile,
  ProfileResponse,
  ProfilesResponse,
  type UpdateProfileRequest,
} from "@parley/protocol";
import { apiDelete, apiGet, apiPatch } from "../api/api-client";
import { ApiError, NetworkError } from "../api/api-error";

/** Up to PROFILES_MAX_IDS profiles in one request; unknown ids are simply absent. */
export async function fetchProfiles(ids: readonly string[]): Promise<Profile[]> {
  const query = ids.map(encodeURIComponent).join(",");
  return (await apiGet(`${API.profiles}?ids=${query}`, ProfilesResponse)).profiles;
}

export async function saveProfile(changes: UpdateProfileRequest): Promise<Profile> {
  return (await apiPatch(API.myProfile, changes, ProfileResponse)).profile;
}

export async function deleteAvatar(): Promise<Profile> {
  return (await apiDelete(API.myAvatar, ProfileResponse)).profile;
}

/**
 * Sends the chosen file as it is (the body is the image's bytes, not JSON: api-client only
 * speaks JSON). The server reads its type from the bytes and does the crop and resize.
 */
export async function uploadAvatar(file: Blob): Promise<Profile> {
  let response: Response;
  try {
    response = await fetch(API.myAvatar, {
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
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) return ProfileResponse.parse(json).profile;
  const parsed = ErrorBody.safeParse(json);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    throw new ApiError(response.status, code, message, { details });
  }
  // A proxy in front may refuse a large body with its own page before the server sees it.
  if (response.status === 413) {
    throw new ApiError(413, "IMAGE_TOO_LARGE", "That image is too big to upload.");
  }
  throw new ApiError(response.status, "INTERNAL", `The server answered ${response.status}`);
}
