/**
 * Storage for privacy (AVG): legal holds, the writes that remove a case's personal data from every table that
 * holds it, the candidates and pruning of retention, and finding a data subject's complaints. The rules (what
 * is personal, what replaces it) are the domain's (src/domain/anonymise.ts); these functions only write.
 */
import { randomUUID } from 'node:crypto';
import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import type { FieldChanges } from '../../domain/history.ts';
import { type DbExecutor, dialectOf } from '../database.ts';
import { parseJson, toJson, toTimestamp } from '../normalise.ts';
import type { Database, LegalHoldsTable } from '../tables.ts';

// ---------------------------------------------------------------------------------------------------------
// Legal holds

export interface LegalHold {
  id: string;
  complaintId: string;
  setAt: string;
  setBy: string | null;
  setByLabel: string;
  reason: string;
  liftedAt: string | null;
  liftedBy: string | null;
  liftedByLabel: string | null;
  liftReason: string | null;
}

function toHold(row: Selectable<LegalHoldsTable>): LegalHold {
  return {
    id: row.id,
    complaintId: row.complaint_id,
    setAt: toTimestamp(row.set_at),
    setBy: row.set_by,
    setByLabel: row.set_by_label,
    reason: row.reason,
    liftedAt: toTimestamp(row.lifted_at),
    liftedBy: row.lifted_by,
    liftedByLabel: row.lifted_by_label,
    liftReason: row.lift_reason,
  };
}

/** The hold in force on a case, or null. */
export async function findActiveHold(db: DbExecutor, complaintId: string): Promise<LegalHold | null> {
  const row = await db
    .selectFrom('legal_holds')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .where('lifted_at', 'is', null)
    .executeTakeFirst();
  return row ? toHold(row) : null;
}

