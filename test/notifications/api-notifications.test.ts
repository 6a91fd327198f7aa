/**
 * Staff notifications end to end: real actions through the API queue them in the action's transaction, the
 * outbox worker delivers them over real SMTP, and mailparser reads what arrived.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deliverDueEmails } from '../../src/jobs/outbox-worker.ts';
import { createMailTransport } from '../../src/mail/transport.ts';
import { act, addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.ts';

const PUBLIC_URL = 'https://klachten.example.nl';
const KINDS = ['new_complaint', 'handler_assigned', 'reaction_requested', 'reporter_action'];

describeEachDialect('staff notifications through the API', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { PUBLIC_URL } });
    await addStandardUsers(t);
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  /** Delivers the outbox over SMTP; returns the staff notifications that arrived, as [recipient, subject]. */
  async function deliver() {
    const transport = createMailTransport({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      from: 'klachten@loket3.nl',
    });
    try {
      await deliverDueEmails({ db: t.db, transport, workerId: 'test' });
    } finally {
      transport.close();
    }
    // Only the staff notifications: letters and the reporter's emails go through the same outbox.
    const ours = await t.db.kysely
      .selectFrom('email_outbox')
      .select('message_id')
      .where('kind', 'in', KINDS)
      .execute();
    const ids = new Set(ours.map((row) => row.message_id));
    const arrived = smtp.received.splice(0).filter((m) => ids.has(m.parsed.messageId ?? ''));
    return arrived.map((m) => ({
      to: m.envelope.rcptTo[0]!.split('@')[0],
      subject: m.parsed.subject,
      text: m.parsed.text ?? '',
    }));
  }
  const step = async (as: string, ref: string, action: string, body: unknown = {}) => {
    const response = await act(t, as, ref, action, body);
    expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
    return response.json();
  };

  it('new complaint → quality manager; assignment → handler; investigation → involved; the reporter adds information → handler', async () => {
    t.setNow('2026-04-30T09:00:00+02:00');
    const submitted = await call(t, 'POST', '/api/v1/complaints', {
      body: {
        reporter: { name: 'Mila Visser', email: 'mila.visser@example.nl' },
        description: 'Mijn jobcoach kwam twee keer niet op de afspraak.',
        involvedEmployees: ['Jeroen'],
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const { reference: ref, followUpUrl } = submitted.json();
    const token = String(followUpUrl).split('/').at(-1);

    const registered = await deliver();
    expect(registered.map(({ to, subject }) => ({ to, subject }))).toEqual([
      { to: 'qm', subject: `Nieuwe klacht ${ref}: wijs een behandelaar aan` },
    ]);
    expect(registered[0]!.text).toContain(`${PUBLIC_URL}/staff/complaints/${ref}`);
    expect(registered[0]!.text).not.toContain('jobcoach kwam');

    const form = (await call(t, 'GET', `/api/v1/staff/complaints/${ref}`, { as: 'qm' })).json();
    await step('qm', ref, 'link-mention', {
      mentionId: form.mentions[0].id,
      link: { kind: 'user', userId: t.users.coach!.id },
    });
    await step('qm', ref, 'assign-handler', { handlerId: t.users.handler!.id });
    expect((await deliver()).map(({ to, subject }) => ({ to, subject }))).toEqual([
      { to: 'handler', subject: `U bent behandelaar van klacht ${ref}` },
    ]);

    t.setNow('2026-05-04T10:00:00+02:00');
    await step('handler', ref, 'record-summary', { summary: 'Twee gemiste afspraken.' });
    await step('handler', ref, 'acknowledge');
    await step('handler', ref, 'start-investigation');
    const asked = await deliver();
    expect(asked.map(({ to, subject }) => ({ to, subject }))).toEqual([
      { to: 'coach', subject: `Uw reactie gevraagd op klacht ${ref}` },
    ]);
    expect(asked[0]!.text).toContain('De behandelaar, Ahmed El Amrani, neemt contact met u op');

    const added = await call(t, 'POST', `/api/v1/follow-up/${token}/add-information`, {
      body: { text: 'Het gebeurde ook op 28 april.' },
    });
    expect(added.statusCode, added.body).toBe(200);
    const informed = await deliver();
    expect(informed.map(({ to, subject }) => ({ to, subject }))).toEqual([
      { to: 'handler', subject: `De melder heeft informatie toegevoegd (klacht ${ref})` },
    ]);
    expect(informed[0]!.text).not.toContain('28 april');

    const kinds = await t.db.kysely
      .selectFrom('email_outbox')
      .select('kind')
      .where('kind', 'in', KINDS)
      .execute();
    // One of each, nothing else (the last two share a clock time, so compare as a set).
    expect(kinds.map((k) => k.kind).sort()).toEqual([
      'handler_assigned',
      'new_complaint',
      'reaction_requested',
      'reporter_action',
    ]);
  });
});
