import { ParleyClient, SocketIoClient } from "./clients";
import { Fleet } from "./fleet";
import { fanOutStep, pingPong, throughput } from "./phases";
import type { Command, OpenReport, WorkerAnswer, WorkerMessage } from "./protocol";

// A generator process: forked by the coordinator (generator/pool.ts), it owns a share of the
// sockets and runs its part of each phase on command. Several of these keep the generator
// from being the bottleneck: one process parsing every frame tops out near 100k deliveries/s.

let fleet = new Fleet(new Set());

async function handle(command: Command): Promise<unknown> {
  switch (command.cmd) {
    case "open":
      return open(command);
    case "fanout-step":
      return fanOutStep(fleet, command);
    case "ping-pong":
      return pingPong(fleet, command);
    case "throughput":
      return throughput(fleet, command);
    case "finish":
      return fleet.finish(command.lastSeqByRoom);
    case "close":
      fleet.close();
      return null;
  }
}

/** Replaces the fleet with fresh sockets, `concurrency` connecting at a time. */
async function open(command: Extract<Command, { cmd: "open" }>): Promise<OpenReport> {
  if (!command.keep) {
    fleet.close();
    fleet = new Fleet(new Set(command.sharedRooms));
  }
  const started = performance.now();
  const queue = [...command.sockets];
  const { target } = command;
  const connectOne = async () => {
    for (let spec = queue.shift(); spec; spec = queue.shift()) {
      const client =
        target.kind === "parley"
          ? await ParleyClient.open(target.port, spec, fleet)
          : await SocketIoClient.open(target.port, spec, fleet);
      fleet.add(client);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, command.concurrency) }, connectOne));
  return { opened: command.sockets.length, ms: Math.round(performance.now() - started) };
}

process.on("message", (raw: WorkerMessage) => {
  handle(raw.command).then(
    (result) => process.send?.({ id: raw.id, ok: true, result } satisfies WorkerAnswer),
    (error: unknown) =>
      process.send?.({
        id: raw.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies WorkerAnswer),
  );
});
// The coordinator is gone (finished, crashed or killed): never outlive it with open sockets.
process.on("disconnect", () => process.exit(0));
