/**
 * The improvement form in storage: one row per complaint. Fields that lists filter, sort or search on are
 * columns; the rest of the form is one JSON document. Each field lives in exactly one of the two places.
 * Every write checks the version column (optimistic locking: the same on SQLite and PostgreSQL).
 */

import type { Expression, ExpressionBuilder, Selectable, SelectQueryBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { Complaint } from '../../domain/complaint.ts';
import { dashboardDue } from '../../domain/dashboard.ts';
import { DomainError } from '../../domain/errors.ts';
import type { ComplaintStatus } from '../../domain/lifecycle.ts';
import { type DbExecutor, dialectOf } from '../database.ts';
import { fromBool, parseJson, toBool, toJson, toTimestamp } from '../normalise.ts';
import type { ComplaintsTable, Database } from '../tables.ts';
import { analysisColumnsOf } from './analysis-columns.ts';
import { insertWorkItems, replaceWorkItems } from './work-items.ts';

type Row = Selectable<ComplaintsTable>;
/** What the JSON document holds: the form without the column-owned fields. */
type ComplaintData = Omit<
  Complaint,
  | 'id'
  | 'reference'
  | 'status'
  | 'version'
  | 'channel'
  | 'receivedAt'
  | 'registeredAt'
  | 'receiverId'
  | 'description'
  | 'category'
  | 'team'
  | 'deadlines'
  | 'acknowledgedAt'
  | 'resolvedAt'
  | 'closedAt'
  | 'updatedAt'
  | 'reporter'
> & { reporter: Pick<Complaint['reporter'], 'postalAddress' | 'consentToContact'> };

function toRow(complaint: Complaint, followUpTokenHash: string) {
  const {
    id,
    reference,
    status,
    version,
    channel,
    receivedAt,
    registeredAt,
    receiverId,
    description,
    category,
    team,
    deadlines,
    acknowledgedAt,
    resolvedAt,
    closedAt,
    updatedAt,
    reporter,
    ...rest
  } = complaint;
  const data: ComplaintData = {
    ...rest,
    reporter: { postalAddress: reporter.postalAddress, consentToContact: reporter.consentToContact },
  };
  return {
    id,
    reference,
    status,
    version,
    channel,
    received_at: toTimestamp(receivedAt),
    registered_at: toTimestamp(registeredAt),
    receiver_id: receiverId,
    language: reporter.language,
    anonymous: fromBool(reporter.anonymous),
    reporter_name: reporter.name,
    reporter_email: reporter.email,
    reporter_phone: reporter.phone,
    reporter_role: reporter.role,
    description,
    category,
    team,
    handler_id: complaint.handler?.userId ?? null,
    acknowledge_by: deadlines.acknowledgeBy,
    resolve_by: deadlines.resolveBy,
    report_by: deadlines.reportBy,
    calendar_id: deadlines.calendarId,
    acknowledged_at: toTimestamp(acknowledgedAt),
    resolved_at: toTimestamp(resolvedAt),
    closed_at: toTimestamp(closedAt),
    // The dashboard's order (nearest open term first); derived here so that every write keeps it in step.
    next_due: dashboardDue(complaint),
    follow_up_token_hash: followUpTokenHash,
    data: toJson(data),
    updated_at: toTimestamp(updatedAt),
    // The annual analysis counts these columns; derived here so that every write keeps them in step.
    ...analysisColumnsOf(complaint),
  };
}

export function fromRow(row: Row): Complaint {
  const data = parseJson<ComplaintData>(row.data);
  // The columns are assigned onto the freshly parsed document instead of spreading it into a new literal:
  // V8 copies a spread object of this size slowly (about 70 µs per complaint against 15; a list page reads
  // 51), and the parsed object is ours alone.
  return Object.assign(data, {
    id: row.id,
    reference: row.reference,
    status: row.status as ComplaintStatus,
    version: Number(row.version),
    channel: row.channel as Complaint['channel'],
    receivedAt: toTimestamp(row.received_at),
    registeredAt: toTimestamp(row.registered_at),
    receiverId: row.receiver_id,
    description: row.description,
    category: row.category,
    team: row.team,
    deadlines: {
      acknowledgeBy: row.acknowledge_by,
      resolveBy: row.resolve_by,
      reportBy: row.report_by,
      calendarId: row.calendar_id,
    },
    acknowledgedAt: toTimestamp(row.acknowledged_at),
    resolvedAt: toTimestamp(row.resolved_at),
    closedAt: toTimestamp(row.closed_at),
    updatedAt: toTimestamp(row.updated_at),
    reporter: {
      ...data.reporter,
      anonymous: toBool(row.anonymous),
      name: row.reporter_name,
      email: row.reporter_email,
      phone: row.reporter_phone,
      role: row.reporter_role as Complaint['reporter']['role'],
      language: row.language as Complaint['reporter']['language'],
    },
  });
}

export async function insertComplaint(
  db: DbExecutor,
  complaint: Complaint,
  followUpTokenHash: string,
): Promise<void> {
  await db.insertInto('complaints').values(toRow(complaint, followUpTokenHash)).execute();
  await insertWorkItems(db, [complaint]);
}

/**
 * Inserts many complaints (bulk demo data, imports) with multi-row statements, each as large as the dialect's
 * limit on bound parameters allows (SQLite 32 766, PostgreSQL 65 535). Run it in a transaction to make the
 * batch all-or-nothing.
 */
export async function insertComplaints(
  db: DbExecutor,
  rows: readonly { complaint: Complaint; followUpTokenHash: string }[],
): Promise<void> {
  const values = rows.map((row) => toRow(row.complaint, row.followUpTokenHash));
  const columns = Object.keys(values[0] ?? {}).length || 1;
  const perStatement = Math.max(1, Math.floor(32_000 / columns));
  for (let start = 0; start < values.length; start += perStatement) {
    await db
      .insertInto('complaints')
      .values(values.slice(start, start + perStatement))
      .execute();
  }
  await insertWorkItems(
    db,
    rows.map((row) => row.complaint),
  );
}

/**
 * Writes the complaint if nobody changed it since `expectedVersion`; the stored version becomes
 * expectedVersion + 1. Of two concurrent writers one wins; the other gets version_conflict (HTTP 409).
 */
export async function updateComplaint(
  db: DbExecutor,
  complaint: Complaint,
  expectedVersion: number,
): Promise<Complaint> {
  const {
    follow_up_token_hash: _keep,
    id: _id,
    ...row
  } = toRow({ ...complaint, version: expectedVersion + 1 }, '');
  const result = await db
    .updateTable('complaints')
    .set(row)
    .where('id', '=', complaint.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new DomainError(
      'version_conflict',
      {
        en: 'The complaint was changed by someone else. Reload it and try again.',
        nl: 'Iemand anders heeft de klacht intussen gewijzigd. Laad hem opnieuw en probeer het nog eens.',
      },
      {
        details: { expectedVersion },
      },
    );
  }
  await replaceWorkItems(db, complaint);
  return { ...complaint, version: expectedVersion + 1 };
}

export async function findComplaintByReference(db: DbExecutor, reference: string): Promise<Complaint | null> {
  const row = await db
    .selectFrom('complaints')
    .selectAll()
    .where('reference', '=', reference)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

export async function findComplaintById(db: DbExecutor, id: string): Promise<Complaint | null> {
  const row = await db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

export async function findComplaintByFollowUpTokenHash(
  db: DbExecutor,
  hash: string,
): Promise<Complaint | null> {
  const row = await db
    .selectFrom('complaints')
    .selectAll()
    .where('follow_up_token_hash', '=', hash)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** Points the follow-up link at a new token hash (or an unusable value, to revoke it). */
export async function replaceFollowUpTokenHash(db: DbExecutor, id: string, hash: string): Promise<void> {
  await db.updateTable('complaints').set({ follow_up_token_hash: hash }).where('id', '=', id).execute();
}

export interface ComplaintFilters {
  statuses?: ComplaintStatus[];
  handlerId?: string;
  /** Only cases without a handler. */
  unassigned?: boolean;
  channel?: string;
  category?: string;
  /** Only cases whose open acknowledgement or resolution term ended before this date. */
  overdueOn?: string;
  receivedFrom?: string;
  receivedTo?: string;
  text?: string;
  /** Restrict to cases this user handles or received (for staff who may not see every case). */
  visibleTo?: string;
}

export interface ComplaintPage {
  items: Complaint[];
  /** Opaque cursor for the next page (keyset on received_at, id), or null at the end. */
  next: string | null;
}

/** Newest first, keyset-paginated: no OFFSET scans and no COUNT over the table. */
export async function listComplaints(
  db: DbExecutor,
  filters: ComplaintFilters,
  page: { limit: number; cursor?: string | null },
): Promise<ComplaintPage> {
  let query = db.selectFrom('complaints');
  if (filters.statuses?.length) query = query.where('status', 'in', filters.statuses);
  if (filters.handlerId) query = query.where('handler_id', '=', filters.handlerId);
  if (filters.unassigned) query = query.where('handler_id', 'is', null);
  if (filters.channel) query = query.where('channel', '=', filters.channel);
  if (filters.category) query = query.where('category', '=', filters.category);
  if (filters.receivedFrom) query = query.where('received_at', '>=', toTimestamp(filters.receivedFrom));
  if (filters.receivedTo) query = query.where('received_at', '<', toTimestamp(filters.receivedTo));
  if (filters.visibleTo) {
    const userId = filters.visibleTo;
    query = query.where((eb) => eb.or([eb('handler_id', '=', userId), eb('receiver_id', '=', userId)]));
  }
  if (filters.overdueOn) {
    const day = filters.overdueOn;
    query = query
      .where((eb) =>
        eb.or([
          eb.and([eb('acknowledged_at', 'is', null), eb('acknowledge_by', '<', day)]),
          eb.and([eb('resolved_at', 'is', null), eb('resolve_by', '<', day)]),
        ]),
      )
      .where('status', 'not in', ['withdrawn', 'not_taken_up', 'closed'])
      // The same cases (next_due is set exactly while a case is open), written as the predicate of the partial
      // index complaints_overdue_idx, so that both planners may use it (migration 0008).
      .where('next_due', 'is not', null);
  }
  if (page.cursor) {
    const [receivedAt, id] = decodeCursor(page.cursor);
    // A row-value comparison is one range of the (…, received_at, id) indexes on both dialects; the equivalent
    // OR of two conditions is not, and made a deep page scan everything newer than it.
    query = query.where((eb) => eb(eb.refTuple('received_at', 'id'), '<', eb.tuple(receivedAt, id)));
  }
  const rows = filters.text
    ? await rowsMatching(db, query, filters.text, page.limit + 1)
    : await newestFirst(query.selectAll())
        .limit(page.limit + 1)
        .execute();
  const items = rows.slice(0, page.limit).map(fromRow);
  const last = items.at(-1);
  return { items, next: rows.length > page.limit && last ? encodeCursor(last.receivedAt, last.id) : null };
}

/**
 * The searched text of a complaint on PostgreSQL: the four columns joined by a unit separator, so that a match
 * never spans two of them. Must stay identical to the expression of complaints_search_trgm_idx (migration 0008).
 */
const SEARCH_TEXT = sql.raw(
  `(reference || chr(31) || coalesce(reporter_name, '') || chr(31) || coalesce(reporter_email, '') || chr(31) || description)`,
);

/**
 * The text filter, as a LIKE: the reference, description, reporter's name or email contains the text
 * (case-insensitive; on SQLite for ASCII letters only), with LIKE's wildcards in the text taken literally. On
 * PostgreSQL the four columns are one expression, which its trigram index serves (migration 0008); on SQLite this
 * reads every row it tests: listComplaints finds the rows through the search index where that reads less.
 */
export function matchesText(db: DbExecutor, text: string): TextCondition {
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  if (dialectOf(db) === 'postgres') return () => sql<boolean>`${SEARCH_TEXT} ilike ${like} escape '\\'`;
  return (eb) =>
    eb.or(
      (['reference', 'description', 'reporter_name', 'reporter_email'] as const).map(
        (column) => sql<boolean>`${sql.ref(column)} like ${like} escape '\\'`,
      ),
    );
}

type TextCondition = (eb: ExpressionBuilder<Database, 'complaints'>) => Expression<SqlBool>;
type ListQuery = SelectQueryBuilder<Database, 'complaints', object>;

const newestFirst = <O>(query: SelectQueryBuilder<Database, 'complaints', O>) =>
  query.orderBy('received_at', 'desc').orderBy('id', 'desc');

/** How many rows of the list a search walks, testing each, before it asks the search index instead. */
const WALK = 2000;
const FULL_REFERENCE = /^VP-\d{4}-\d{5,}$/i;

/**
 * The first `n` rows of the list whose text matches (matchesText), found the cheapest way.
 * - PostgreSQL: the planner chooses between the trigram index and the list's own order by itself.
 * - A whole reference: its unique index (a reference is only ever searched to open that one case).
 * - SQLite, a text found often (a common word, a frequent name): walking the list in its order and testing each
 *   row fills the page within a few hundred rows; the walk stops after WALK rows.
 * - SQLite, a text found rarely (the walk came back short): the complaints the FTS5 trigram index finds
 *   (migration 0008), fetched by id and sorted. The index finds a superset of the LIKE's matches (it folds the
 *   case of every letter, not only ASCII), so the LIKE decides here too, and both ways give the same rows.
 * Texts under three characters have no trigram: a LIKE only.
 */
async function rowsMatching(db: DbExecutor, query: ListQuery, text: string, n: number): Promise<Row[]> {
  const like = matchesText(db, text);
  if (FULL_REFERENCE.test(text.trim())) {
    return query.selectAll().where('reference', '=', text.trim().toUpperCase()).limit(n).execute();
  }
  if (dialectOf(db) === 'postgres' || [...text].length < 3) {
    return newestFirst(query.selectAll().where(like)).limit(n).execute();
  }
  const walked = await newestFirst(query.select((eb) => ['id', sql<number>`(${like(eb)})`.as('hit')]))
    .limit(WALK)
    .execute();
  const hits = walked.filter((row) => Number(row.hit) === 1).map((row) => row.id);
  if (hits.length >= n || walked.length < WALK) {
    if (hits.length === 0) return [];
    return newestFirst(query.selectAll().where('id', 'in', hits.slice(0, n))).execute();
  }
  const phrase = `"${text.replaceAll('"', '""')}"`;
  const found = sql<string>`(select complaint_id from complaint_search where id in
    (select rowid from complaint_search_fts where complaint_search_fts match ${phrase}))`;
  return newestFirst(query.selectAll().where((eb) => eb.and([eb('complaints.id', 'in', found), like(eb)])))
    .limit(n)
    .execute();
}

const encodeCursor = (receivedAt: string, id: string): string =>
  Buffer.from(`${receivedAt}|${id}`).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  const [receivedAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!receivedAt || !id || Number.isNaN(Date.parse(receivedAt))) {
    throw new DomainError(
      'invalid_input',
      { en: 'Invalid cursor.', nl: 'Ongeldige cursor.' },
      { field: 'cursor' },
    );
  }
  return [toTimestamp(receivedAt), id];
}
