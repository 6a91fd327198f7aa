/**
 * The staff list at a million complaints (docs/performance.md): every view is newest first with a keyset on
 * (received_at, id), so each filter gets an index that ends in those two columns and the list reads 51 index
 * entries and rows, never the table.
 *
 * - (received_at, id) replaces the index on received_at alone: the first page, a date range and a deep keyset
 *   page (`(received_at, id) < (?, ?)`) are one range scan each.
 * - (status, received_at, id) and (handler_id, received_at, id) replace the single-column indexes on status and
 *   handler_id, which they serve as well.
 * - Overdue: a partial index over the open cases only (`next_due is not null`, the dashboard's own test of
 *   "open", see migration 0004) that carries the four term columns, so the overdue test is read from the index.
 * - Text search (reference, reporter's name and email, description; a substring, case-insensitive):
 *   - SQLite: FTS5 with the trigram tokenizer, over a narrow table `complaint_search` kept in step with
 *     `complaints` by triggers. The narrow table has an INTEGER PRIMARY KEY, which VACUUM never renumbers
 *     (the rowid of `complaints` itself it may), and is the FTS table's external content.
 *   - PostgreSQL: a GIN trigram index (pg_trgm) on the four columns joined by a unit separator (chr(31)), which
 *     the repository's ILIKE uses. Creating the extension needs the CREATE privilege on the database; without
 *     it the index is left out with a notice and search works as before, by scanning.
 */
import { type Kysely, sql } from 'kysely';
import type { ColumnTypes } from './column-types.ts';

/** Must stay identical to SEARCH_TEXT in src/db/repositories/complaints.ts, or PostgreSQL ignores the index. */
const SEARCH_TEXT = `(reference || chr(31) || coalesce(reporter_name, '') || chr(31) || coalesce(reporter_email, '') || chr(31) || description)`;

const REPLACED = ['complaints_received_at_idx', 'complaints_status_idx', 'complaints_handler_id_idx'];

export const LIST_INDEXES: Record<string, readonly string[]> = {
  complaints_received_at_id_idx: ['received_at', 'id'],
  complaints_status_received_idx: ['status', 'received_at', 'id'],
  complaints_handler_received_idx: ['handler_id', 'received_at', 'id'],
};

export async function up(db: Kysely<unknown>, t: ColumnTypes): Promise<void> {
  const postgres = t.bool === 'boolean';
  for (const [name, columns] of Object.entries(LIST_INDEXES)) {
    await db.schema
      .createIndex(name)
      .ifNotExists()
      .on('complaints')
      .columns([...columns])
      .execute();
  }
  for (const name of REPLACED) await db.schema.dropIndex(name).ifExists().execute();
  await db.schema
    .createIndex('complaints_overdue_idx')
    .ifNotExists()
    .on('complaints')
    .columns(['received_at', 'id', 'acknowledged_at', 'acknowledge_by', 'resolved_at', 'resolve_by'])
    .where(sql.ref('next_due'), 'is not', null)
    .execute();
  if (postgres) await postgresSearch(db);
  else await sqliteSearch(db);
}

async function postgresSearch(db: Kysely<unknown>): Promise<void> {
  // In `public` where allowed, so that the extension outlives any one schema (several schemas may share a
  // database: tests, or organisations, ADR 0006); else in the current schema. The index names the operator
  // class with the schema the extension is in, whatever the search_path.
  await sql`do $$
    begin
      if not exists (select 1 from pg_extension where extname = 'pg_trgm') then
        begin
          create extension pg_trgm with schema public;
        exception when insufficient_privilege or invalid_schema_name then
          begin
            create extension pg_trgm;
          exception when insufficient_privilege then
            raise notice 'pg_trgm could not be created (no privilege): complaints are searched without an index';
          end;
        end;
      end if;
    end $$`.execute(db);
  await sql
    .raw(`do $$
    declare
      trgm_schema text;
    begin
      select n.nspname into trgm_schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
        where e.extname = 'pg_trgm';
      if trgm_schema is not null then
        execute format('create index if not exists complaints_search_trgm_idx on complaints using gin (${SEARCH_TEXT.replaceAll("'", "''")} %I.gin_trgm_ops)', trgm_schema);
      end if;
    end $$`)
    .execute(db);
}

