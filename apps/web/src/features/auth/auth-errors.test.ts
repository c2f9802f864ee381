import { describe, expect, it } from "vitest";
import { ApiError, NetworkError } from "../api/api-error";
import { errorsFromIssues } from "../forms/form-errors";
import { loginErrors, signupErrors } from "./auth-errors";

describe("auth: signup form errors", () => {
  it("maps VALIDATION_FAILED details onto the fields", () => {
    const error = new ApiError(400, "VALIDATION_FAILED", "email: Enter a valid email address", {
      details: [
        { path: "email", message: "Enter a valid email address" },
        { path: "displayName", message: "Display name is required" },
      ],
    });
    expect(signupErrors(error)).toEqual({
      fields: { email: "Enter a valid email address", displayName: "Display name is required" },
      form: "Please fix the highlighted fields.",
    });
  });

  it("puts issues for unknown paths in the summary", () => {
    expect(errorsFromIssues([{ path: "", message: "Body must be an object" }], ["email"])).toEqual({
      fields: {},
      form: "Body must be an object",
    });
  });

  it("keeps the first issue per field", () => {
    const result = errorsFromIssues(
      [
        { path: "password", message: "first" },
        { path: "password", message: "second" },
      ],
      ["password"],
    );
    expect(result.fields.password).toBe("first");
  });

  it("explains EMAIL_TAKEN on the email field and in the summary", () => {
    const result = signupErrors(new ApiError(409, "EMAIL_TAKEN", "Email taken"));
    expect(result.fields.email).toMatch(/already registered/);
    expect(result.form).toMatch(/already exists/);
  });

  it("shows the server's reason for WEAK_PASSWORD", () => {
    const result = signupErrors(new ApiError(400, "WEAK_PASSWORD", "Use a less repetitive password"));
    expect(result.fields.password).toBe("Use a less repetitive password");
    expect(result.form).toContain("Use a less repetitive password");
  });

  it("says when the server cannot be reached", () => {
    expect(signupErrors(new NetworkError()).form).toMatch(/Could not reach the server/);
  });

  it("uses the VALIDATION_FAILED message when there are no details", () => {
    expect(signupErrors(new ApiError(400, "VALIDATION_FAILED", "Frame is not valid JSON")).form).toBe(
      "Frame is not valid JSON",
    );
  });
});

describe("auth: login form errors", () => {
  it("says wrong email or password for INVALID_CREDENTIALS", () => {
    expect(loginErrors(new ApiError(401, "INVALID_CREDENTIALS", "x")).form).toBe("Wrong email or password");
  });

  it("turns Retry-After into whole minutes", () => {
    const error = new ApiError(429, "RATE_LIMITED", "Too many", { retryAfterSeconds: 601 });
    expect(loginErrors(error).form).toBe("Too many attempts. Please wait 11 minutes and try again.");
    const soon = new ApiError(429, "RATE_LIMITED", "Too many", { retryAfterSeconds: 20 });
    expect(loginErrors(soon).form).toBe("Too many attempts. Please wait 1 minute and try again.");
  });

  it("has a fallback when Retry-After is missing", () => {
    expect(loginErrors(new ApiError(429, "RATE_LIMITED", "Too many")).form).toMatch(/wait a few minutes/);
  });

  it("does not leak server internals", () => {
    expect(loginErrors(new ApiError(500, "INTERNAL", "stack trace here")).form).toBe(
      "Something went wrong on the server. Please try again.",
    );
  });
});
