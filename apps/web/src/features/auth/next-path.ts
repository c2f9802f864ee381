/**
 * Where to go after signing in: the page the user was sent away from, if it is one of ours.
 * Only app paths are accepted, so a crafted link cannot bounce the user to another site.
 */
export function safeNextPath(search: string): string {
  const next = new URLSearchParams(search).get("next");
  if (next && /^\/rooms(\/[A-Za-z0-9_-]*)*$/.test(next)) return next;
  return "/rooms";
}

export function loginPathFor(currentPath: string): string {
  return currentPath.startsWith("/rooms/") ? `/login?next=${encodeURIComponent(currentPath)}` : "/login";
}
