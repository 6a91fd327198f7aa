/**
 * Attachments of a complaint, stored in the database (one backup covers everything). The content type is
 * sniffed from the bytes, never taken from the client, and only an allow-list of document types is kept
 * (src/db/attachment-content.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import { DomainError, type LocalisedMessage } from '../../domain/errors.ts';
import { ALLOWED_ATTACHMENT_TYPES, sanitiseFilename, sniffContentType } from '../attachment-content.ts';
import type { DbExecutor } from '../database.ts';
import { toTimestamp } from '../normalise.ts';

export interface Attachment {
  id: string;
  complaintId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string | null;
}

export interface NewAttachment {
  complaintId: string;
  /** As the client named it; only a cleaned base name is kept. */
  filename: string;
  content: Buffer;
  uploadedBy: string | null;
  now: Date;
  /** The largest single file accepted, in bytes. */
  maxBytes: number;
}

const METADATA = [
  'id',
  'complaint_id',
  'filename',
  'content_type',
  'size',
  'sha256',
  'uploaded_at',
  'uploaded_by',
] as const;

/**
 * Stores an attachment after checking its size and sniffing its type. Throws DomainError('invalid_input',
 * field 'attachments') when it is empty, larger than `maxBytes`, or not of an allowed type.
 */
export async function insertAttachment(db: DbExecutor, input: NewAttachment): Promise<Attachment> {
  const { content } = input;
  if (content.length === 0)
    reject({ en: 'The file is empty.', nl: 'Het bestand is leeg.' }, { reason: 'empty' });
  if (content.length > input.maxBytes) {
    reject(
      {
        en: `The file is larger than ${megabytes(input.maxBytes)} MB.`,
        nl: `Het bestand is groter dan ${megabytes(input.maxBytes)} MB.`,
      },
      {
        reason: 'too_large',
        maxBytes: input.maxBytes,
      },
    );
  }
  const contentType = await sniffContentType(content);
  if (!contentType || !ALLOWED_ATTACHMENT_TYPES.includes(contentType)) {
    reject(
      { en: 'This type of file cannot be attached.', nl: 'Dit soort bestand kan niet worden bijgevoegd.' },
      {
        reason: 'type_not_allowed',
        contentType: contentType ?? null,
      },
    );
  }
  const row = await db
    .insertInto('attachments')
    .values({
      id: randomUUID(),
      complaint_id: input.complaintId,
      filename: sanitiseFilename(input.filename),
      content_type: contentType,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      uploaded_at: toTimestamp(input.now),
      uploaded_by: input.uploadedBy,
    })
    .returning(METADATA)
    .executeTakeFirstOrThrow();
  return toAttachment(row);
}

/** The attachments of a complaint, oldest first, without their content. */
export async function listAttachments(db: DbExecutor, complaintId: string): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('attachments')
    .select(METADATA)
    .where('complaint_id', '=', complaintId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map(toAttachment);
}

/** One attachment with its bytes, or null. */
export async function getAttachmentContent(
  db: DbExecutor,
  id: string,
): Promise<(Attachment & { content: Buffer }) | null> {
  const row = await db
    .selectFrom('attachments')
    .select([...METADATA, 'content'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { ...toAttachment(row), content: Buffer.from(row.content) } : null;
}

/** The bytes stored for a complaint so far (for a per-complaint limit). */
export async function totalAttachmentBytes(db: DbExecutor, complaintId: string): Promise<number> {
  const row = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.sum<number | string | null>('size').as('total'))
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

const megabytes = (bytes: number): string =>
  (bytes / (1024 * 1024)).toLocaleString('nl-NL', { maximumFractionDigits: 1 });

function reject(message: LocalisedMessage, details: Record<string, unknown>): never {
  throw new DomainError('invalid_input', message, { field: 'attachments', details });
}

function toAttachment(row: {
  id: string;
  complaint_id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_at: string;
  uploaded_by: string | null;
}): Attachment {
  return {
    id: row.id,
    complaintId: row.complaint_id,
    filename: row.filename,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedAt: toTimestamp(row.uploaded_at),
    uploadedBy: row.uploaded_by,
  };
}
