import type { RateLimits } from "../config";
import type { AppContext } from "../context";
import { AppError } from "../errors";
import type { Charge } from "../http/rate-limiter";
import { ipBucket } from "./ip-bucket";

/** posting, joining, inviting: see RateLimits in config.ts. */
export type LimitedAction = keyof RateLimits;

/** Who acts, as the limits see it: the user, and the address they act from. */
export interface Actor {
  userId: string;
  ip: string;
}

const TOO_MANY: Record<LimitedAction, string> = {
  post: "Too many messages",
  join: "Too many rooms joined",
  invite: "Too many invitations",
};

/**
 * The two buckets an action takes from: the user's own (across all their tabs, sockets and
 * REST calls), and their IP's (all accounts behind one address together), so neither many
 * connections nor many accounts get around the limit.
 */
export function chargesFor(limits: RateLimits, action: LimitedAction, actor: Actor): Charge[] {
  return [
    { key: `${action}:user:${actor.userId}`, limit: limits[action].perUser },
    { key: `${action}:ip:${ipBucket(actor.ip)}`, limit: limits[action].perIp },
  ];
}

export function rateLimitedError(action: LimitedAction, retryAfterSeconds: number): AppError {
  return new AppError(
    "RATE_LIMITED",
    `${TOO_MANY[action]} from you or your network; try again in ${retryAfterSeconds} s`,
    { retryAfterSeconds },
  );
}

/** Spends one of the action's units for the user and the IP, or throws RATE_LIMITED with the wait. */
export async function enforceLimit(
  ctx: Pick<AppContext, "config" | "rateLimiter">,
  action: LimitedAction,
  actor: Actor,
): Promise<void> {
  const wait = await ctx.rateLimiter.take(chargesFor(ctx.config.rateLimits, action, actor));
  if (wait > 0) throw rateLimitedError(action, wait);
}
