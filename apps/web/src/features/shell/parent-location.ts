/**
 * Where "back" leads on a phone, one pane up: a thread closes to its room, any page in the
 * main pane goes to the room list, and the room list has nowhere further (null).
 */
export function parentLocation(pathname: string, search: string): string | null {
  const params = new URLSearchParams(search);
  if (params.has("thread")) {
    params.delete("thread");
    const rest = params.toString();
    return rest ? `${pathname}?${rest}` : pathname;
  }
  if (pathname === "/rooms") return null;
  return "/rooms";
}
