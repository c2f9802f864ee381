import { createServer } from "node:http";
import { Server } from "socket.io";

// The baseline a Node developer would reach for first: a plain Socket.IO broadcast server.
// Every client joins the room named in its handshake query; every message it sends is
// emitted to the whole room, sender included. No auth, no storage, no acks. The one addition
// is a per-room counter stamped on each broadcast, so the bench can check that every member
// gets every message exactly once and in order, as it does for Parley.

const rooms = new Map<string, number>();
const http = createServer();
const io = new Server(http, { transports: ["websocket"], serveClient: false });

io.on("connection", (socket) => {
  const room = socket.handshake.query.room;
  if (typeof room !== "string") return; // an idle connection
  void socket.join(room);
  socket.on("msg", (m: { c: string; b: string }) => {
    const s = (rooms.get(room) ?? 0) + 1;
    rooms.set(room, s);
    io.to(room).emit("msg", { c: m.c, b: m.b, s });
  });
});

http.listen(0, "127.0.0.1", () => {
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : 0;
  // Same shape as Parley's start-up log line, so the bench finds the port the same way.
  console.log(JSON.stringify({ level: 30, url: `http://127.0.0.1:${port}` }));
});

const stop = () => io.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
