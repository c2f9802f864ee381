import { ResetPasswordView } from "../../features/security/reset-password-view";

/** "Forgot password?" and the emailed link's new-password form (signed in or not). */
export default function ResetPasswordPage() {
  return <ResetPasswordView />;
}
