import { connect, createServer, type Socket } from "node:net";
import { round } from "./stats";

const SOCKETS = 200;
const ROUNDS = 100;
/** About the size of a message.new frame. */
const FRAME = Buffer.alloc(300, 97);

/**
 * The machine's floor for one delivery: the time to write a 300-byte frame to one loopback TCP
 * socket from Node, nothing else (no framing, no JSON). Every fan-out delivery costs at least
 * one such write unless several frames share it, so it bounds deliveries per second per core
 * for any server here, Parley or Socket.IO. On a VM where system calls are expensive it is
 * most of the cost; reading it next to the figures tells how much is the machine's.
 */
export async function loopbackWriteMicros(): Promise<number | null> {
  const accepted: Socket[] = [];
  const server = createServer((s) => {
    s.setNoDelay(true);
    accepted.push(s);
  });
  const clients: Socket[] = [];
  try {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (typeof address !== "object" || !address) return null;
    for (let i = 0; i < SOCKETS; i++) {
      const c = connect(address.port, "127.0.0.1");
      c.on("data", () => {}); // drain, so the writes never block on a full window
      clients.push(c);
      await new Promise((resolve) => c.once("connect", resolve));
    }
    while (accepted.length < SOCKETS) await new Promise((resolve) => setTimeout(resolve, 5));
    let ns = 0n;
    for (let r = 0; r < ROUNDS; r++) {
      // Only the synchronous write loop is timed; the reads happen between rounds.
      const t0 = process.hrtime.bigint();
      for (const s of accepted) s.write(FRAME);
      ns += process.hrtime.bigint() - t0;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return round(Number(ns) / 1000 / (SOCKETS * ROUNDS), 1);
  } catch {
    return null;
  } finally {
    for (const c of clients) c.destroy();
    for (const s of accepted) s.destroy();
    server.close();
  }
}
