import { z } from "zod";
import { SignupRequest } from "./accounts";
import { Id } from "./common";

/** A status line ("On holiday until Monday"), at most this many characters. */
export const STATUS_TEXT_MAX_LENGTH = 100;
/** One profiles request names at most this many people (the client batches in chunks). */
export const PROFILES_MAX_IDS = 100;
/** An avatar upload is at most this many bytes. */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
/**
 * An avatar upload is refused past this many pixels (width × height) before it is decoded: a
 * small file can declare enormous dimensions (a "pixel flood") and exhaust memory. 50 MP lets
 * a 48 MP phone photo through.
 */
export const AVATAR_MAX_PIXELS = 50_000_000;
/** What people may upload; the server decides from the file's first bytes, not its name. */
export const AVATAR_MIME_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
/** Side of the square avatar the server keeps, and of its small variant for lists. */
export const AVATAR_SIZE = 256;
export const AVATAR_THUMB_SIZE = 64;

/**
 * What everyone sees of a person beyond their name: fetched by id (batched, cached by the
 * client) rather than carried in every message. Avatar URLs name the image by its content
 * hash, so a browser may cache them forever; a new avatar is a new URL.
 */
export const Profile = z.object({
  id: Id,
  displayName: z.string(),
  /** "" when none is set. */
  statusText: z.string(),
  /** The 256 px square, or null when no avatar is set. */
  avatarUrl: z.string().nullable(),
  /** The 64 px square for lists and messages, or null when no avatar is set. */
  avatarThumbUrl: z.string().nullable(),
});
export type Profile = z.infer<typeof Profile>;

/** `?ids=a,b,c`: up to PROFILES_MAX_IDS distinct user ids. Unknown ids are left out of the answer. */
export const ProfilesQuery = z.object({
  ids: z
    .string()
    .transform((value) => [...new Set(value.split(",").filter((id) => id !== ""))])
    .pipe(
      z
        .array(Id)
        .min(1, "Name at least one user id")
        .max(PROFILES_MAX_IDS, `At most ${PROFILES_MAX_IDS} ids per request`),
    ),
});
export const ProfilesResponse = z.object({ profiles: z.array(Profile) });
export type ProfilesResponse = z.infer<typeof ProfilesResponse>;

/** Status text is one line: runs of whitespace (newlines included) become one space. */
const StatusText = z
  .string()
  .transform((value) => value.replace(/\s+/g, " ").trim())
  .pipe(z.string().max(STATUS_TEXT_MAX_LENGTH, `At most ${STATUS_TEXT_MAX_LENGTH} characters`));

export const UpdateProfileRequest = z
  .object({
    // The same rule as at sign-up.
    displayName: SignupRequest.shape.displayName.optional(),
    /** "" clears it. */
    statusText: StatusText.optional(),
  })
  .refine((changes) => changes.displayName !== undefined || changes.statusText !== undefined, {
    message: "Nothing to change: send displayName or statusText",
  });
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequest>;

/** The answer to every change of one's own profile: the profile as it is now. */
export const ProfileResponse = z.object({ profile: Profile });
export type ProfileResponse = z.infer<typeof ProfileResponse>;
