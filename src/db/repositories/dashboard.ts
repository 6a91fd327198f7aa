/**
 * The staff dashboard's queries: open cases ordered by their nearest open term (`complaints.next_due`, kept in
 * step by toRow), everyone's or one user's, with filters, keyset pagination and counts. Every query says
 * `next_due is not null`, the predicate of the partial indexes of migration 0004, so that it reads the open
 * cases only, whatever the size of the table.
 */
import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import type { IsoDate } from '../../domain/calendar.ts';
import type { Complaint } from '../../domain/complaint.ts';
import { NO_TERM_RUNNING } from '../../domain/dashboard.ts';
import { DomainError } from '../../domain/errors.ts';
import { COMPLAINT_STATUSES, type ComplaintStatus, TERMINAL } from '../../domain/lifecycle.ts';
import type { DbExecutor } from '../database.ts';
import { toTimestamp } from '../normalise.ts';
import type { ComplaintsTable, Database } from '../tables.ts';
import { fromRow, matchesText } from './complaints.ts';
import { complaintIdsWithWork } from './work-items.ts';

/** Whose cases: every open case (quality manager, administrator), or one user's work. */
export type DashboardScope =
  | { kind: 'all' }
  | {
      kind: 'work';
      userId: string;
      /**
       * Users whose involvement in a case makes this user act as quality manager for it (the configured
       * deputy, for cases in which a quality manager is involved); usually empty.
       */
      deputyFor: readonly string[];
    };

/** A traffic light of the nearest open term, or no term running (after the final report). */
export type DueState = 'overdue' | 'due_soon' | 'on_time' | 'no_term';
export const DUE_STATES: readonly DueState[] = ['overdue', 'due_soon', 'on_time', 'no_term'];

/** The statuses of open cases, in the lifecycle's order. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = COMPLAINT_STATUSES.filter(
  (s) => !TERMINAL.includes(s),
);

export interface DashboardFilters {
  statuses?: readonly ComplaintStatus[];
  due?: DueState;
  unassigned?: boolean;
  channel?: string;
  category?: string;
  /** Instants: received in [receivedFrom, receivedTo). */
  receivedFrom?: string;
  receivedTo?: string;
  text?: string;
}

/** The day the question is asked on, and the first day that is no longer "due soon" (dueSoonBefore). */
export interface DashboardDay {
  today: IsoDate;
  soonBefore: IsoDate;
}

export interface DashboardPage {
  items: Complaint[];
  /** Cursor of the next page (keyset on next_due, reference), or null at the end. */
  next: string | null;
}

type Eb = ExpressionBuilder<Database, 'complaints'>;

const REFERENCE = /^VP-\d{4}-\d{5,}$/i;

/**
 * The open cases in scope as one query per way a case can be someone's work, each led by its own index: the
 * open cases by next_due; by handler; by receiver; by id, for the few cases the user's work items name (read
 * first, so the planner sees a short list of ids rather than a subquery it might scan the open cases for).
 * A user's work is thus found from that user's index entries, never by reading every open case. A case can
 * be in more than one branch.
 */
async function scopeBranches(db: DbExecutor, scope: DashboardScope) {
  const open = db.selectFrom('complaints').where('next_due', 'is not', null);
  if (scope.kind === 'all') return [open];
  const { userId, deputyFor } = scope;
  const branches = [open.where('handler_id', '=', userId), open.where('receiver_id', '=', userId)];
  const asked = await complaintIdsWithWork(db, [userId], ['agree']);
  // The deputy acts as quality manager in the cases in which a quality manager is involved.
  const deputising = await complaintIdsWithWork(db, deputyFor, ['involved']);
  const ids = [...new Set([...asked, ...deputising])];
  if (ids.length) branches.push(open.where('id', 'in', ids));
  return branches;
}

function dueCondition(state: DueState, day: DashboardDay) {
  return (eb: Eb) => {
    switch (state) {
      case 'overdue':
        return eb('next_due', '<', day.today);
      case 'due_soon':
        return eb.and([eb('next_due', '>=', day.today), eb('next_due', '<', day.soonBefore)]);
      case 'on_time':
        return eb.and([eb('next_due', '>=', day.soonBefore), eb('next_due', '<', NO_TERM_RUNNING)]);
      case 'no_term':
        return eb('next_due', '=', NO_TERM_RUNNING);
    }
  };
}

/** Open cases in scope, the nearest open term first (then by reference), `limit` a page. */
export async function listOpenCases(
  db: DbExecutor,
  scope: DashboardScope,
  filters: DashboardFilters,
  day: DashboardDay,
  page: { limit: number; cursor?: string | null },
): Promise<DashboardPage> {
  // Each branch is already in order and cut at a page and one; merged here, without the duplicates.
  const byReference = new Map<string, Selectable<ComplaintsTable>>();
  for (const query of await openCasesQueries(db, scope, filters, day, page)) {
    for (const row of await query.execute()) byReference.set(row.reference, row);
  }
  const rows = [...byReference.values()]
    .sort((a, b) => compareKeys(String(a.next_due), a.reference, String(b.next_due), b.reference))
    .slice(0, page.limit + 1);
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    items: shown.map(fromRow),
    next: rows.length > page.limit && last?.next_due ? encodeCursor(last.next_due, last.reference) : null,
  };
}

