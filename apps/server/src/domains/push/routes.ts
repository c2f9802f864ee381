import {
  API,
  PushDeviceParams,
  PushReceiptRequest,
  PushSettings,
  PushSubscribeRequest,
  PushTestRequest,
} from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { parse } from "../../http/parse";
import { authorizedUser } from "../../http/route-rules";
import {
  adminDevices,
  getPreviews,
  listDevices,
  removeDevice,
  setPreviews,
  subscribeDevice,
  toDevice,
} from "./devices";
import { checkPushEndpoint } from "./endpoint-check";
import { recordPushReceipt } from "./record-receipt";
import { sendTestPush } from "./send-test-push";
import type { PushSetup } from "./setup-push";

export function pushRoutes(app: FastifyInstance, ctx: AppContext, push: PushSetup): void {
  const stale = () => ctx.config.push.staleAfterMs;

  app.get(API.pushKey, { config: { rule: "push.own" } }, async () => ({ publicKey: push.sender.publicKey }));

  app.get(API.pushDevices, { config: { rule: "push.own" } }, async (request) => {
    const rows = await listDevices(ctx.db, authorizedUser(request));
    const now = Date.now();
    return { devices: rows.map((r) => toDevice(r, stale(), now)) };
  });

  app.post(API.pushDevices, { config: { rule: "push.own" } }, async (request, reply) => {
    const input = parse(PushSubscribeRequest, request.body);
    const endpoint = checkPushEndpoint(input.endpoint, ctx.config.push.allowLoopback);
    const row = await subscribeDevice(
      ctx.db,
      authorizedUser(request),
      { ...input, endpoint },
      request.headers["user-agent"] ?? "",
    );
    reply.status(201);
    return { device: toDevice(row, stale()) };
  });

  app.delete(API.pushDevice(":deviceId"), { config: { rule: "push.own" } }, async (request, reply) => {
    const { deviceId } = parse(PushDeviceParams, request.params);
    await removeDevice(ctx.db, authorizedUser(request), deviceId);
    reply.status(204);
  });

  app.get(API.pushSettings, { config: { rule: "push.own" } }, async (request) => ({
    previews: await getPreviews(ctx.db, authorizedUser(request)),
  }));

  app.put(API.pushSettings, { config: { rule: "push.own" } }, async (request) => {
    const { previews } = parse(PushSettings, request.body);
    await setPreviews(ctx.db, authorizedUser(request), previews);
    return { previews };
  });

  app.post(API.pushTest, { config: { rule: "push.own" } }, async (request) => {
    const { deviceId } = parse(PushTestRequest, request.body ?? {});
    return sendTestPush(ctx, authorizedUser(request), deviceId);
  });

  app.post(API.pushReceipts, { config: { rule: "push.receipt" } }, async (request, reply) => {
    await recordPushReceipt(ctx.db, parse(PushReceiptRequest, request.body));
    reply.status(204);
  });

  app.get(API.adminPushDevices, { config: { rule: "server.push.list" } }, async () => ({
    devices: await adminDevices(ctx.db, stale()),
  }));
}
