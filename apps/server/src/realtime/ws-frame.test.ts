import { once } from "node:events";
import { createServer } from "node:http";
import type { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { textFrame } from "./ws-frame";

describe("realtime: pre-built WebSocket text frames", () => {
  it("realtime: a client reads each frame (short, 16-bit and 64-bit lengths, multi-byte text) as the message it holds", async () => {
    const payloads = ["{}", "é".repeat(200), `${"😀".repeat(20_000)}x`, "a".repeat(125), "b".repeat(126)];
    // A ws server hands us the raw TCP socket of an accepted connection; we write our frames
    // to it directly, as the fan-out does.
    const wss = new WebSocketServer({ noServer: true });
    const server = createServer();
    server.on("upgrade", (request, socket, head) => {
      wss.handleUpgrade(request, socket, head, (ws) => {
        const raw = (ws as unknown as { _socket: Socket })._socket;
        for (const p of payloads) raw.write(textFrame(p));
      });
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as { port: number };
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    const received: string[] = [];
    await new Promise<void>((resolve, reject) => {
      client.on("message", (data, isBinary) => {
        expect(isBinary).toBe(false);
        received.push(data.toString("utf8"));
        if (received.length === payloads.length) resolve();
      });
      client.on("error", reject);
    });
    expect(received).toEqual(payloads);
    client.close();
    wss.close();
    server.close();
  });

  it("realtime: the header encodes the byte length, not the character count", () => {
    expect([...textFrame("hi").subarray(0, 2)]).toEqual([0x81, 2]);
    const medium = textFrame("é".repeat(100));
    expect([...medium.subarray(0, 4)]).toEqual([0x81, 126, 0, 200]);
    const large = textFrame("x".repeat(70_000));
    expect(large[1]).toBe(127);
    expect(large.readBigUInt64BE(2)).toBe(70_000n);
    expect(large.length).toBe(10 + 70_000);
  });
});
