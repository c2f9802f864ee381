import { perChannel } from "./frame-channel";
import { browserIdleEnvironment, IdleDetector } from "./idle-detector";
import { PresenceStore } from "./presence-store";

/**
 * The session's presence store (one per realtime controller), made by the first component
 * that shows anyone's presence — the sidebar shows the user's own, so that is at once. In the
 * browser it also starts the idle detection that reports this tab active or idle, for as long
 * as the controller runs.
 */
export const presenceStoreFor = perChannel((channel) => {
  const store = new PresenceStore(channel);
  if (typeof window === "undefined") return store;
  const detector = new IdleDetector(browserIdleEnvironment(), (state) => store.setOwnState(state));
  const follow = () => {
    const status = channel.getStatus();
    // A stopped controller (signed out, or unmounted) has no tab to report on.
    if (status === "stopped" || status === "signed-out") detector.stop();
    else detector.start();
  };
  channel.subscribeStatus(follow);
  follow();
  return store;
});
