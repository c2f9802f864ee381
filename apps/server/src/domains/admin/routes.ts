import { API, JobParams } from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../context";
import { parse } from "../../http/parse";
import { authorizedUser } from "../../http/route-rules";
import { listJobs, retryJob } from "../../jobs/admin-jobs";
import { deactivateUser } from "./deactivate-user";
import { listRooms, listUsers } from "./queries";

const UserParams = z.object({ userId: z.string().uuid() });

export function adminRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(API.adminUsers, { config: { rule: "server.users.list" } }, async () => ({
    users: await listUsers(ctx.db),
  }));

  app.post(
    API.adminDeactivate(":userId"),
    { config: { rule: "server.users.deactivate" } },
    async (request, reply) => {
      const { userId } = parse(UserParams, request.params);
      await deactivateUser(ctx, authorizedUser(request), userId);
      return reply.status(204).send();
    },
  );

  app.get(API.adminRooms, { config: { rule: "server.rooms.list" } }, async (request) => ({
    rooms: await listRooms(ctx.db, authorizedUser(request)),
  }));

  app.get(API.adminJobs, { config: { rule: "server.jobs.list" } }, async () => listJobs(ctx.db));

  app.post(API.adminRetryJob(":jobId"), { config: { rule: "server.jobs.retry" } }, async (request, reply) => {
    const { jobId } = parse(JobParams, request.params);
    await retryJob(ctx.db, ctx.jobs, jobId);
    return reply.status(204).send();
  });
}
