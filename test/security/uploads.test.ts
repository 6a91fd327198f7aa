/**
 * Upload validation (issue 7), through the public form and the staff API: the type is what the bytes are,
 * never the extension (an .exe renamed .pdf is refused, an HTML file named .pdf is kept as plain text and
 * downloaded as such); a zip bomb is never inflated; files over the limits are refused with the file named;
 * file names with path tricks, NUL and control characters, bidirectional overrides or no end are stored
 * safe, and offered for download with a header that cannot be broken.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashFollowUpToken } from '../../src/commands/follow-up-token.ts';
import { act, addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { storedRowCounts } from '../helpers/db-snapshot.ts';
import { PNG, pdf, Session, textOf } from '../pages/helpers.ts';
import { signedInAs } from '../staff/helpers.ts';
import { docxWithBomb, zipBomb } from './support/zip.ts';

const MiB = 1024 * 1024;
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0x90), Buffer.from('PE\0\0')]);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describeEachDialect('upload validation', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      env: { ATTACHMENT_MAX_BYTES: String(MiB), ATTACHMENTS_MAX_TOTAL_BYTES: String(3 * MiB) },
    });
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  /** Posts the form with files; returns the answer and, after a 303, the stored attachments. */
  async function submit(files: Array<{ filename: string; content: Buffer }>) {
    const session = new Session(t);
    const csrf = await session.tokenFrom('/');
    const response = await session.postMultipart(
      '/',
      { _csrf: csrf, lang: 'nl', description: 'Met bijlagen.' },
      files,
    );
    if (response.statusCode !== 303) return { response, stored: [] };
    const hash = hashFollowUpToken(response.headers.location!.split('/').at(-1)!);
    const complaint = await t.db.kysely
      .selectFrom('complaints')
      .select(['id', 'reference'])
      .where('follow_up_token_hash', '=', hash)
      .executeTakeFirstOrThrow();
    const stored = await t.db.kysely
      .selectFrom('attachments')
      .select(['id', 'filename', 'content_type', 'size', 'content'])
      .where('complaint_id', '=', complaint.id)
      .orderBy('filename')
      .execute();
    return { response, stored, reference: complaint.reference };
  }

  async function assigned(): Promise<string> {
    const reference = (
      await call(t, 'POST', '/api/v1/complaints', { body: { description: 'Voor bijlagen.' } })
    ).json().reference;
    expect(
      (await act(t, 'qm', reference, 'assign-handler', { handlerId: t.users.handler!.id })).statusCode,
    ).toBe(200);
    return reference;
  }

  it('refuses an executable under a .pdf name, on the form and in the API, and stores nothing', async () => {
    const before = await storedRowCounts(t.db.kysely, dialect);
    const { response } = await submit([{ filename: 'factuur.pdf', content: EXE }]);
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('Het bestand factuur.pdf kunnen wij niet gebruiken.');
    expect(await storedRowCounts(t.db.kysely, dialect)).toEqual(before);

    const reference = await assigned();
    const api = await act(t, 'handler', reference, 'add-attachment', {
      filename: 'factuur.pdf',
      contentBase64: EXE.toString('base64'),
    });
    expect(api.statusCode).toBe(400);
    expect(api.json()).toMatchObject({
      code: 'invalid_input',
      errors: [{ field: 'attachments' }],
      details: { reason: 'type_not_allowed', contentType: 'application/x-msdownload' },
    });
  });

  it('keeps an HTML file named .pdf as plain text, downloaded as text that no browser renders', async () => {
    const html = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>\n');
    const { response, stored, reference } = await submit([{ filename: 'brief.pdf', content: html }]);
    expect(response.statusCode).toBe(303);
    expect(stored.map((a) => [a.filename, a.content_type])).toEqual([['brief.pdf', 'text/plain']]);
    const browser = await signedInAs(t, 'qm');
    const download = await browser.get(`/staff/complaints/${reference}/attachments/${stored[0]!.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toMatch(/^text\/plain/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="brief.pdf"; filename*=UTF-8''brief.pdf`,
    );
    expect(download.rawPayload.equals(html)).toBe(true);
  });

  it('never inflates a zip bomb: a bare one is refused, one dressed as a Word document is kept as sent', async () => {
    const bomb = zipBomb(64);
    const refused = await submit([{ filename: 'verslag.docx', content: bomb }]);
    expect(refused.response.statusCode).toBe(400);
    expect(textOf(refused.response.body)).toContain('Het bestand verslag.docx kunnen wij niet gebruiken.');

    // A .docx whose document inflates to 100 MB: a Word document by type; stored as the bytes that came in.
    const dressed = docxWithBomb(100);
    expect(dressed.length).toBeLessThan(MiB);
    const kept = await submit([{ filename: 'verslag.docx', content: dressed }]);
    expect(kept.response.statusCode).toBe(303);
    expect(kept.stored.map((a) => [a.filename, a.content_type, Number(a.size)])).toEqual([
      [
        'verslag.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        dressed.length,
      ],
    ]);
    expect(sha256(Buffer.from(kept.stored[0]!.content))).toBe(sha256(dressed));
  });

  it('refuses files over the limits with the file named, and stores nothing', async () => {
    const before = await storedRowCounts(t.db.kysely, dialect);
    const big = await submit([{ filename: 'scan.pdf', content: pdf('x'.repeat(MiB + 10)) }]);
    expect(big.response.statusCode).toBe(413);
    expect(textOf(big.response.body)).toContain('scan.pdf');
    const many = await submit(
      Array.from({ length: 6 }, (_, i) => ({ filename: `foto-${i}.png`, content: PNG })),
    );
    expect(many.response.statusCode).toBe(413);
    expect(await storedRowCounts(t.db.kysely, dialect)).toEqual(before);

    const reference = await assigned();
    const tooLarge = await act(t, 'handler', reference, 'add-attachment', {
      filename: 'scan.pdf',
      contentBase64: pdf('x'.repeat(MiB + 10)).toString('base64'),
    });
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.json().details).toEqual({ reason: 'too_large', maxBytes: MiB });
    const overBody = await act(t, 'handler', reference, 'add-attachment', {
      filename: 'huge.pdf',
      contentBase64: 'A'.repeat(41 * MiB),
    });
    expect(overBody.statusCode).toBe(413);
    expect(overBody.json().code).toBe('payload_too_large');
  });

  it('stores safe names for path tricks, control and bidi characters and very long names', async () => {
    const first = await submit([
      { filename: '../../etc/passwd', content: Buffer.from('root:x:0:0\n') },
      { filename: 'C:\\Users\\anouk\\brief.pdf', content: pdf('brief') },
      { filename: 'rapport\u0000.pdf.exe', content: pdf('rapport') },
      { filename: 'foto\u202Egpj.exe', content: PNG },
      { filename: 'Zoë verslag.txt', content: Buffer.from('Verslag van Zoë.\n') },
    ]);
    expect(first.response.statusCode).toBe(303);
    expect(first.stored.map((a) => [a.filename, a.content_type])).toEqual([
      ['Zoë verslag.txt', 'text/plain'],
      ['brief.pdf', 'application/pdf'],
      ['fotogpj.exe', 'image/png'],
      ['passwd', 'text/plain'],
      ['rapport.pdf.exe', 'application/pdf'],
    ]);
    const second = await submit([
      { filename: `${'a'.repeat(300)}.pdf`, content: pdf('lang') },
      { filename: '..', content: pdf('punten') },
      { filename: '/', content: pdf('slash') },
    ]);
    expect(second.response.statusCode).toBe(303);
    // Busboy reduces a part's name to its base name; '..' and '/' have none, so those parts are no files (no
    // browser sends such a name: no file can have it).
    expect(second.stored.map((a) => a.filename)).toEqual([`${'a'.repeat(196)}.pdf`]);

    // The staff API: the same cleaning; a NUL in JSON text is refused outright (no text holds one).
    const reference = await assigned();
    for (const filename of [
      '../../../var/www/index.html',
      'a\r\nContent-Type: text/html.pdf',
      'x\u2066y\u2069.pdf',
      '..',
    ]) {
      expect(
        (
          await act(t, 'handler', reference, 'add-attachment', {
            filename,
            contentBase64: pdf(filename).toString('base64'),
          })
        ).statusCode,
      ).toBe(200);
    }
    const nul = await act(t, 'handler', reference, 'add-attachment', {
      filename: 'a\u0000.pdf',
      contentBase64: pdf('x').toString('base64'),
    });
    expect(nul.statusCode).toBe(400);
    const complaint = await t.db.kysely
      .selectFrom('complaints')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    const names = await t.db.kysely
      .selectFrom('attachments')
      .select(['id', 'filename'])
      .where('complaint_id', '=', complaint.id)
      .orderBy('filename')
      .execute();
    expect(names.map((a) => a.filename)).toEqual(['attachment', 'html.pdf', 'index.html', 'xy.pdf']);

    // Downloads: a header no name can break (ASCII fallback, the exact name in filename*).
    const browser = await signedInAs(t, 'qm');
    const rtl = first.stored.find((a) => a.filename === 'Zoë verslag.txt')!;
    const download = await browser.get(`/staff/complaints/${first.reference}/attachments/${rtl.id}`);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Zo_ verslag.txt"; filename*=UTF-8''Zo%C3%AB%20verslag.txt`,
    );
  });
});
