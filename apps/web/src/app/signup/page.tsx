import { RedirectIfSignedIn } from "../../features/auth/redirect-if-signed-in";
import { SignupForm } from "../../features/auth/signup-form";

export default function SignupPage() {
  return (
    <RedirectIfSignedIn>
      <SignupForm />
    </RedirectIfSignedIn>
  );
}
