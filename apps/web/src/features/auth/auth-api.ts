import { API, type LoginRequest, MeResponse, type SignupRequest, type User } from "@parley/protocol";
import { apiGet, apiPost, apiPostEmpty } from "../api/api-client";
import { isApiError } from "../api/api-error";

/** The signed-in user, or null when there is no valid session. */
export async function fetchMe(): Promise<User | null> {
  try {
    return (await apiGet(API.me, MeResponse)).user;
  } catch (error) {
    if (isApiError(error, "UNAUTHENTICATED")) return null;
    throw error;
  }
}

export async function signUp(input: SignupRequest): Promise<User> {
  return (await apiPost(API.signup, input, MeResponse)).user;
}

export async function signIn(input: LoginRequest): Promise<User> {
  return (await apiPost(API.login, input, MeResponse)).user;
}

export function signOut(): Promise<void> {
  return apiPostEmpty(API.logout);
}
