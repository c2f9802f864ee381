import type { OidcErrorCode } from "@parley/protocol";

/** A sign-in with a provider that ends on the sign-in page with `?error=<code>`. */
export class OidcFailure extends Error {
  constructor(
    readonly code: OidcErrorCode,
    message: string,
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = "OidcFailure";
  }
}
