import { VerifyEmailView } from "../../features/security/verify-email-view";

/** Where the confirmation email's link lands. */
export default function VerifyEmailPage() {
  return <VerifyEmailView />;
}
