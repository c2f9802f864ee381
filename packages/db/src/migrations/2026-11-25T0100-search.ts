import { type Kysely, PostgresAdapter, sql } from "kysely";

// The search index: a copy of each live message's text, kept current by the "index-messages"
// job (written in the transaction that stores, edits or deletes a message) and read only by
// domains/search. `search_docs` has one row per indexed message on both databases; the
// indexes themselves are dialect-specific:
// - SQLite: two contentless FTS5 tables keyed by `search_docs.doc` — words (unicode61, accents
//   removed) and trigrams (substrings of 3+ characters). Contentless: the text lives once, in
//   `messages`; `contentless_delete` lets a deleted message's terms leave the index.
// - PostgreSQL: a `simple` tsvector (GIN) for words and a pg_trgm GIN index on the text for
//   substrings (ILIKE '%…%'). pg_trgm is a trusted extension (PostgreSQL 13+): a database
//   owner may create it; an operator can also create it beforehand.
// Existing messages are indexed here, so a server that upgrades finds its old history.
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await upPostgres(db);
  else await upSqlite(db);
}

async function upSqlite(db: Kysely<unknown>): Promise<void> {
  // INTEGER PRIMARY KEY: a stable rowid for the FTS tables (VACUUM keeps it). Its value is the
  // message's time — created_at in ms × 1024, plus its place among messages of the same ms —
  // so the FTS tables' rowid order is time order and a search can read the newest matches
  // first, a window at a time, instead of sorting every match of a common word.
  await sql`create table search_docs (
    doc integer primary key,
    message_id text not null unique
  )`.execute(db);
  await sql`create virtual table search_words using fts5(
    body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`create virtual table search_trigrams using fts5(
    body, content='', contentless_delete=1, tokenize='trigram remove_diacritics 1'
  )`.execute(db);
  await sql.raw(SQLITE_BACKFILL_DOCS).execute(db);
  for (const table of ["search_words", "search_trigrams"]) {
    await sql`insert into ${sql.table(table)} (rowid, body)
      select d.doc, m.body from search_docs d join messages m on m.id = d.message_id`.execute(db);
  }
}

/**
 * Indexes the existing history's messages (SQLite): their docs, numbered by time as the
 * "index-messages" job numbers them. Also used by the search benchmark's index build.
 */
export const SQLITE_BACKFILL_DOCS = `insert into search_docs (doc, message_id)
  select cast(round((julianday(created_at) - 2440587.5) * 86400000) as integer) * 1024
           + (row_number() over (partition by created_at order by id) - 1),
         id
  from messages where kind = 'message' and deleted_at is null and body <> ''`;

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  // Two servers (or test suites) migrating at once would race to create the extension.
  await sql`select pg_advisory_xact_lock(hashtext('parley.pg_trgm'))`.execute(db);
  // In "public" rather than the current schema, so that it outlives any one schema.
  await sql`create extension if not exists pg_trgm with schema public`.execute(db);
  const found = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
    where e.extname = 'pg_trgm'`.execute(db);
  const trgmSchema = found.rows[0]?.schema ?? "public";
  await sql`create table search_docs (
    message_id text primary key,
    words tsvector not null,
    body text not null
  )`.execute(db);
  await sql`create index search_docs_words_idx on search_docs using gin (words)`.execute(db);
  await sql`create index search_docs_trgm_idx on search_docs
    using gin (body ${sql.id(trgmSchema)}.gin_trgm_ops)`.execute(db);
  await sql`insert into search_docs (message_id, words, body)
    select id, to_tsvector('simple', body), body from messages
    where kind = 'message' and deleted_at is null and body <> ''`.execute(db);
}
