import type { ClientFrame, ServerFrame } from "@parley/protocol";
import type { ConnectionStatus } from "../realtime/socket-client";

/**
 * The part of the realtime controller that typing and presence use: every server frame, and
 * a way to send an ephemeral frame (false when the socket is closed; it is not queued). Tests
 * drive a fake of it.
 */
export interface FrameChannel {
  subscribeFrames(listener: (frame: ServerFrame) => void): () => void;
  sendFrame(frame: ClientFrame): boolean;
  /** The connection's status changed (read it with getStatus). */
  subscribeStatus(listener: () => void): () => void;
  getStatus(): ConnectionStatus;
}

/**
 * One store per controller (per signed-in session), made on first use and living as long as
 * the controller: a new sign-in makes a new controller and so fresh stores.
 */
export function perChannel<T>(make: (channel: FrameChannel) => T): (channel: FrameChannel) => T {
  const stores = new WeakMap<FrameChannel, T>();
  return (channel) => {
    let store = stores.get(channel);
    if (store === undefined) {
      store = make(channel);
      stores.set(channel, store);
    }
    return store;
  };
}
