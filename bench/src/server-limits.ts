import { loadConfig } from "../../apps/server/src/config";

/**
 * The server's per-connection frame budget (a burst, then a sustained rate), read from its own
 * config rather than copied, so the bench follows when the numbers change. Beyond it sends are
 * refused with RATE_LIMITED: the bench either stays below it or reports that it hit it.
 */
export function frameBudget(): { burst: number; perSecond: number } {
  const { realtime } = loadConfig({});
  return { burst: realtime.frameBurst, perSecond: realtime.framesPerSecond };
}
