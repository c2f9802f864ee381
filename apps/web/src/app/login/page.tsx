import { LoginForm } from "../../features/auth/login-form";
import { RedirectIfSignedIn } from "../../features/auth/redirect-if-signed-in";

export default function LoginPage() {
  return (
    <RedirectIfSignedIn>
      <LoginForm />
    </RedirectIfSignedIn>
  );
}