async function sqliteSearch(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table if not exists complaint_search (
      id integer primary key,
      complaint_id text not null unique,
      reference text not null,
      reporter_name text,
      reporter_email text,
      description text not null
    )`,
    `create virtual table if not exists complaint_search_fts using fts5(
      reference, reporter_name, reporter_email, description,
      content = 'complaint_search', content_rowid = 'id', tokenize = 'trigram'
    )`,
    // complaints -> complaint_search. An update fires only when a searched column really changed (every action
    // rewrites the whole row, but these four rarely change: anonymisation, a corrected address).
    `create trigger if not exists complaints_search_insert after insert on complaints begin
      insert into complaint_search (complaint_id, reference, reporter_name, reporter_email, description)
      values (new.id, new.reference, new.reporter_name, new.reporter_email, new.description);
    end`,
    `create trigger if not exists complaints_search_update after update of reference, reporter_name, reporter_email, description on complaints
    when old.reference is not new.reference or old.reporter_name is not new.reporter_name
      or old.reporter_email is not new.reporter_email or old.description is not new.description
    begin
      update complaint_search set reference = new.reference, reporter_name = new.reporter_name,
        reporter_email = new.reporter_email, description = new.description
      where complaint_id = new.id;
    end`,
    `create trigger if not exists complaints_search_delete after delete on complaints begin
      delete from complaint_search where complaint_id = old.id;
    end`,
    // complaint_search -> its FTS index (the external-content pattern of the FTS5 documentation).
    `create trigger if not exists complaint_search_fts_insert after insert on complaint_search begin
      insert into complaint_search_fts (rowid, reference, reporter_name, reporter_email, description)
      values (new.id, new.reference, new.reporter_name, new.reporter_email, new.description);
    end`,
    `create trigger if not exists complaint_search_fts_delete after delete on complaint_search begin
      insert into complaint_search_fts (complaint_search_fts, rowid, reference, reporter_name, reporter_email, description)
      values ('delete', old.id, old.reference, old.reporter_name, old.reporter_email, old.description);
    end`,
    `create trigger if not exists complaint_search_fts_update after update on complaint_search begin
      insert into complaint_search_fts (complaint_search_fts, rowid, reference, reporter_name, reporter_email, description)
      values ('delete', old.id, old.reference, old.reporter_name, old.reporter_email, old.description);
      insert into complaint_search_fts (rowid, reference, reporter_name, reporter_email, description)
      values (new.id, new.reference, new.reporter_name, new.reporter_email, new.description);
    end`,
    // Existing complaints, in order of receipt; the FTS trigger indexes each.
    `insert into complaint_search (complaint_id, reference, reporter_name, reporter_email, description)
      select id, reference, reporter_name, reporter_email, description from complaints
      where id not in (select complaint_id from complaint_search)
      order by received_at, id`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = sql`${0}`.compile(db).sql === '$1';
  const statements = postgres
    ? ['drop index if exists complaints_search_trgm_idx']
    : [
        'drop trigger if exists complaints_search_insert',
        'drop trigger if exists complaints_search_update',
        'drop trigger if exists complaints_search_delete',
        'drop table if exists complaint_search_fts',
        'drop table if exists complaint_search',
      ];
  for (const statement of statements) await sql.raw(statement).execute(db);
  await db.schema.dropIndex('complaints_overdue_idx').ifExists().execute();
  await db.schema
    .createIndex('complaints_received_at_idx')
    .ifNotExists()
    .on('complaints')
    .column('received_at')
    .execute();
  await db.schema
    .createIndex('complaints_status_idx')
    .ifNotExists()
    .on('complaints')
    .column('status')
    .execute();
  await db.schema
    .createIndex('complaints_handler_id_idx')
    .ifNotExists()
    .on('complaints')
    .column('handler_id')
    .execute();
  for (const name of Object.keys(LIST_INDEXES)) await db.schema.dropIndex(name).ifExists().execute();
}
