/**
 * Output escaping (issue 7): a complaint whose text, name and summary hold HTML and JavaScript shows them as
 * text everywhere: on the confirmation page, the reporter's follow-up page and the staff case page (escaped,
 * never markup), in the JSON API (exactly as typed), in the letter's PDF (the characters as typed) and in the
 * emails (plain text only, no HTML part that could run anything).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashFollowUpToken } from '../../src/commands/follow-up-token.ts';
import { deliverDueEmails } from '../../src/jobs/outbox-worker.ts';
import { createMailTransport } from '../../src/mail/transport.ts';
import { act, addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { startTestSmtpServer } from '../helpers/smtp-server.ts';
import { readPdf } from '../letters/pdf-text.ts';
import { Session } from '../pages/helpers.ts';
import { signedInAs } from '../staff/helpers.ts';

const SCRIPT = '<script>alert("xss")</script><img src=x onerror=alert(1)>';
const NAME = '<b onmouseover=alert(1)>Anouk</b> Verbeek';
// Short words: a word longer than a line is hyphenated in the letter (see src/letters/pdf.tsx).
const SUMMARY = 'Samenvatting <b>vet</b> <script> alert(1) </script> & "meer" <img src=x onerror=alert(2)>';
/** What React makes of SCRIPT in text: every <, >, " escaped. */
const SCRIPT_ESCAPED =
  '&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;';

/** No tag of ours survived as markup. */
function expectNoMarkup(html: string, where: string) {
  expect(html, where).not.toContain('<script>alert');
  expect(html, where).not.toContain('<script> alert');
  expect(html, where).not.toContain('<img src=x');
  expect(html, where).not.toContain('<b onmouseover');
}

describeEachDialect('output escaping', (dialect) => {
  let t: TestApp;
  let reference: string;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    const session = new Session(t);
    const csrf = await session.tokenFrom('/');
    const posted = await session.postMultipart('/', {
      _csrf: csrf,
      lang: 'nl',
      description: `Wat er gebeurde: ${SCRIPT}`,
      desiredOutcome: SCRIPT,
      eventPlace: SCRIPT,
      contactChoice: 'contact',
      name: NAME,
      email: 'anouk@example.org',
    });
    expect(posted.statusCode).toBe(303);
    token = posted.headers.location!.split('/').at(-1)!;
    const row = await t.db.kysely
      .selectFrom('complaints')
      .select('reference')
      .where('follow_up_token_hash', '=', hashFollowUpToken(token))
      .executeTakeFirstOrThrow();
    reference = row.reference;
  });
  afterAll(() => t.close());

  it('shows the text as text on the confirmation, follow-up and staff case pages', async () => {
    const pages = {
      confirmation: await t.app.inject({ method: 'GET', url: `/confirmation/${token}` }),
      followUp: await t.app.inject({ method: 'GET', url: `/follow-up/${token}` }),
      case: await (await signedInAs(t, 'qm')).get(`/staff/complaints/${reference}`),
    };
    for (const [where, page] of Object.entries(pages)) {
      expect(page.statusCode, where).toBe(200);
      expectNoMarkup(page.body, where);
    }
    expect(pages.case.body).toContain(SCRIPT_ESCAPED);
    expect(pages.case.body).toContain('&lt;b onmouseover=alert(1)&gt;Anouk&lt;/b&gt; Verbeek');
  });

  it('gives the text back exactly as typed in the JSON API', async () => {
    const staff = await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' });
    expect(staff.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(staff.json()).toMatchObject({
      description: `Wat er gebeurde: ${SCRIPT}`,
      reporter: { name: NAME },
    });
  });

  it('puts the characters as typed in the letter and in plain-text emails without an HTML part', async () => {
    const form = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();
    expect(form.mentions).toEqual([]);
    expect(
      (await act(t, 'qm', reference, 'assign-handler', { handlerId: t.users.handler!.id })).statusCode,
    ).toBe(200);
    expect((await act(t, 'handler', reference, 'record-summary', { summary: SUMMARY })).statusCode).toBe(200);
    t.setNow('2026-05-04T10:00:00+02:00');
    expect((await act(t, 'handler', reference, 'acknowledge')).statusCode).toBe(200);

    const letters = (
      await call(t, 'GET', `/api/v1/staff/complaints/${reference}/letters`, { as: 'handler' })
    ).json();
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/staff/complaints/${reference}/letters/${letters[0].id}/pdf`,
      headers: { authorization: `Bearer ${t.users.handler!.token}` },
    });
    const text = readPdf(pdf.rawPayload).flat;
    expect(text).toContain(SUMMARY);
    expect(text).toContain('<b onmouseover=alert(1)>Anouk</b> Verbeek');
    expect(text).not.toContain('&lt;');

    const smtp = await startTestSmtpServer();
    try {
      const transport = createMailTransport({
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        from: 'Loket3 <klachten@loket3.nl>',
      });
      await deliverDueEmails({
        db: t.db,
        transport,
        workerId: 'escaping',
        now: () => new Date('2026-05-04T08:01:00Z'),
      });
      transport.close();
      const toReporter = smtp.received.filter((m) => m.envelope.rcptTo.includes('anouk@example.org'));
      expect(toReporter.map((m) => m.parsed.subject).length).toBeGreaterThanOrEqual(2); // the link, the acknowledgement
      for (const mail of smtp.received) {
        expect(mail.parsed.html, mail.parsed.subject).toBe(false);
        expect(mail.parsed.text ?? '').not.toContain('&lt;');
      }
      const acknowledgement = toReporter.find((m) => m.parsed.attachments.length === 1)!;
      expect(acknowledgement.parsed.text).toContain(SUMMARY);
    } finally {
      await smtp.close();
    }
  });
});
