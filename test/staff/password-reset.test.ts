/**
 * A forgotten password and an invitation, end to end on SQLite and PostgreSQL: the page answers alike for
 * any address, the email goes through the outbox over real SMTP and is read back with mailparser, the link
 * works once, for 60 minutes (an invitation 7 days), only while it is the newest; the new password must be
 * long enough, not the email address, not a common one, and typed twice; setting it ends every session,
 * lifts a lockout and is audited.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuePasswordLink } from '../../src/commands/password-reset.ts';
import { setSignInCounters } from '../../src/db/repositories/users.ts';
import { redactUrl } from '../../src/http/pages/log-redaction.ts';
import { deliverDueEmails } from '../../src/jobs/outbox-worker.ts';
import { createMailTransport } from '../../src/mail/transport.ts';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.ts';
import { textOf } from '../pages/helpers.ts';
import { auditTrail, clearAudit, countersOf, pageText, unordered } from './auth-helpers.ts';
import { emailOf, givePasswords, PASSWORD, StaffBrowser, signedInAs } from './helpers.ts';

const LINK = /https:\/\/klachten\.example\.nl(\/staff\/password-reset\/([A-Za-z0-9_-]{43}))/;
const NEW_PASSWORD = 'paarse olifanten dansen in de regen';

interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Delivers the outbox over real SMTP and returns what arrived. */
async function deliver(t: TestApp, smtp: TestSmtpServer): Promise<Mail[]> {
  const transport = createMailTransport({
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    from: 'noreply@loket3.nl',
  });
  try {
    await deliverDueEmails({ db: t.db, transport, workerId: 'test' });
  } finally {
    transport.close();
  }
  return smtp.received.splice(0).map((m) => ({
    to: m.envelope.rcptTo.join(','),
    subject: m.parsed.subject ?? '',
    text: m.parsed.text ?? '',
  }));
}

/** The path of the link in a mail. */
function linkIn(mail: Mail): string {
  const match = mail.text.match(LINK);
  if (!match) throw new Error(`No link in: ${mail.text}`);
  return match[1]!;
}

async function ask(t: TestApp, email: string, lang = 'nl') {
  const browser = new StaffBrowser(t);
  await browser.get(`/staff/password-reset?lang=${lang}`);
  return browser.post('/staff/password-reset', { email });
}

describe('the password link in the logs', () => {
  it('is redacted', () => {
    expect(redactUrl('/staff/password-reset/AbC_123-xyz?lang=en')).toBe(
      '/staff/password-reset/[redacted]?lang=en',
    );
    expect(redactUrl('/staff/password-reset')).toBe('/staff/password-reset');
  });
});

