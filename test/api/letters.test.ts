/**
 * Letters through the lifecycle: the action sends its letter, the PDF is kept exactly as sent, email
 * carries it over real SMTP, paper letters are marked posted once, and the reporter downloads only their own.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deliverDueEmails } from '../../src/jobs/outbox-worker.ts';
import { createMailTransport } from '../../src/mail/transport.ts';
import { act, addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { startTestSmtpServer } from '../helpers/smtp-server.ts';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const tokenOf = (url: string) => url.split('/').at(-1)!;

describeEachDialect('letters in the lifecycle', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
  });
  afterAll(() => t.close());

  async function assigned(reporter: object, involved: string[] = []) {
    t.setNow('2026-04-30T09:00:00+02:00');
    const submitted = (await call(t, 'POST', '/api/v1/complaints', { body: { description: 'De afspraak ging niet door.', reporter, involvedEmployees: involved } })).json();
    const reference = submitted.reference as string;
    const form = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();
    for (const mention of form.mentions) {
      await act(t, 'qm', reference, 'link-mention', { mentionId: mention.id, link: { kind: 'user', userId: t.users.coach!.id } });
    }
    expect((await act(t, 'qm', reference, 'assign-handler', { handlerId: t.users.handler!.id })).statusCode).toBe(200);
    expect((await act(t, 'handler', reference, 'record-summary', { summary: 'Afspraak op 28 april ging niet door; Zoë wachtte in het café.' })).statusCode).toBe(200);
    return { reference, token: tokenOf(submitted.followUpUrl) };
  }

  it('acknowledging sends the acknowledgement by email, with the PDF as kept, over real SMTP', async () => {
    const { reference } = await assigned({ name: 'Mila Visser', email: 'mila@example.nl' });
    t.setNow('2026-05-04T10:00:00+02:00');
    const acknowledged = await act(t, 'handler', reference, 'acknowledge');
    expect(acknowledged.statusCode).toBe(200);
    expect(acknowledged.json().acknowledgedAt).toBe('2026-05-04T08:00:00.000Z');

    const letters = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}/letters`, { as: 'handler' })).json();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      kind: 'acknowledgement',
      language: 'nl',
      recipientRole: 'reporter',
      recipientName: 'Mila Visser',
      recipientAddress: 'mila@example.nl',
      delivery: 'email',
      createdAt: '2026-05-04T08:00:00.000Z',
      postedAt: null,
    });
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/complaints/${reference}/letters/${letters[0].id}/pdf`,
      headers: { authorization: `Bearer ${t.users.handler!.token}` },
    });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(pdf.rawPayload)).toBe(letters[0].sha256);
    const history = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json().history;
    expect(history.at(-1)).toMatchObject({ action: 'acknowledge', note: expect.stringContaining('letter acknowledgement to reporter Mila Visser (email') });

    const smtp = await startTestSmtpServer();
    try {
      const transport = createMailTransport({ host: '127.0.0.1', port: smtp.port, secure: false, from: 'Loket3 <klachten@loket3.nl>' });
      await deliverDueEmails({ db: t.db, transport, workerId: 'test', now: () => new Date('2026-05-04T08:01:00Z') });
      const mail = smtp.received.find((m) => m.envelope.rcptTo.includes('mila@example.nl') && m.parsed.attachments.length > 0);
      expect(mail).toBeDefined();
      expect(mail!.parsed.subject).toBe(letters[0].subject);
      expect(mail!.parsed.attachments).toHaveLength(1);
      expect(mail!.parsed.attachments[0]!.contentType).toBe('application/pdf');
      expect(mail!.parsed.attachments[0]!.filename).toBe('acknowledgement-2026-05-04.pdf');
      expect(sha256(mail!.parsed.attachments[0]!.content)).toBe(letters[0].sha256);
      transport.close();
    } finally {
      await smtp.close();
    }
  });

  it('a reporter with only a postal address gets a letter for the post, marked posted once', async () => {
    const { reference } = await assigned({ name: 'Henk de Boer', postalAddress: 'Dorpsstraat 1\n1234 AB Utrecht' });
    t.setNow('2026-05-04T10:00:00+02:00');
    await act(t, 'handler', reference, 'acknowledge');
    const [letter] = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}/letters`, { as: 'handler' })).json();
    expect(letter).toMatchObject({ delivery: 'post', recipientAddress: 'Dorpsstraat 1\n1234 AB Utrecht', postedAt: null });
    const outbox = await t.db.kysely.selectFrom('email_outbox').select('id').where('letter_id', '=', letter.id).execute();
    expect(outbox).toEqual([]);

    const future = await call(t, 'POST', `/api/v1/staff/complaints/${reference}/letters/${letter.id}/posted`, { as: 'handler', body: { postedAt: '2026-05-05T09:00:00+02:00' } });
    expect(future.statusCode).toBe(400);
    expect((await call(t, 'POST', `/api/v1/staff/complaints/${reference}/letters/${letter.id}/posted`, { as: 'handler2', body: {} })).statusCode).toBe(403);
    const posted = await call(t, 'POST', `/api/v1/staff/complaints/${reference}/letters/${letter.id}/posted`, { as: 'handler', body: { postedAt: '2026-05-04T09:30:00+02:00' } });
    expect(posted.statusCode).toBe(200);
    expect(posted.json().postedAt).toBe('2026-05-04T07:30:00.000Z');
    const again = await call(t, 'POST', `/api/v1/staff/complaints/${reference}/letters/${letter.id}/posted`, { as: 'handler', body: {} });
    expect(again.statusCode).toBe(409);
  });

  it('an anonymous reporter reads letters on the follow-up page only, never a letter to someone else', async () => {
    const { reference, token } = await assigned({}, ['Jeroen']);
    t.setNow('2026-05-04T10:00:00+02:00');
    await act(t, 'handler', reference, 'acknowledge');
    await act(t, 'handler', reference, 'start-investigation');
    const letters = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}/letters`, { as: 'qm' })).json();
    // Letters of one moment come in no particular order: compare them sorted.
    expect(letters.map((l: { kind: string; recipientRole: string; delivery: string }) => [l.kind, l.recipientRole, l.delivery]).sort()).toEqual([
      ['acknowledgement', 'reporter', 'follow_up_page'],
      ['complaint_copy', 'involved', 'email'],
    ]);
    const mine = letters.find((l: { kind: string }) => l.kind === 'acknowledgement');
    const theirs = letters.find((l: { kind: string }) => l.kind === 'complaint_copy');
    const view = (await call(t, 'GET', `/api/v1/follow-up/${token}`)).json();
    expect(view.letters.map((l: { kind: string }) => l.kind)).toEqual(['acknowledgement']);
    const own = await t.app.inject({ method: 'GET', url: `/api/v1/follow-up/${token}/letters/${mine.id}/pdf` });
    expect(own.statusCode).toBe(200);
    expect(sha256(own.rawPayload)).toBe(mine.sha256);
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/follow-up/${token}/letters/${theirs.id}/pdf` });
    expect(other.statusCode).toBe(404);
    // The involved person cannot read the case's letters either.
    expect((await call(t, 'GET', `/api/v1/staff/complaints/${reference}/letters`, { as: 'coach' })).statusCode).toBe(403);
  });

  it('an acknowledgement sent outside the system sends no letter; the final report goes to everyone involved', async () => {
    const { reference } = await assigned({ name: 'Mila Visser', email: 'mila2@example.nl' }, ['Jeroen']);
    t.setNow('2026-05-04T10:00:00+02:00');
    await act(t, 'handler', reference, 'acknowledge', { sentOutsideSystem: true, note: 'Per brief verstuurd, kopie als bijlage.' });
    expect((await call(t, 'GET', `/api/v1/staff/complaints/${reference}/letters`, { as: 'qm' })).json()).toEqual([]);
    await act(t, 'handler', reference, 'start-investigation');
    const involved = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json().involved;
    await act(t, 'handler', reference, 'decide', {
      judgement: 'unfounded', reasons: 'Geen afspraak gepland.', findings: 'De agenda toont geen afspraak.', severity: 'low', cause: 'Misverstand.', responsibleParty: 'Niemand',
      overrideReason: `Reactie van ${involved[0].name} telefonisch besproken.`,
    });
    await act(t, 'handler', reference, 'send-findings');
    t.setNow('2026-05-11T10:00:00+02:00');
    await act(t, 'handler', reference, 'send-final-report');
    const letters = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}/letters`, { as: 'qm' })).json();
    expect(letters.map((l: { kind: string; recipientRole: string }) => [l.kind, l.recipientRole]).sort()).toEqual([
      ['complaint_copy', 'involved'],
      ['final_report', 'involved'],
      ['final_report', 'reporter'],
      ['findings', 'reporter'],
    ]);
    const complaint = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();
    expect(complaint).toMatchObject({ findingsSentAt: '2026-05-04T08:00:00.000Z', finalReportSentAt: '2026-05-11T08:00:00.000Z' });
  });
});