const compareKeys = (dueA: string, refA: string, dueB: string, refB: string): number =>
  dueA < dueB ? -1 : dueA > dueB ? 1 : refA < refB ? -1 : refA > refB ? 1 : 0;

/** The queries of listOpenCases, one per scope branch: each a page and one row more, in the page's order. */
export async function openCasesQueries(
  db: DbExecutor,
  scope: DashboardScope,
  filters: DashboardFilters,
  day: DashboardDay,
  page: { limit: number; cursor?: string | null },
) {
  const cursor = page.cursor ? decodeCursor(page.cursor) : null;
  return (await scopeBranches(db, scope)).map((branch) => {
    let query = branch.selectAll();
    if (filters.statuses?.length) query = query.where('status', 'in', [...filters.statuses]);
    if (filters.due) query = query.where(dueCondition(filters.due, day));
    if (filters.unassigned) query = query.where('handler_id', 'is', null);
    if (filters.channel) query = query.where('channel', '=', filters.channel);
    if (filters.category) query = query.where('category', '=', filters.category);
    if (filters.receivedFrom) query = query.where('received_at', '>=', toTimestamp(filters.receivedFrom));
    if (filters.receivedTo) query = query.where('received_at', '<', toTimestamp(filters.receivedTo));
    if (filters.text) {
      const text = filters.text.trim();
      // A whole reference is looked up by its unique index rather than matched against every open case.
      query = REFERENCE.test(text)
        ? query.where('reference', '=', text.toUpperCase())
        : query.where(matchesText(db, text));
    }
    if (cursor) {
      const [due, reference] = cursor;
      query = query.where((eb) =>
        eb.or([
          eb('next_due', '>', due),
          eb.and([eb('next_due', '=', due), eb('reference', '>', reference)]),
        ]),
      );
    }
    return query
      .orderBy('next_due')
      .orderBy('reference')
      .limit(page.limit + 1);
  });
}

export interface OpenCounts {
  /** Open cases in scope by the traffic light of their nearest term. */
  byDue: Record<DueState, number>;
  /** Open cases in scope by status (only the statuses that occur). */
  byStatus: Partial<Record<ComplaintStatus, number>>;
  total: number;
}

/**
 * Counts of the open cases in scope (not of a filtered selection), in one row: for every open case, a read
 * of the open-cases index, which holds next_due and status (no row of the table itself, no sort); for one
 * user's work, of that user's cases only.
 */
export async function countOpenCases(
  db: DbExecutor,
  scope: DashboardScope,
  day: DashboardDay,
): Promise<OpenCounts> {
  const row = (await (await openCountsQuery(db, scope, day)).executeTakeFirst()) as
    | Record<string, unknown>
    | undefined;
  const n = (key: string) => Number(row?.[key] ?? 0);
  const counts: OpenCounts = {
    byDue: { overdue: n('overdue'), due_soon: n('due_soon'), on_time: n('on_time'), no_term: n('no_term') },
    byStatus: {},
    total: 0,
  };
  for (const status of OPEN_STATUSES) {
    if (n(status) > 0) counts.byStatus[status] = n(status);
    counts.total += n(status);
  }
  return counts;
}

/** The query of countOpenCases: one row of sums, by the light of the nearest term and by status. */
export async function openCountsQuery(db: DbExecutor, scope: DashboardScope, day: DashboardDay) {
  const sum = (condition: ReturnType<typeof sql>) =>
    sql<number>`sum(case when ${condition} then 1 else 0 end)`;
  const sums = [
    sum(sql`next_due < ${day.today}`).as('overdue'),
    sum(sql`next_due >= ${day.today} and next_due < ${day.soonBefore}`).as('due_soon'),
    sum(sql`next_due >= ${day.soonBefore} and next_due < ${NO_TERM_RUNNING}`).as('on_time'),
    sum(sql`next_due = ${NO_TERM_RUNNING}`).as('no_term'),
    ...OPEN_STATUSES.map((status) => sum(sql`status = ${status}`).as(status)),
  ];
  const [first, ...rest] = (await scopeBranches(db, scope)).map((branch) =>
    branch.select(['id', 'next_due', 'status']),
  );
  if (scope.kind === 'all' || !first)
    return db.selectFrom('complaints').where('next_due', 'is not', null).select(sums);
  // UNION (not UNION ALL): a case that is someone's work in two ways counts once.
  const mine = rest.reduce((union, branch) => union.union(branch), first);
  return db.selectFrom(mine.as('mine')).select(sums);
}

/** Complaints by id (the cases of a user's measures), in no particular order. */
export async function findComplaintsByIds(db: DbExecutor, ids: readonly string[]): Promise<Complaint[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('complaints')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  return rows.map(fromRow);
}

const encodeCursor = (due: string, reference: string): string =>
  Buffer.from(`${String(due).slice(0, 10)}|${reference}`).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  const [due, reference] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!due || !reference || !/^\d{4}-\d{2}-\d{2}$/.test(due)) {
    throw new DomainError(
      'invalid_input',
      { en: 'Invalid cursor.', nl: 'Ongeldige cursor.' },
      { field: 'cursor' },
    );
  }
  return [due, reference];
}
