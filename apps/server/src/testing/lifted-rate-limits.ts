/**
 * The per-user and per-IP rate limits raised out of the way, as environment variables. The
 * suites drive hundreds of sends and joins from one loopback address on purpose; at the
 * defaults they would measure the limiter. The limits' own tests set theirs explicitly.
 */
export const LIFTED_RATE_LIMIT_ENV: Record<string, string> = {
  RATE_POST_USER_PER_10S: "1000000",
  RATE_POST_IP_PER_10S: "1000000",
  RATE_JOIN_USER_PER_MIN: "1000000",
  RATE_JOIN_IP_PER_MIN: "1000000",
  RATE_INVITE_USER_PER_HOUR: "1000000",
  RATE_INVITE_IP_PER_HOUR: "1000000",
};
