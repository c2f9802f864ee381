import { monoMs, sleep } from "../clock";
import { Histogram } from "../histogram";
import type { ChatClient } from "./clients";
import type { Fleet } from "./fleet";
import type { Command, PingPongReport, StepReport, ThroughputReport } from "./protocol";

/** How often a drain looks whether everything has arrived. */
const POLL_MS = 5;

/**
 * One step of the fan-out ladder, this worker's share: message j of the step is sent at
 * startAt + j / rate by worker j mod workers, from its sockets in turn. Open loop: the schedule
 * never waits for acks, so a slow server shows up as latency, not as a politely slower
 * generator. Then waits until every local socket has all `count` messages of the step.
 */
export async function fanOutStep(
  fleet: Fleet,
  cmd: Extract<Command, { cmd: "fanout-step" }>,
): Promise<StepReport> {
  const stats = fleet.begin(`s${cmd.step}`);
  const senders = fleet.clients.filter((c) => c.room);
  const interval = 1000 / cmd.rate;
  let j = cmd.workerIndex;
  let turn = 0;
  while (j < cmd.count) {
    if (fleet.errorCount > 0) break;
    // Send everything that is due, so timer jitter does not lower the rate.
    while (j < cmd.count && cmd.startAt + j * interval <= monoMs()) {
      const sender = senders[turn++ % senders.length] as ChatClient;
      const now = monoMs();
      stats.sendLag.record(now - (cmd.startAt + j * interval));
      fleet.send(sender, now);
      j += cmd.workers;
    }
    if (j < cmd.count) await sleep(Math.max(0, cmd.startAt + j * interval - monoMs()));
  }
  const complete = await drain(fleet, monoMs() + cmd.drainMs, () => cmd.count);
  return {
    sent: stats.sent,
    deliveries: stats.deliveries,
    latency: stats.latency.data(),
    ack: stats.ack.data(),
    sendLag: stats.sendLag.data(),
    firstSendAt: stats.firstSendAt,
    lastDeliveryAt: stats.lastDeliveryAt,
    complete,
    errors: fleet.errorCount,
  };
}

/**
 * 1:1 ping-pong: in each pair room (both sockets in this worker), the first socket sends, the
 * second answers as soon as it receives, and the first sends again when the answer arrives.
 * One message in flight per pair: the round trip is the whole latency of a conversation turn.
 */
export async function pingPong(
  fleet: Fleet,
  cmd: Extract<Command, { cmd: "ping-pong" }>,
): Promise<PingPongReport> {
  const pairs = pairsByRoom(fleet.clients);
  const rtt = new Histogram();
  const pingAt = new Map<ChatClient, number>();
  let roundTrips = 0;
  const startAt = monoMs();
  const endAt = startAt + cmd.durationMs;
  const stats = fleet.begin("pp", {
    delivered(client, sender, _body, at) {
      if (sender === client.id) return; // its own echo
      const [first, second] = pairs.get(client.room ?? "") ?? [];
      if (client === second) {
        fleet.send(client);
      } else if (client === first) {
        rtt.record(at - (pingAt.get(client) ?? at));
        if (at <= endAt) roundTrips += 1;
        if (at < endAt) ping(client);
      }
    },
  });
  const ping = (client: ChatClient) => {
    const now = monoMs();
    pingAt.set(client, now);
    fleet.send(client, now);
  };
  for (const [first] of pairs.values()) if (first) ping(first);
  await sleep(cmd.durationMs);
  const complete = await drain(fleet, monoMs() + cmd.drainMs, (c) => stats.sentByRoom.get(c.room ?? "") ?? 0);
  return {
    roundTrips,
    messages: stats.sent,
    rtt: rtt.data(),
    startAt,
    endAt,
    complete,
    errors: fleet.errorCount,
  };
}

/**
 * Persisted sends: every socket keeps `window` sends un-acked (closed loop, like a client with
 * a bounded outbox) for `durationMs`. An ack means the message is committed, so the acks per
 * second are what the write path sustains with group commit.
 */
export async function throughput(
  fleet: Fleet,
  cmd: Extract<Command, { cmd: "throughput" }>,
): Promise<ThroughputReport> {
  let acked = 0;
  const startAt = monoMs();
  const endAt = startAt + cmd.durationMs;
  const stats = fleet.begin("tp", {
    acked(client, at) {
      if (at > endAt) return;
      acked += 1;
      fleet.send(client);
    },
  });
  const senders = fleet.clients.filter((c) => c.room);
  for (let i = 0; i < cmd.window; i++) for (const client of senders) fleet.send(client);
  await sleep(cmd.durationMs);
  const complete = await drain(fleet, monoMs() + cmd.drainMs, (c) => stats.sentByRoom.get(c.room ?? "") ?? 0);
  return { acked, ack: stats.ack.data(), startAt, endAt, complete, errors: fleet.errorCount };
}

/** Sockets by room: the pairs of the ping-pong phase, lower id first. */
function pairsByRoom(clients: readonly ChatClient[]): Map<string, ChatClient[]> {
  const pairs = new Map<string, ChatClient[]>();
  for (const c of clients) {
    if (!c.room) continue;
    const list = pairs.get(c.room) ?? [];
    list.push(c);
    pairs.set(c.room, list);
  }
  for (const [room, list] of pairs) {
    if (list.length !== 2) throw new Error(`ping-pong room ${room} has ${list.length} local sockets, not 2`);
    list.sort((a, b) => a.id - b.id);
  }
  return pairs;
}

/** Waits until every local socket got what it should and every send is acked; false on timeout or error. */
async function drain(
  fleet: Fleet,
  deadline: number,
  expected: (client: ChatClient) => number,
): Promise<boolean> {
  for (;;) {
    if (fleet.outstandingAcks === 0 && fleet.allReceived(expected)) return true;
    if (fleet.errorCount > 0 || monoMs() > deadline) return false;
    await sleep(POLL_MS);
  }
}
