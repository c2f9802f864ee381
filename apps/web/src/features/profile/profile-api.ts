import {
  API,
  type Profile,
  ProfileResponse,
  ProfilesResponse,
  type UpdateProfileRequest,
} from "@parley/protocol";
import { apiDelete, apiGet, apiPatch, apiPutImage } from "../api/api-client";

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

/** Sends the chosen file as it is; the server reads its type from the bytes, crops and resizes. */
export async function uploadAvatar(file: Blob): Promise<Profile> {
  return (await apiPutImage(API.myAvatar, file, ProfileResponse)).profile;
}
