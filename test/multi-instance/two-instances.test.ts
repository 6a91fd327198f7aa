/**
 * Two app instances on one PostgreSQL schema (issue 7, "Several app instances"): two apps built on separate
 * connection pools, both listening on a port, used over HTTP as a load balancer would spread the traffic.
 * - The public submission limit is shared: N in total per client, not N per instance.
 * - A complaint changed on one instance is seen on the other, and the version check holds across them.
 * - A staff session signed in on one instance works on the other (sessions are stored in the database).
 * - Two outbox workers deliver every mail once over real SMTP; two deadline watches send each reminder once.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { enqueueEmail } from '../../src/db/repositories/outbox.ts';
import { buildApp } from '../../src/http/app.ts';
import { startDeadlineWatch } from '../../src/jobs/deadline-watch.ts';
import { startOutboxWorker } from '../../src/jobs/outbox-worker.ts';
import { createMailTransport, type MailTransport } from '../../src/mail/transport.ts';
import { addStandardUsers, createTestApp, type TestApp } from '../helpers/app.ts';
import { consistencyProblems } from '../helpers/consistency.ts';
import { skipReason } from '../helpers/databases.ts';
import { startTestSmtpServer } from '../helpers/smtp-server.ts';
import { givePasswords, StaffBrowser } from '../staff/helpers.ts';

const LIMIT = 5;
const PUBLIC_URL = 'https://klachten.example.nl';

interface Instance {
  name: 'A' | 'B';
  app: FastifyInstance;
  db: Db;
  url: string;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

describe.skipIf(skipReason('postgres') !== null)('two app instances on one PostgreSQL', () => {
  let t: TestApp;
  let a: Instance;
  let b: Instance;
  const previousSecret = process.env.COOKIE_SECRET;

  beforeAll(async () => {
    // What a deployment of several instances sets: one cookie secret for all (the CSRF cookie of a form
    // opened on one instance is checked on another).
    process.env.COOKIE_SECRET = 'one-secret-for-every-instance-of-this-deployment';
    t = await createTestApp('postgres', {
      env: { PUBLIC_RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: 'true', PUBLIC_URL },
    });
    await addStandardUsers(t);
    await givePasswords(t, ['handler']);
    a = { name: 'A', app: t.app, db: t.db, url: await listen(t.app) };
    const dbB = await t.db.openAnother();
    const appB = await buildApp({ ...t.deps, db: dbB });
    b = { name: 'B', app: appB, db: dbB, url: await listen(appB) };
  });
  afterAll(async () => {
    await b?.app.close();
    await b?.db.close();
    await t?.close();
    if (previousSecret === undefined) delete process.env.COOKIE_SECRET;
    else process.env.COOKIE_SECRET = previousSecret;
  });

  const submit = (
    on: Instance,
    client: string,
    body: object = { description: 'Mijn afspraak ging niet door.' },
  ) =>
    fetch(`${on.url}/api/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body: JSON.stringify(body),
    });
  const staff = (
    on: Instance,
    as: string,
    path: string,
    init: { method?: string; body?: object; version?: number } = {},
  ) =>
    fetch(`${on.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${t.users[as]!.token}`,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.version !== undefined ? { 'if-match': `"${init.version}"` } : {}),
      },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });

  it(`shares the public submission limit: ${LIMIT} per client in total, not ${LIMIT} per instance`, async () => {
    const statuses: string[] = [];
    for (let i = 0; i < 8; i++) {
      const on = i % 2 === 0 ? a : b;
      const response = await submit(on, '203.0.113.7');
      statuses.push(`${on.name} ${response.status}`);
      if (response.status === 429) {
        expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual(['A 201', 'B 201', 'A 201', 'B 201', 'A 201', 'B 429', 'A 429', 'B 429']);
    // Another client has a limit of its own.
    expect((await submit(b, '203.0.113.8')).status).toBe(201);
    const counters = await sql<{
      key: string;
      count: number;
    }>`select key, count from rate_limits order by key`.execute(t.db.kysely);
    expect(counters.rows).toEqual([
      { key: 'POST/api/v1/complaints-203.0.113.7', count: 8 },
      { key: 'POST/api/v1/complaints-203.0.113.8', count: 1 },
    ]);
  });

  it('shows a change made on one instance on the other, and keeps the version check across them', async () => {
    const submitted = await submit(a, '198.51.100.1', {
      description: 'Geen terugbelverzoek ontvangen.',
      reporter: { name: 'Mila Visser', email: 'mila@example.nl' },
    });
    expect(submitted.status).toBe(201);
    const { reference } = await submitted.json();
    const onB = await (await staff(b, 'qm', `/api/v1/staff/complaints/${reference}`)).json();
    expect(onB).toMatchObject({ status: 'registered', version: 1 });

    const assigned = await staff(a, 'qm', `/api/v1/staff/complaints/${reference}/assign-handler`, {
      method: 'POST',
      version: 1,
      body: { handlerId: t.users.handler!.id },
    });
    expect(assigned.status).toBe(200);
    expect(await (await staff(b, 'handler', `/api/v1/staff/complaints/${reference}`)).json()).toMatchObject({
      status: 'handler_assigned',
      version: 2,
      handler: { userId: t.users.handler!.id },
    });

    // B acts on what it read before A's change: refused, nothing written.
    const stale = await staff(b, 'handler', `/api/v1/staff/complaints/${reference}/record-summary`, {
      method: 'POST',
      version: 1,
      body: { summary: 'Terugbelverzoek niet opgevolgd.' },
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).code).toBe('version_conflict');
    const fresh = await staff(b, 'handler', `/api/v1/staff/complaints/${reference}/record-summary`, {
      method: 'POST',
      version: 2,
      body: { summary: 'Terugbelverzoek niet opgevolgd.' },
    });
    expect(fresh.status).toBe(200);
    const onA = await (await staff(a, 'qm', `/api/v1/staff/complaints/${reference}`)).json();
    expect(onA).toMatchObject({ version: 3, summary: 'Terugbelverzoek niet opgevolgd.' });
    expect(onA.history.map((e: { action: string }) => e.action)).toEqual([
      'register',
      'assignHandler',
      'recordSummary',
    ]);
  });

  it('lets a staff member signed in on one instance go on on the other', async () => {
    const onA = new StaffBrowser({ ...t, app: a.app });
    const signedIn = await onA.signIn('handler@loket3.example', undefined, '/staff/account');
    expect(signedIn.headers.location).toBe('/staff/account');
    const onB = new StaffBrowser({ ...t, app: b.app });
    for (const [name, value] of onA.cookies) onB.cookies.set(name, value);
    const page = await onB.get('/staff/account');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ahmed El Amrani');
    // Signing out on B ends the session on A too.
    const out = await onB.post('/staff/sign-out');
    expect(out.statusCode).toBe(303);
    expect((await onA.get('/staff/account')).statusCode).toBe(303);
  });

  it('delivers every mail once over real SMTP with a worker on each instance, and sends each reminder once with a deadline watch on each', async () => {
    const smtp = await startTestSmtpServer();
    try {
      for (let i = 0; i < 30; i++) {
        await enqueueEmail(t.db.kysely, {
          to: `melder-${i}@example.nl`,
          subject: `Bericht ${i}`,
          text: 'Tekst.',
          kind: 'multi_instance_test',
          now: new Date(),
        });
      }
      // Monday 11 May 2026: every complaint above (received Thursday 30 April) is past its acknowledgement
      // term (Friday 8 May); the deadline watch of each instance runs every 50 ms.
      const watchNow = () => new Date('2026-05-11T09:00:00+02:00');
      const watches = [a, b].map((on) =>
        startDeadlineWatch({
          db: on.db,
          intervalMs: 50,
          firstRunAfterMs: 0,
          now: watchNow,
          config: { publicUrl: PUBLIC_URL },
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await Promise.all(watches.map((w) => w.stop()));

      const sentBy = { A: 0, B: 0 };
      const transport = (name: 'A' | 'B'): MailTransport => {
        const smtpTransport = createMailTransport({
          host: '127.0.0.1',
          port: smtp.port,
          secure: false,
          from: 'Loket3 <klachten@loket3.nl>',
        });
        return {
          ...smtpTransport,
          async send(message) {
            const answer = await smtpTransport.send(message);
            sentBy[name]++;
            return answer;
          },
        };
      };
      const workers = [a, b].map((on) =>
        startOutboxWorker({
          db: on.db,
          transport: transport(on.name),
          workerId: `instance-${on.name}`,
          intervalMs: 20,
          batchSize: 3,
        }),
      );
      const pending = async () =>
        Number(
          (
            await sql<{ n: number }>`select count(*) as n from email_outbox where status <> 'sent'`.execute(
              t.db.kysely,
            )
          ).rows[0]!.n,
        );
      for (let i = 0; i < 300 && (await pending()) > 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      await Promise.all(workers.map((w) => w.stop()));
      expect(await pending()).toBe(0);

      const rows = await t.db.kysely
        .selectFrom('email_outbox')
        .select(['message_id', 'kind', 'to_address', 'complaint_id'])
        .execute();
      const received = smtp.received.map((m) => m.parsed.messageId);
      // Every mail arrived exactly once.
      expect(received.toSorted()).toEqual(rows.map((r) => r.message_id).toSorted());
      expect(new Set(received).size).toBe(received.length);

      // Each reminder recorded once, and mailed once to each of its recipients.
      const reminders = await t.db.kysely
        .selectFrom('reminders')
        .select(['complaint_id', 'subject', 'stage'])
        .execute();
      const reminderMails = rows.filter((r) => /reminder|escalation/.test(r.kind));
      const perRecipient = new Map<string, number>();
      for (const r of reminderMails)
        perRecipient.set(
          `${r.complaint_id} ${r.kind} ${r.to_address}`,
          (perRecipient.get(`${r.complaint_id} ${r.kind} ${r.to_address}`) ?? 0) + 1,
        );
      expect([...perRecipient.values()].filter((n) => n > 1)).toEqual([]);
      // 7 complaints (6 from the limit test, 1 from the version test): the 6 without a handler remind the
      // quality manager once each; the assigned one is past its acknowledgement term: the handler, and the
      // quality manager as an escalation.
      expect(reminders.map((r) => `${r.subject} ${r.stage}`).toSorted()).toEqual([
        'acknowledge overdue',
        ...Array(6).fill('unassigned overdue'),
      ]);
      expect(reminderMails.map((r) => `${r.kind} ${r.to_address}`).toSorted()).toEqual([
        'deadline_escalation qm@loket3.example',
        'deadline_reminder handler@loket3.example',
        ...Array(6).fill('unassigned_reminder qm@loket3.example'),
      ]);
      console.log(
        `two instances: ${rows.length} mails delivered once each over SMTP (instance A sent ${sentBy.A}, B ${sentBy.B}); ` +
          `${reminders.length} reminders, ${reminderMails.length} reminder mails, none twice`,
      );
      expect(sentBy.A + sentBy.B).toBe(rows.length);
      expect(await consistencyProblems(t.db.kysely)).toEqual([]);
    } finally {
      await smtp.close();
    }
  }, 60_000);
});
