import { ApiError, NetworkError } from "../api/api-error";

/** What a form shows: a message under each bad field, and one summary in the alert. */
export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  form: string | null;
}

export interface Issue {
  path: string;
  message: string;
}

export const NO_ERRORS: FormErrors<never> = { fields: {}, form: null };

const FIX_FIELDS = "Please fix the highlighted fields.";

/** Maps schema issues (from zod locally, or VALIDATION_FAILED details) onto the form's fields. */
export function errorsFromIssues<F extends string>(
  issues: readonly Issue[],
  fieldNames: readonly F[],
): FormErrors<F> {
  const fields: Partial<Record<F, string>> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const field = fieldNames.find((name) => name === issue.path);
    if (field === undefined) other.push(issue.message);
    else fields[field] ??= issue.message;
  }
  return { fields, form: other.length > 0 ? other.join(" ") : FIX_FIELDS };
}

/** Zod issues carry a path array; the server flattens it to "a.b". */
export function toIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Issue[] {
  return issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

function detailsAsIssues(details: unknown): Issue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    if (typeof d !== "object" || d === null) return [];
    const { path, message } = d as { path?: unknown; message?: unknown };
    return typeof path === "string" && typeof message === "string" ? [{ path, message }] : [];
  });
}

function minutes(seconds: number): string {
  const n = Math.max(1, Math.ceil(seconds / 60));
  return n === 1 ? "1 minute" : `${n} minutes`;
}

/** The generic part of every form's mapping: validation details, rate limits, network. */
export function errorsFromFailure<F extends string>(error: unknown, fieldNames: readonly F[]): FormErrors<F> {
  if (error instanceof NetworkError) return { fields: {}, form: error.message };
  if (!(error instanceof ApiError)) return { fields: {}, form: "Something went wrong. Please try again." };
  switch (error.code) {
    case "VALIDATION_FAILED": {
      const issues = detailsAsIssues(error.details);
      return issues.length > 0 ? errorsFromIssues(issues, fieldNames) : { fields: {}, form: error.message };
    }
    case "RATE_LIMITED":
      return {
        fields: {},
        form:
          error.retryAfterSeconds === null
            ? "Too many attempts. Please wait a few minutes and try again."
            : `Too many attempts. Please wait ${minutes(error.retryAfterSeconds)} and try again.`,
      };
    case "INTERNAL":
      return { fields: {}, form: "Something went wrong on the server. Please try again." };
    default:
      return { fields: {}, form: error.message };
  }
}
