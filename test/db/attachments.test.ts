import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitiseFilename, sniffContentType } from '../../src/db/attachment-content.ts';
import { fromBool, toJson } from '../../src/db/normalise.ts';
import {
  getAttachmentContent,
  insertAttachment,
  listAttachments,
  totalAttachmentBytes,
} from '../../src/db/repositories/attachments.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { describeEachDialect, type TestDb, withTestDatabase } from '../helpers/databases.ts';

const NOW = new Date('2026-11-25T09:00:00.000Z');
// The smallest valid PNG: signature + IHDR + IDAT + IEND of a 1×1 image.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(32),
]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]);
const EMAIL = Buffer.from(
  'Received: from mail.example.nl\r\nFrom: Jan <jan@example.nl>\r\nTo: klachten@loket3.nl\r\nSubject: Klacht\r\n' +
    'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\nGe\xefrriteerd.\r\n',
  'latin1',
);
const cfb = (stream: string) =>
  Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
    Buffer.from(stream, 'utf16le'),
  ]);

describe('attachment content', () => {
  it('sniffs types from the bytes', async () => {
    expect(await sniffContentType(PNG)).toBe('image/png');
    expect(await sniffContentType(PDF)).toBe('application/pdf');
    expect(await sniffContentType(JPEG)).toBe('image/jpeg');
    expect(await sniffContentType(EXE)).toBe('application/x-msdownload');
    expect(await sniffContentType(EMAIL)).toBe('message/rfc822');
    expect(await sniffContentType(Buffer.from('Beste meneer,\nIk ben ontevreden. 😞\n'))).toBe('text/plain');
    // A note that starts like a header but goes on in prose is text, not mail.
    expect(await sniffContentType(Buffer.from('From: Jan\nIk wacht al weken op antwoord.\n'))).toBe(
      'text/plain',
    );
    expect(await sniffContentType(Buffer.from([0x41, 0x00, 0x42]))).toBeUndefined();
    expect(await sniffContentType(Buffer.from([0x41, 0xff, 0xfe, 0x42]))).toBeUndefined();
    expect(await sniffContentType(cfb('WordDocument'))).toBe('application/msword');
    expect(await sniffContentType(cfb('Workbook'))).toBe('application/x-cfb');
  });

  it('keeps only a safe base name', () => {
    expect(sanitiseFilename('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFilename('C:\\Users\\jan\\brief.pdf')).toBe('brief.pdf');
    expect(sanitiseFilename('bad\u0000name\u202Efdp.exe')).toBe('badnamefdp.exe');
    expect(sanitiseFilename('..')).toBe('attachment');
    expect(sanitiseFilename('   ')).toBe('attachment');
    const long = sanitiseFilename(`${'a'.repeat(300)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describeEachDialect('attachments', (dialect) => {
  let db: TestDb;
  const complaintId = 'complaint-1';
  const attach = (filename: string, content: Buffer, maxBytes = 10_000) =>
    insertAttachment(db.kysely, { complaintId, filename, content, uploadedBy: null, now: NOW, maxBytes });

  beforeAll(async () => {
    db = await withTestDatabase(dialect);
    await db.kysely
      .insertInto('complaints')
      .values({
        id: complaintId,
        reference: '2026-0001',
        status: 'registered',
        version: 1,
        channel: 'web',
        received_at: NOW.toISOString(),
        registered_at: NOW.toISOString(),
        receiver_id: null,
        language: 'nl',
        anonymous: fromBool(false),
        reporter_name: null,
        reporter_email: null,
        reporter_phone: null,
        reporter_role: null,
        description: 'x',
        category: null,
        team: null,
        handler_id: null,
        acknowledge_by: '2026-12-02',
        resolve_by: '2026-12-24',
        report_by: null,
        calendar_id: 'atw',
        acknowledged_at: null,
        resolved_at: null,
        closed_at: null,
        follow_up_token_hash: 'h',
        data: toJson({}),
        updated_at: NOW.toISOString(),
      })
      .execute();
  });
  afterAll(() => db.close());

  it('stores a PNG named .pdf as image/png, with its hash and bytes intact', async () => {
    const stored = await attach('scan.pdf', PNG);
    expect(stored).toMatchObject({
      complaintId,
      filename: 'scan.pdf',
      contentType: 'image/png',
      size: PNG.length,
      uploadedAt: NOW.toISOString(),
      uploadedBy: null,
    });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    const read = await getAttachmentContent(db.kysely, stored.id);
    expect(Buffer.isBuffer(read?.content)).toBe(true);
    expect(read?.content.equals(PNG)).toBe(true);
    expect(await getAttachmentContent(db.kysely, 'missing')).toBeNull();
  });

  it('stores the base name of a path', async () => {
    expect((await attach('../../etc/passwd', Buffer.from('root:x:0:0\n'))).filename).toBe('passwd');
  });

  it('rejects executables, oversized and empty files with a field error', async () => {
    for (const [content, maxBytes, reason] of [
      [EXE, 10_000, 'type_not_allowed'],
      [PDF, PDF.length - 1, 'too_large'],
      [Buffer.alloc(0), 10_000, 'empty'],
    ] as const) {
      const error = await attach('file.pdf', content, maxBytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'invalid_input', field: 'attachments', details: { reason } });
    }
  });

  it('lists metadata only and totals the bytes', async () => {
    const list = await listAttachments(db.kysely, complaintId);
    expect(list.map((a) => a.filename)).toEqual(expect.arrayContaining(['scan.pdf', 'passwd']));
    expect(list.every((a) => !('content' in a))).toBe(true);
    expect(await totalAttachmentBytes(db.kysely, complaintId)).toBe(PNG.length + 'root:x:0:0\n'.length);
    expect(await totalAttachmentBytes(db.kysely, 'none')).toBe(0);
  });
});