describeEachDialect('a forgotten password', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let link = '';
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    await givePasswords(t);
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  it('answers the same whether the address has an account or not, and mails only a real account', async () => {
    t.setNow('2026-04-30T09:00:00.000Z');
    await clearAudit(t);
    const page = await new StaffBrowser(t).get('/staff/password-reset');
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('Wachtwoord vergeten');

    const known = await ask(t, emailOf('handler'));
    const unknown = await ask(t, 'niemand@loket3.example');
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(pageText(unknown.body).replace('niemand@loket3.example', '<email>')).toBe(
      pageText(known.body).replace(emailOf('handler'), '<email>'),
    );
    expect(textOf(known.body)).toContain(
      'Hoort er een account bij handler@loket3.example, dan is er nu een e-mail met een link onderweg.',
    );

    const mails = await deliver(t, smtp);
    expect(mails.map(({ to, subject }) => ({ to, subject }))).toEqual([
      { to: 'handler@loket3.example', subject: 'Nieuw wachtwoord voor Verbeterpunt (Loket3)' },
    ]);
    const text = mails[0]!.text;
    expect(text).toContain('Beste Ahmed El Amrani,');
    expect(text).toContain('De link werkt 60 minuten en één keer.');
    link = linkIn(mails[0]!);

    // Only the token's SHA-256 is stored.
    const token = link.split('/').at(-1)!;
    const rows = await t.db.kysely.selectFrom('password_resets').selectAll().execute();
    expect(rows.map((r) => [r.id, r.purpose])).toEqual([
      [createHash('sha256').update(token).digest('hex'), 'reset'],
    ]);
    expect(JSON.stringify(rows)).not.toContain(token);

    expect(
      unordered((await auditTrail(t)).map(([action, label, details]) => [action, label, details])),
    ).toEqual(
      unordered([
        ['password_reset_sent', 'Ahmed El Amrani', { expiresAt: '2026-04-30T10:00:00.000Z' }],
        ['password_reset_refused', 'unknown', { account: 'unknown' }],
      ]),
    );
  });

  it('asks for a valid address, keeping what was typed', async () => {
    const empty = await ask(t, '');
    expect(empty.statusCode).toBe(400);
    expect(textOf(empty.body)).toContain('Vul uw e-mailadres in.');
    const invalid = await ask(t, 'handler at loket3');
    expect(invalid.statusCode).toBe(400);
    expect(textOf(invalid.body)).toContain('Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.');
    expect(invalid.body).toContain('value="handler at loket3"');
    expect(await deliver(t, smtp)).toEqual([]);
  });

  it('writes the email in the language of the page', async () => {
    await ask(t, emailOf('advisor'), 'en');
    const [mail] = await deliver(t, smtp);
    expect(mail?.subject).toBe('New password for Verbeterpunt (Loket3)');
    expect(mail?.text).toContain('Dear Fatima Yilmaz,');
    expect(mail?.text).toContain('The link works for 60 minutes, once.');
  });

  it('sets a new password through the link once: the rules, then every session ends and the lock lifts', async () => {
    t.setNow('2026-04-30T09:30:00.000Z');
    await clearAudit(t);
    const elsewhere = await signedInAs(t, 'handler');
    await setSignInCounters(t.db.kysely, t.users.handler!.id, {
      failedSignIns: 5,
      lastFailedAt: '2026-04-30T09:29:00.000Z',
      lockedUntil: '2026-04-30T09:44:00.000Z',
    });

    const browser = new StaffBrowser(t);
    const page = await browser.get(link);
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('Nieuw wachtwoord kiezen');
    expect(textOf(page.body)).toContain('Voor het account handler@loket3.example.');
    expect(page.body).toContain(`action="${link}"`);

    const tries: [Record<string, string>, string, string][] = [
      [{ newPassword: '', confirmPassword: '' }, 'newPassword', 'Vul een nieuw wachtwoord in.'],
      [
        { newPassword: 'kort maar', confirmPassword: 'kort maar' },
        'newPassword',
        'Kies een wachtwoord van minstens 12 tekens.',
      ],
      [
        { newPassword: 'Handler@Loket3.example', confirmPassword: 'Handler@Loket3.example' },
        'newPassword',
        'Kies een wachtwoord dat niet uw e-mailadres is.',
      ],
      [
        { newPassword: 'Wachtwoord1234', confirmPassword: 'Wachtwoord1234' },
        'newPassword',
        'Dit wachtwoord wordt veel gebruikt en is makkelijk te raden. Kies een ander.',
      ],
      [
        { newPassword: 'aaaaaaaaaaaaaaaa', confirmPassword: 'aaaaaaaaaaaaaaaa' },
        'newPassword',
        'Dit wachtwoord wordt veel gebruikt en is makkelijk te raden. Kies een ander.',
      ],
      [
        { newPassword: NEW_PASSWORD, confirmPassword: '' },
        'confirmPassword',
        'Herhaal het nieuwe wachtwoord.',
      ],
      [
        { newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` },
        'confirmPassword',
        'De twee wachtwoorden zijn niet gelijk.',
      ],
    ];
    for (const [fields, field, message] of tries) {
      const response = await browser.post(link, fields);
      expect([fields, response.statusCode]).toEqual([fields, 400]);
      expect(textOf(response.body)).toContain(message);
      expect(response.body).toContain(`href="#field-${field}"`);
    }

    const done = await browser.post(link, { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/staff/sign-in?passwordSet=1');
    expect(textOf((await browser.get('/staff/sign-in?passwordSet=1')).body)).toContain(
      'Uw wachtwoord is opgeslagen. Meld u aan met uw nieuwe wachtwoord.',
    );
    expect((await elsewhere.get('/staff/account')).statusCode).toBe(303);
    expect(await countersOf(t, t.users.handler!.id)).toEqual({
      failedSignIns: 0,
      lastFailedAt: null,
      lockedUntil: null,
    });
    const changedAt = await t.db.kysely
      .selectFrom('users')
      .select('password_changed_at')
      .where('id', '=', t.users.handler!.id)
      .executeTakeFirstOrThrow();
    expect(new Date(changedAt.password_changed_at!).toISOString()).toBe('2026-04-30T09:30:00.000Z');

    // Once only.
    expect((await browser.get(link)).statusCode).toBe(410);
    const again = await browser.post(link, {
      newPassword: 'nog een heel ander wachtwoord',
      confirmPassword: 'nog een heel ander wachtwoord',
    });
    expect(again.statusCode).toBe(410);
    expect(textOf(again.body)).toContain('Deze link werkt niet meer');

    // The old password no longer works, the new one does.
    expect((await new StaffBrowser(t).signIn(emailOf('handler'), PASSWORD)).statusCode).toBe(401);
    expect((await new StaffBrowser(t).signIn(emailOf('handler'), NEW_PASSWORD)).statusCode).toBe(303);
    expect(
      (await auditTrail(t, { action: 'password_reset' })).map(([, label, details]) => [label, details]),
    ).toEqual([['Ahmed El Amrani', { sessionsEnded: 1 }]]);
  });
});

describeEachDialect('password links: newest only, 60 minutes, 3 an hour, invitations', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  it('a newer link ends the older one', async () => {
    t.setNow('2026-04-30T09:00:00.000Z');
    await ask(t, emailOf('handler2'));
    // A second later, so that the outbox delivers them in this order.
    t.setNow('2026-04-30T09:00:01.000Z');
    await ask(t, emailOf('handler2'));
    const [first, second] = await deliver(t, smtp);
    const browser = new StaffBrowser(t);
    expect((await browser.get(linkIn(first!))).statusCode).toBe(410);
    expect((await browser.get(linkIn(second!))).statusCode).toBe(200);
  });

  it('works for 60 minutes', async () => {
    t.setNow('2026-04-30T10:00:00.000Z');
    await ask(t, emailOf('advisor'));
    const [mail] = await deliver(t, smtp);
    const browser = new StaffBrowser(t);
    t.setNow('2026-04-30T10:59:59.000Z');
    expect((await browser.get(linkIn(mail!))).statusCode).toBe(200);
    t.setNow('2026-04-30T11:00:00.000Z');
    const expired = await browser.get(linkIn(mail!));
    expect(expired.statusCode).toBe(410);
    expect(textOf(expired.body)).toContain(
      'De link is al gebruikt, verlopen, of vervangen door een nieuwere link.',
    );
    expect(expired.body).toContain('action="/staff/password-reset"');
  });

  it('sends one user at most 3 emails an hour; the page says the same', async () => {
    t.setNow('2026-04-30T12:00:00.000Z');
    await clearAudit(t);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await ask(t, emailOf('coach')));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => pageText(a.body))).size).toBe(1);
    expect((await deliver(t, smtp)).map((m) => m.to)).toEqual([
      'coach@loket3.example',
      'coach@loket3.example',
      'coach@loket3.example',
    ]);
    expect((await auditTrail(t, { action: 'password_reset_refused' })).map(([, , d]) => d)).toEqual([
      { reason: 'too_many', lastHour: 3 },
    ]);
    // An hour later, again.
    t.setNow('2026-04-30T13:00:01.000Z');
    await ask(t, emailOf('coach'));
    expect(await deliver(t, smtp)).toHaveLength(1);
  });

  it('invites a new user (issuePasswordLink): the link works 7 days, and then they can sign in', async () => {
    t.setNow('2026-04-30T09:00:00.000Z');
    await clearAudit(t);
    const newcomer = await t.addUser('newcomer', 'Noor de Boer', 'Klachtbehandelaar', ['handler']);
    const issued = await issuePasswordLink(
      t.deps,
      newcomer.id,
      'invite',
      { userId: t.users.admin!.id, name: 'Beheerder Loket3' },
      { locale: 'nl' },
    );
    expect(issued).toEqual({ expiresAt: '2026-05-07T09:00:00.000Z' });
    const [mail] = await deliver(t, smtp);
    expect(mail?.to).toBe('newcomer@loket3.example');
    expect(mail?.subject).toBe('Uw account voor Verbeterpunt (Loket3)');
    expect(mail?.text).toContain('Beste Noor de Boer,');
    expect(mail?.text).toContain(
      'De link werkt 7 dagen en één keer. Daarna meldt u zich aan op https://klachten.example.nl/staff/sign-in.',
    );

    t.setNow('2026-05-07T08:59:59.000Z');
    const browser = new StaffBrowser(t);
    const page = await browser.get(linkIn(mail!));
    expect(page.statusCode).toBe(200);
    expect(textOf(page.body)).toContain('Welkom: kies uw wachtwoord');
    const done = await browser.post(linkIn(mail!), {
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(done.statusCode).toBe(303);
    expect((await new StaffBrowser(t).signIn('newcomer@loket3.example', NEW_PASSWORD)).headers.location).toBe(
      '/staff',
    );
    expect(unordered((await auditTrail(t)).map(([action, label]) => [action, label]))).toEqual(
      unordered([
        ['password_invitation_sent', 'Beheerder Loket3'],
        ['password_set_by_invitation', 'Noor de Boer'],
        ['sign_in', 'Noor de Boer'],
      ]),
    );
  });

  it('refuses to invite an inactive or unknown user', async () => {
    await expect(issuePasswordLink(t.deps, 'no-such-user', 'invite', null)).rejects.toThrow(
      'There is no active user with this id.',
    );
  });
});
