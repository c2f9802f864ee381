import { describe, expect, it } from "vitest";
import { ipBucket } from "./ip-bucket";

describe("limits: IP bucket", () => {
  it("limits: an IPv4 address is its own bucket, also when a dual-stack socket maps it", () => {
    expect(ipBucket("203.0.113.7")).toBe("203.0.113.7");
    expect(ipBucket("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(ipBucket("::FFFF:127.0.0.1")).toBe("127.0.0.1");
  });

  it("limits: every address of one IPv6 /64 shares a bucket, another /64 does not", () => {
    const home = ipBucket("2001:db8:1:2::1");
    expect(home).toBe("2001:db8:1:2::/64");
    expect(ipBucket("2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd")).toBe(home);
    expect(ipBucket("2001:DB8:1:2:ffff::")).toBe(home);
    expect(ipBucket("2001:db8:1:3::1")).not.toBe(home);
  });

  it("limits: short and unusual IPv6 forms expand correctly", () => {
    expect(ipBucket("::1")).toBe("0:0:0:0::/64");
    expect(ipBucket("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(ipBucket("2001:db8::")).toBe("2001:db8:0:0::/64");
    expect(ipBucket("64:ff9b:1:2::192.0.2.1")).toBe("64:ff9b:1:2::/64");
    expect(ipBucket("1:2:3::4:5:6:7")).toBe("1:2:3:0::/64");
  });

  it("limits: something that is not an address is kept as it is", () => {
    expect(ipBucket("")).toBe("");
    expect(ipBucket("unknown")).toBe("unknown");
  });
});
