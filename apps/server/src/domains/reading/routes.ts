import { API, MarkReadRequest, RoomParams, UpdateNotifyRequest } from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { parse } from "../../http/parse";
import { authorizedUser } from "../../http/route-rules";
import { markAllRead, markRead } from "./mark-read";
import { readReceipts } from "./read-receipts";
import { readStates } from "./read-states";
import { setNotifyLevel } from "./set-notify-level";

export function readingRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(API.readStates, { config: { rule: "rooms.read_state" } }, async (request) => ({
    reads: await readStates(ctx.db, authorizedUser(request)),
  }));

  app.post(API.markAllRead, { config: { rule: "rooms.read_state" } }, async (request) => ({
    reads: await markAllRead(ctx, authorizedUser(request)),
  }));

  app.post(API.markRead(":roomId"), { config: { rule: "room.mark_read" } }, async (request) => {
    const { roomId } = parse(RoomParams, request.params);
    const { seq } = parse(MarkReadRequest, request.body);
    return { read: await markRead(ctx, authorizedUser(request), roomId, seq) };
  });

  app.get(API.readReceipts(":roomId"), { config: { rule: "room.receipts.read" } }, async (request) => {
    const { roomId } = parse(RoomParams, request.params);
    return readReceipts(ctx.db, authorizedUser(request), roomId);
  });

  app.put(API.notifyLevel(":roomId"), { config: { rule: "room.notify.set" } }, async (request, reply) => {
    const { roomId } = parse(RoomParams, request.params);
    const { level } = parse(UpdateNotifyRequest, request.body);
    await setNotifyLevel(ctx, authorizedUser(request), roomId, level);
    return reply.status(204).send();
  });
}
