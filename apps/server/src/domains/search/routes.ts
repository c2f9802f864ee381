import { API, SearchQuery } from "@parley/protocol";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context";
import { parse } from "../../http/parse";
import { authorizedUser } from "../../http/route-rules";
import { searchMessages } from "./search-messages";

export function searchRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Any signed-in user may search; what they find is limited to their rooms by the query.
  app.get(API.search, { config: { rule: "search.messages" } }, async (request) => {
    const search = parse(SearchQuery, request.query);
    return searchMessages(ctx.db, authorizedUser(request), search);
  });
}
