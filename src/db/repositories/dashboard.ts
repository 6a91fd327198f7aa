/**
 * The staff dashboard's queries: open cases ordered by their nearest open term (`complaints.next_due`, kept in
 * step by toRow), everyone's or one user's, with filters, keyset pagination and counts. Every query says
 * `next_due is not null`, the predicate of the partial indexes of migration 0004, so that it reads the open
 * cases only, whatever the size of the table.
 */
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { IsoDate } from '../../domain/calendar.ts';
import type { Complaint } from '../../domain/complaint.ts';
import { NO_TERM_RUNNING } from '../../domain/dashboard.ts';
import { DomainError } from '../../domain/errors.ts';
import type { ComplaintStatus } from '../../domain/lifecycle.ts';
import type { DbExecutor } from '../database.ts';
import { toTimestamp } from '../normalise.ts';
import type { Database } from '../tables.ts';
import { fromRow, matchesText } from './complaints.ts';
import { complaintsWithWork } from './work-items.ts';

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

type ComplaintsQuery = SelectQueryBuilder<Database, 'complaints', object>;
type Eb = ExpressionBuilder<Database, 'complaints'>;

const REFERENCE = /^VP-\d{4}-\d{5,}$/i;

function scoped<Q extends ComplaintsQuery>(db: DbExecutor, query: Q, scope: DashboardScope): Q {
  const open = query.where('next_due', 'is not', null) as Q;
  if (scope.kind === 'all') return open;
  const { userId, deputyFor } = scope;
  return open.where((eb: Eb) =>
    eb.or([
      eb('handler_id', '=', userId),
      eb('receiver_id', '=', userId),
      eb('id', 'in', complaintsWithWork(db, [userId], ['agree'])),
      ...(deputyFor.length ? [eb('id', 'in', complaintsWithWork(db, deputyFor, ['involved']))] : []),
    ]),
  ) as Q;
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
  let query = scoped(db, db.selectFrom('complaints').selectAll(), scope);
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
  if (page.cursor) {
    const [due, reference] = decodeCursor(page.cursor);
    query = query.where((eb) =>
      eb.or([eb('next_due', '>', due), eb.and([eb('next_due', '=', due), eb('reference', '>', reference)])]),
    );
  }
  const rows = await query
    .orderBy('next_due')
    .orderBy('reference')
    .limit(page.limit + 1)
    .execute();
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    items: shown.map(fromRow),
    next: rows.length > page.limit && last?.next_due ? encodeCursor(last.next_due, last.reference) : null,
  };
}

export interface OpenCounts {
  /** Open cases in scope by the traffic light of their nearest term. */
  byDue: Record<DueState, number>;
  /** Open cases in scope by status (only the statuses that occur). */
  byStatus: Partial<Record<ComplaintStatus, number>>;
  total: number;
}

/**
 * Counts of the open cases in scope (not of a filtered selection): one grouped read of the open-cases index,
 * which holds next_due and status, so no row of the table itself is read for "every open case".
 */
export async function countOpenCases(
  db: DbExecutor,
  scope: DashboardScope,
  day: DashboardDay,
): Promise<OpenCounts> {
  const sum = (condition: ReturnType<typeof sql>) =>
    sql<number>`sum(case when ${condition} then 1 else 0 end)`;
  const rows = await scoped(db, db.selectFrom('complaints'), scope)
    .select([
      'status',
      sum(sql`next_due < ${day.today}`).as('overdue'),
      sum(sql`next_due >= ${day.today} and next_due < ${day.soonBefore}`).as('due_soon'),
      sum(sql`next_due >= ${day.soonBefore} and next_due < ${NO_TERM_RUNNING}`).as('on_time'),
      sum(sql`next_due = ${NO_TERM_RUNNING}`).as('no_term'),
    ])
    .groupBy('status')
    .execute();
  const counts: OpenCounts = {
    byDue: { overdue: 0, due_soon: 0, on_time: 0, no_term: 0 },
    byStatus: {},
    total: 0,
  };
  for (const row of rows) {
    let inStatus = 0;
    for (const state of DUE_STATES) {
      const n = Number(row[state] ?? 0);
      counts.byDue[state] += n;
      inStatus += n;
    }
    counts.byStatus[row.status as ComplaintStatus] = inStatus;
    counts.total += inStatus;
  }
  return counts;
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
