import { ensureWebBuild } from "../../apps/server/src/web/web-build";

/** The specs run against the production build; build it once if it is missing or stale. */
export default async function setup(): Promise<void> {
  await ensureWebBuild((line) => console.log(`[e2e] ${line}`));
}
