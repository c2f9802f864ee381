import type { FastifyError, FastifyInstance } from "fastify";
import { AppError } from "../errors";

/**
 * Every error leaves as `{error:{code,message}}` with the code's status. Fastify's own errors
 * (bad JSON, body too large, wrong content type) are mapped to our codes; anything else is a
 * bug: logged with its stack, reported to the client as INTERNAL without details.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, "request failed");
    if (appError.retryAfterSeconds) reply.header("retry-after", String(appError.retryAfterSeconds));
    return reply.status(appError.status).send(appError.toBody());
  });
  app.setNotFoundHandler((request, reply) => {
    const body = new AppError("NOT_FOUND", `No route ${request.method} ${request.url.split("?")[0]}`);
    return reply.status(404).send(body.toBody());
  });
}

function toAppError(error: FastifyError | AppError): AppError {
  if (error instanceof AppError) return error;
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return new AppError("PAYLOAD_TOO_LARGE", "Request body is too large");
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    // Malformed JSON, unsupported content type, and the like.
    return new AppError("VALIDATION_FAILED", error.message);
  }
  return new AppError("INTERNAL", "Something went wrong on the server");
}
