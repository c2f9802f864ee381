export { connectDb, type DbHandle, type DbKind, type DbOptions } from "./connect";
export { isUniqueViolation } from "./errors";
export { migrateToLatest } from "./migrate";
export type * from "./schema";
export { SqliteThreadDialect } from "./sqlite-thread-driver";
