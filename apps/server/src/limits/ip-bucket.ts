import { isIPv6 } from "node:net";

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * The key a client network is limited under. IPv4: the address itself. IPv6: its /64 — a
 * home or a rented server is given a whole /64 and may use any of its 2^64 addresses, so a
 * per-address limit would not hold anyone back. An IPv4 peer reported by a dual-stack socket
 * as `::ffff:a.b.c.d` is the IPv4 address. Anything else (no address) is used as it is.
 */
export function ipBucket(ip: string): string {
  const mapped = MAPPED_IPV4.exec(ip);
  if (mapped?.[1]) return mapped[1];
  const address = ip.split("%")[0] ?? ip; // a zone id (fe80::1%eth0) names an interface, not a host
  if (!isIPv6(address)) return ip;
  return `${expandIpv6(address).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, in lowercase hex without leading zeros. */
function expandIpv6(address: string): string[] {
  const groupsOf = (part: string): string[] => {
    if (part === "") return [];
    const pieces = part.split(":");
    const last = pieces.at(-1) ?? "";
    // A trailing dotted IPv4 (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) fills the last two groups.
    if (last.includes(".")) {
      const [a = 0, b = 0, c = 0, d = 0] = last.split(".").map(Number);
      pieces.splice(-1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
    }
    return pieces;
  };
  const [head = "", tail] = address.split("::");
  const front = groupsOf(head);
  const back = tail === undefined ? [] : groupsOf(tail);
  const zeros = new Array<string>(8 - front.length - back.length).fill("0");
  return [...front, ...zeros, ...back].map((g) => Number.parseInt(g, 16).toString(16));
}
