/** Raw figures one phase collects while it runs; times are performance.now() milliseconds. */
export interface PhaseRecorder {
  name: string;
  /** Whether RATE_LIMITED refusals are retried (throughput) or count as errors (fan-out). */
  retryRateLimited: boolean;
  /** Sends the server refused with RATE_LIMITED and we sent again. */
  rateLimited: number;
  sent: number;
  acked: number;
  failed: number;
  /** message.new frames received, summed over all members (the sender's echo included). */
  deliveredFrames: number;
  /** Messages every member has received. */
  fullyDelivered: number;
  ackLatencies: number[];
  /** Send -> receive at each member other than the sender. */
  deliveryLatencies: number[];
  /** How late the generator sent versus its schedule (paced phase only): its own overload. */
  sendLags: number[];
  firstSendAt: number | undefined;
  lastAckAt: number | undefined;
  lastFullDeliveryAt: number | undefined;
}

export function newPhase(name: string, retryRateLimited: boolean): PhaseRecorder {
  return {
    name,
    retryRateLimited,
    rateLimited: 0,
    sent: 0,
    acked: 0,
    failed: 0,
    deliveredFrames: 0,
    fullyDelivered: 0,
    ackLatencies: [],
    deliveryLatencies: [],
    sendLags: [],
    firstSendAt: undefined,
    lastAckAt: undefined,
    lastFullDeliveryAt: undefined,
  };
}
