/**
 * Where to go after signing in: the page the user was sent away from, if it is one of ours.
 * Only app paths are accepted, so a crafted link cannot bounce the user to another site.
 */
export function safeNextPath(search: string): string {
  const next = new URLSearchParams(search).get("next");
  if (next && (/^\/rooms(\/[A-Za-z0-9_-]*)*$/.test(next) || /^\/invite\/[A-Za-z0-9_-]{1,64}$/.test(next))) {
    return next;
  }
  return "/rooms";
}

export function loginPathFor(currentPath: string): string {
  const deepLink = currentPath.startsWith("/rooms/") || currentPath.startsWith("/invite/");
  return deepLink ? `/login?next=${encodeURIComponent(currentPath)}` : "/login";
}
