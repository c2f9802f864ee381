export { connectDb, type DbHandle, type DbKind, type DbOptions, sqliteDialect } from "./connect";
export type { DurableSqliteDialect } from "./durable-sqlite-driver";
export { isUniqueViolation } from "./errors";
export { migrateToLatest } from "./migrate";
export type * from "./schema";
