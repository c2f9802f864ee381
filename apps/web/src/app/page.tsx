import { SESSION_COOKIE } from "@parley/protocol";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

/**
 * `/`: straight to the app or the sign-in page. The cookie is HttpOnly, so only its presence
 * is checked here; if it turns out to be expired, /rooms checks /api/me and goes to /login.
 */
export default async function Home() {
  const hasSession = (await cookies()).has(SESSION_COOKIE);
  redirect(hasSession ? "/rooms" : "/login");
}