/** Every hold of a case, newest first. */
export async function listHolds(db: DbExecutor, complaintId: string): Promise<LegalHold[]> {
  const rows = await db
    .selectFrom('legal_holds')
    .selectAll()
    .where('complaint_id', '=', complaintId)
    .orderBy('set_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toHold);
}

/** Every hold in force, with the case's reference, oldest first. */
export async function listActiveHolds(db: DbExecutor): Promise<(LegalHold & { reference: string })[]> {
  const rows = await db
    .selectFrom('legal_holds')
    .innerJoin('complaints', 'complaints.id', 'legal_holds.complaint_id')
    .selectAll('legal_holds')
    .select('complaints.reference')
    .where('legal_holds.lifted_at', 'is', null)
    .orderBy('legal_holds.set_at')
    .execute();
  return rows.map((row) => ({ ...toHold(row), reference: row.reference }));
}

/** Sets a hold; a hold already in force makes this fail on the unique index (the caller checks first). */
export async function insertHold(
  db: DbExecutor,
  hold: { complaintId: string; at: string; by: string | null; byLabel: string; reason: string },
): Promise<LegalHold> {
  const row = await db
    .insertInto('legal_holds')
    .values({
      id: randomUUID(),
      complaint_id: hold.complaintId,
      set_at: toTimestamp(hold.at),
      set_by: hold.by,
      set_by_label: hold.byLabel,
      reason: hold.reason,
      lifted_at: null,
      lifted_by: null,
      lifted_by_label: null,
      lift_reason: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toHold(row);
}

/** Lifts the hold if it is still in force; false when someone lifted it meanwhile. */
export async function liftHold(
  db: DbExecutor,
  holdId: string,
  lift: { at: string; by: string | null; byLabel: string; reason: string },
): Promise<boolean> {
  const result = await db
    .updateTable('legal_holds')
    .set({
      lifted_at: toTimestamp(lift.at),
      lifted_by: lift.by,
      lifted_by_label: lift.byLabel,
      lift_reason: lift.reason,
    })
    .where('id', '=', holdId)
    .where('lifted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------------------------------------------------
// Removing a case's personal data from every table that holds it (call all of these in one transaction)

/** Rewrites each history event's changes and note; returns how many events there were. */
export async function rewriteHistory(
  db: DbExecutor,
  complaintId: string,
  rewrite: (event: { changes: FieldChanges; note: string | null }) => {
    changes: FieldChanges;
    note: string | null;
  },
): Promise<number> {
  const rows = await db
    .selectFrom('complaint_events')
    .select(['id', 'changes', 'note'])
    .where('complaint_id', '=', complaintId)
    .execute();
  for (const row of rows) {
    const next = rewrite({ changes: parseJson<FieldChanges>(row.changes), note: row.note });
    await db
      .updateTable('complaint_events')
      .set({ changes: toJson(next.changes), note: next.note })
      .where('id', '=', row.id)
      .execute();
  }
  return rows.length;
}

export async function deleteAttachments(db: DbExecutor, complaintId: string): Promise<number> {
  const result = await db
    .deleteFrom('attachments')
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Letters as sent lose their PDF, text, subject and addressee; kind, language, delivery, dates, the recipient's
 * role and the PDF's SHA-256 stay (proof that a letter of that kind went out, and when).
 */
export async function blankLetters(db: DbExecutor, complaintId: string, marker: string): Promise<number> {
  const result = await db
    .updateTable('letters')
    .set({
      pdf: Buffer.alloc(0),
      body_text: marker,
      subject: marker,
      recipient_name: null,
      recipient_address: null,
    })
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * The case's mail in the outbox (about the case, or carrying one of its letters) loses its address, subject and
 * bodies and the SMTP server's answers; kind, status and dates stay. Mail not yet sent is not sent any more.
 */
export async function blankEmails(
  db: DbExecutor,
  complaintId: string,
  marker: string,
  now: string,
): Promise<number> {
  const ofCase = (eb: ExpressionBuilder<Database, 'email_outbox'>) =>
    eb.or([
      eb('complaint_id', '=', complaintId),
      eb('letter_id', 'in', eb.selectFrom('letters').select('id').where('complaint_id', '=', complaintId)),
    ]);
  await db
    .updateTable('email_outbox')
    .set({ status: 'failed', next_attempt_at: toTimestamp(now) })
    .where(ofCase)
    .where('status', '=', 'pending')
    .execute();
  const result = await db
    .updateTable('email_outbox')
    .set({
      to_address: marker,
      subject: marker,
      text_body: marker,
      html_body: null,
      last_error: null,
      smtp_response: null,
    })
    .where(ofCase)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Audit entries about the case (target_id its id or reference) get their details rewritten; the address of an
 * actor who is not a staff member (the reporter, someone unknown) goes. Staff entries keep theirs until the
 * audit log's own term ends.
 */
export async function scrubAuditEntries(
  db: DbExecutor,
  targets: string[],
  scrub: (details: Record<string, unknown>) => Record<string, unknown>,
): Promise<number> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['id', 'actor_id', 'details'])
    .where('target_id', 'in', targets)
    .execute();
  for (const row of rows) {
    await db
      .updateTable('audit_log')
      .set({
        details: toJson(scrub(parseJson<Record<string, unknown>>(row.details) ?? {})),
        ...(row.actor_id === null ? { ip: null } : {}),
      })
      .where('id', '=', row.id)
      .execute();
  }
  return rows.length;
}

/** The reasons of the case's legal holds (all lifted by now): they may name people. */
export async function redactHoldReasons(
  db: DbExecutor,
  complaintId: string,
  marker: string,
): Promise<number> {
  const result = await db
    .updateTable('legal_holds')
    .set((eb) => ({
      reason: marker,
      lift_reason: eb.case().when('lift_reason', 'is', null).then(null).else(marker).end(),
    }))
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A spot record that became this complaint: its one line may have been written about the person. */
export async function redactConvertedSpotRecords(
  db: DbExecutor,
  complaintId: string,
  marker: string,
): Promise<number> {
  const result = await db
    .updateTable('spot_records')
    .set({ summary: marker })
    .where('converted_complaint_id', '=', complaintId)
    .where('summary', '<>', marker)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---------------------------------------------------------------------------------------------------------
// Retention

const ENDED = ['closed', 'not_taken_up', 'withdrawn'];

/**
 * Ended cases that may be past the term and have changed since they were last anonymised (or never were), by
 * id after `afterId`. A coarse filter: closed before the cutoff, or (not taken up, withdrawn: their end is in
 * the form) received before it; the caller checks the end exactly. `held` says a legal hold is in force.
 */
export async function listRetentionCandidates(
  db: DbExecutor,
  options: { cutoff: Date; afterId: string | null; limit: number },
): Promise<{ id: string; held: boolean }[]> {
  const cutoff = toTimestamp(options.cutoff);
  let query = db
    .selectFrom('complaints as c')
    .select((eb) => [
      'c.id',
      eb
        .exists(
          eb
            .selectFrom('legal_holds as h')
            .select('h.id')
            .whereRef('h.complaint_id', '=', 'c.id')
            .where('h.lifted_at', 'is', null),
        )
        .as('held'),
    ])
    .where('c.status', 'in', ENDED)
    .where((eb) =>
      eb.or([
        eb.and([eb('c.status', '=', 'closed'), eb('c.closed_at', '<', cutoff)]),
        eb.and([eb('c.status', '<>', 'closed'), eb('c.received_at', '<', cutoff)]),
      ]),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('deletion_log as d')
            .select('d.id')
            .whereRef('d.complaint_id', '=', 'c.id')
            .whereRef('d.at', '>=', 'c.updated_at'),
        ),
      ),
    );
  if (options.afterId) query = query.where('c.id', '>', options.afterId);
  const rows = await query.orderBy('c.id').limit(options.limit).execute();
  return rows.map((row) => ({ id: row.id, held: row.held === true || Number(row.held) === 1 }));
}

/** True when the case was anonymised after its last change. */
export async function isAnonymised(db: DbExecutor, complaintId: string): Promise<boolean> {
  const row = await db
    .selectFrom('complaints as c')
    .innerJoin('deletion_log as d', 'd.complaint_id', 'c.id')
    .select('d.id')
    .where('c.id', '=', complaintId)
    .whereRef('d.at', '>=', 'c.updated_at')
    .executeTakeFirst();
  return row !== undefined;
}

/** Audit entries older than `before`: counted, or deleted. */
export async function pruneAuditLog(
  db: DbExecutor,
  before: Date,
  options: { dryRun: boolean },
): Promise<number> {
  const at = toTimestamp(before);
  if (options.dryRun) {
    const row = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('at', '<', at)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
  const result = await db.deleteFrom('audit_log').where('at', '<', at).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Spot records received before `before` whose line is not redacted yet: counted, or redacted. */
export async function redactOldSpotRecords(
  db: DbExecutor,
  before: Date,
  marker: string,
  options: { dryRun: boolean },
): Promise<number> {
  const at = toTimestamp(before);
  if (options.dryRun) {
    const row = await db
      .selectFrom('spot_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('received_at', '<', at)
      .where('summary', '<>', marker)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
  const result = await db
    .updateTable('spot_records')
    .set({ summary: marker })
    .where('received_at', '<', at)
    .where('summary', '<>', marker)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Staff sessions last used before `before` forget the address and browser they came from. */
export async function forgetOldSessionAddresses(
  db: DbExecutor,
  before: Date,
  options: { dryRun: boolean },
): Promise<number> {
  const at = toTimestamp(before);
  const old = db
    .selectFrom('staff_sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('last_seen_at', '<', at)
    .where((eb) => eb.or([eb('ip', 'is not', null), eb('user_agent', 'is not', null)]));
  if (options.dryRun) return Number((await old.executeTakeFirstOrThrow()).n);
  const result = await db
    .updateTable('staff_sessions')
    .set({ ip: null, user_agent: null })
    .where('last_seen_at', '<', at)
    .where((eb) => eb.or([eb('ip', 'is not', null), eb('user_agent', 'is not', null)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---------------------------------------------------------------------------------------------------------
// Data subjects' requests

export type PersonQuery = { by: 'email' | 'phone' | 'name'; value: string };

export interface PersonMatch {
  id: string;
  reference: string;
  /** reporter: the person is the case's reporter; mentioned: the value appears elsewhere in the form. */
  matchedAs: 'reporter' | 'mentioned';
}

/** The ways a Dutch phone number is written, as digits: 0612345678, 31612345678, 0031612345678. */
export function phoneVariants(value: string): string[] {
  let digits = value.replace(/\D/g, '');
  if (digits.startsWith('0031')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('31') && digits.length === 11) digits = `0${digits.slice(2)}`;
  if (!digits) return [];
  return digits.startsWith('0') ? [digits, `31${digits.slice(1)}`, `0031${digits.slice(1)}`] : [digits];
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Every case whose reporter is the person (email exactly, phone in any common notation, or name containing the
 * text), and, for email and name, the cases that mention them elsewhere (a third party, a name the reporter
 * wrote, a text). At most 500, oldest first.
 */
export async function findComplaintsOfPerson(db: DbExecutor, query: PersonQuery): Promise<PersonMatch[]> {
  const value = query.value.trim();
  const like = dialectOf(db) === 'postgres' ? sql`ilike` : sql`like`;
  const contains = (expression: ReturnType<typeof sql>) =>
    sql<boolean>`${expression} ${like} ${likePattern(value)} escape '\\'`;
  const dataText = sql`cast(${sql.ref('data')} as text)`;
  const digits = sql`replace(replace(replace(replace(replace(replace(${sql.ref('reporter_phone')}, ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', '')`;

  const reporter =
    query.by === 'email'
      ? sql<boolean>`lower(${sql.ref('reporter_email')}) = ${value.toLowerCase()}`
      : query.by === 'phone'
        ? phoneVariants(value).length
          ? sql<boolean>`${digits} in (${sql.join(phoneVariants(value))})`
          : sql<boolean>`1 = 0`
        : contains(sql.ref('reporter_name'));
  const mentioned =
    query.by === 'phone'
      ? sql<boolean>`1 = 0`
      : sql<boolean>`(${contains(dataText)} or ${contains(sql.ref('description'))})`;

  const rows = await db
    .selectFrom('complaints')
    .select(['id', 'reference', sql<boolean | number>`${reporter}`.as('as_reporter')])
    .where(sql<boolean>`(${reporter} or ${mentioned})`)
    .orderBy('received_at')
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    matchedAs: row.as_reporter === true || Number(row.as_reporter) === 1 ? 'reporter' : 'mentioned',
  }));
}

/** The texts of a case's letters as sent, by letter id. */
export async function letterTexts(db: DbExecutor, complaintId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('letters')
    .select(['id', 'body_text'])
    .where('complaint_id', '=', complaintId)
    .execute();
  return new Map(rows.map((row) => [row.id, row.body_text]));
}
