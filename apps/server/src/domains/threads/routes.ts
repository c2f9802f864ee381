import { API, FollowThreadRequest, MarkThreadReadRequest, ThreadParams, ThreadQuery } from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { parse } from "../../http/parse";
import { authorizedUser } from "../../http/route-rules";
import { followThread } from "./follow-thread";
import { markThreadRead } from "./mark-thread-read";
import { listThreads, loadThread } from "./queries";

/**
 * Threads: reading one, following it, its read pointer, and the threads I follow. Replies
 * themselves are sent like any message (`threadRootId` on a send, REST or socket).
 */
export function threadRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(API.thread(":roomId", ":messageId"), { config: { rule: "thread.read" } }, async (request) => {
    const { roomId, messageId } = parse(ThreadParams, request.params);
    const { before } = parse(ThreadQuery, request.query);
    return loadThread(ctx.db, authorizedUser(request), roomId, messageId, before);
  });

  app.put(
    API.threadFollow(":roomId", ":messageId"),
    { config: { rule: "thread.follow" } },
    async (request) => {
      const { roomId, messageId } = parse(ThreadParams, request.params);
      const { following } = parse(FollowThreadRequest, request.body);
      return { state: await followThread(ctx, authorizedUser(request), roomId, messageId, following) };
    },
  );

  app.post(
    API.threadRead(":roomId", ":messageId"),
    { config: { rule: "thread.mark_read" } },
    async (request) => {
      const { roomId, messageId } = parse(ThreadParams, request.params);
      const { seq } = parse(MarkThreadReadRequest, request.body);
      return { state: await markThreadRead(ctx, authorizedUser(request), roomId, messageId, seq) };
    },
  );

  app.get(API.threads, { config: { rule: "threads.own" } }, async (request) =>
    listThreads(ctx.db, authorizedUser(request)),
  );
}
