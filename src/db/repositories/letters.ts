/** Letters as sent: the PDF and text are written once and never changed; only the posting date is added later. */
import { createHash, randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Delivery, LetterKind } from '../../domain/letters.ts';
import type { DbExecutor } from '../database.ts';
import { toTimestamp } from '../normalise.ts';
import type { LettersTable } from '../tables.ts';

export interface Letter {
  id: string;
  complaintId: string;
  kind: LetterKind;
  language: string;
  recipientRole: 'reporter' | 'involved';
  recipientName: string | null;
  recipientAddress: string | null;
  delivery: Delivery;
  subject: string;
  sha256: string;
  size: number;
  templateVersion: number;
  createdAt: string;
  createdBy: string | null;
  postedAt: string | null;
}

export interface NewLetter {
  complaintId: string;
  kind: LetterKind;
  language: string;
  recipientRole: 'reporter' | 'involved';
  recipientName: string | null;
  recipientAddress: string | null;
  delivery: Delivery;
  subject: string;
  text: string;
  pdf: Buffer;
  templateVersion: number;
  createdBy: string | null;
  now: string;
}

export async function insertLetter(db: DbExecutor, letter: NewLetter): Promise<Letter> {
  const id = randomUUID();
  const sha256 = createHash('sha256').update(letter.pdf).digest('hex');
  await db
    .insertInto('letters')
    .values({
      id,
      complaint_id: letter.complaintId,
      kind: letter.kind,
      language: letter.language,
      recipient_role: letter.recipientRole,
      recipient_name: letter.recipientName,
      recipient_address: letter.recipientAddress,
      delivery: letter.delivery,
      subject: letter.subject,
      body_text: letter.text,
      pdf: letter.pdf,
      sha256,
      template_version: letter.templateVersion,
      created_at: toTimestamp(letter.now),
      created_by: letter.createdBy,
      posted_at: null,
    })
    .execute();
  return (await findLetter(db, id))!;
}

const COLUMNS = [
  'id',
  'complaint_id',
  'kind',
  'language',
  'recipient_role',
  'recipient_name',
  'recipient_address',
  'delivery',
  'subject',
  'sha256',
  'template_version',
  'created_at',
  'created_by',
  'posted_at',
] as const;

type Row = Pick<Selectable<LettersTable>, (typeof COLUMNS)[number]> & { size: number | string };

function toLetter(row: Row): Letter {
  return {
    id: row.id,
    complaintId: row.complaint_id,
    kind: row.kind as LetterKind,
    language: row.language,
    recipientRole: row.recipient_role as Letter['recipientRole'],
    recipientName: row.recipient_name,
    recipientAddress: row.recipient_address,
    delivery: row.delivery as Delivery,
    subject: row.subject,
    sha256: row.sha256,
    size: Number(row.size),
    templateVersion: Number(row.template_version),
    createdAt: toTimestamp(row.created_at),
    createdBy: row.created_by,
    postedAt: toTimestamp(row.posted_at),
  };
}

const selectLetters = (db: DbExecutor) =>
  db.selectFrom('letters').select([...COLUMNS, (eb) => eb.fn('length', ['pdf']).as('size')]);

export async function findLetter(db: DbExecutor, id: string): Promise<Letter | null> {
  const row = await selectLetters(db).where('id', '=', id).executeTakeFirst();
  return row ? toLetter(row as Row) : null;
}

/** A complaint's letters, oldest first; only the reporter's when `reporterOnly`. */
export async function listLetters(
  db: DbExecutor,
  complaintId: string,
  options: { reporterOnly?: boolean } = {},
): Promise<Letter[]> {
  let query = selectLetters(db).where('complaint_id', '=', complaintId);
  if (options.reporterOnly) query = query.where('recipient_role', '=', 'reporter');
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => toLetter(row as Row));
}

export async function getLetterPdf(
  db: DbExecutor,
  id: string,
): Promise<{ letter: Letter; pdf: Buffer } | null> {
  const letter = await findLetter(db, id);
  if (!letter) return null;
  const row = await db.selectFrom('letters').select('pdf').where('id', '=', id).executeTakeFirstOrThrow();
  return { letter, pdf: Buffer.from(row.pdf) };
}

/** Records when a printed letter went into the post; once only (false when it was already recorded). */
export async function markLetterPosted(db: DbExecutor, id: string, postedAt: string): Promise<boolean> {
  const result = await db
    .updateTable('letters')
    .set({ posted_at: toTimestamp(postedAt) })
    .where('id', '=', id)
    .where('delivery', '=', 'post')
    .where('posted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
