import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { transaction } from '../../src/db/database.ts';
import { enqueueEmail, findOutboxEmail } from '../../src/db/repositories/outbox.ts';
import {
  deliverDueEmails,
  nextAttemptAt,
  RETRY_DELAYS_MS,
  startOutboxWorker,
} from '../../src/jobs/outbox-worker.ts';
import { createMailTransport, type MailTransport } from '../../src/mail/transport.ts';
import { describeEachDialect, type TestDb, withTestDatabase } from '../helpers/databases.ts';
import { smtpError, startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.ts';

const T0 = new Date('2026-11-25T09:00:00.000Z');
const MINUTE = 60_000;

describeEachDialect('outbox worker', (dialect) => {
  let db: TestDb;
  let server: TestSmtpServer;
  let transport: MailTransport;
  let clock: Date;
  const now = () => clock;
  const at = (ms: number) => new Date(T0.getTime() + ms);
  // The first recipient named "flaky@" is refused once; everyone else is accepted.
  let refusedFlaky = false;

  beforeAll(async () => {
    db = await withTestDatabase(dialect);
    server = await startTestSmtpServer({
      rejectRecipient: (address) => {
        if (address.startsWith('flaky@') && !refusedFlaky) {
          refusedFlaky = true;
          return smtpError(550, 'Mailbox unavailable');
        }
        return null;
      },
    });
    transport = createMailTransport({
      host: '127.0.0.1',
      port: server.port,
      secure: false,
      from: 'klachten@loket3.nl',
    });
  });
  beforeEach(async () => {
    clock = T0;
    await db.kysely.deleteFrom('email_outbox').execute();
  });
  afterAll(async () => {
    transport.close();
    await server.close();
    await db.close();
  });

  it('delivers a mail enqueued in a transaction over real SMTP', async () => {
    const { id, messageId } = await transaction(db, (trx) =>
      enqueueEmail(trx, {
        to: 'jan@example.nl',
        subject: 'Uw klacht 2026-0001',
        text: 'Ontvangen.',
        kind: 'acknowledgement',
        now: T0,
      }),
    );
    const worker = startOutboxWorker({ db, transport, workerId: 'w1', intervalMs: 60_000, now });
    try {
      clock = at(1000);
      expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0, local: 0 });
    } finally {
      await worker.stop();
    }
    const mail = server.received.find((m) => m.parsed.messageId === messageId);
    expect(mail?.parsed.subject).toBe('Uw klacht 2026-0001');
    expect(mail?.envelope.rcptTo).toEqual(['jan@example.nl']);
    expect(mail?.parsed.to).toMatchObject({ value: [{ address: 'jan@example.nl' }] });
    expect(await findOutboxEmail(db.kysely, id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      sentAt: at(1000).toISOString(),
      smtpResponse: expect.stringMatching(/^250/),
    });
  });

  it('records a refusal, retries after the backoff with the same Message-ID, then delivers', async () => {
    const { id, messageId } = await enqueueEmail(db.kysely, {
      to: 'flaky@example.nl',
      subject: 'Bevindingen',
      text: 'Zie bijlage.',
      kind: 'findings',
      now: T0,
    });
    const run = () => deliverDueEmails({ db, transport, workerId: 'w1', now });

    expect(await run()).toEqual({ sent: 0, failed: 1, local: 0 });
    expect(await findOutboxEmail(db.kysely, id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: at(MINUTE).toISOString(),
      lastError: expect.stringMatching(/550 Mailbox unavailable/),
      sentAt: null,
    });

    clock = at(MINUTE - 1);
    expect(await run()).toEqual({ sent: 0, failed: 0, local: 0 });

    clock = at(MINUTE);
    expect(await run()).toEqual({ sent: 1, failed: 0, local: 0 });
    expect(await findOutboxEmail(db.kysely, id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(server.received.filter((m) => m.parsed.messageId === messageId)).toHaveLength(1);
  });

  it('gives up after the last backoff step', async () => {
    const failing: MailTransport = {
      kind: 'smtp',
      send: async () => {
        throw new Error('421 Service not available');
      },
      close: () => {},
    };
    const { id } = await enqueueEmail(db.kysely, {
      to: 'a@example.nl',
      subject: 's',
      text: 't',
      kind: 'test',
      now: T0,
    });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= RETRY_DELAYS_MS.length + 1; attempt++) {
      expect(await deliverDueEmails({ db, transport: failing, workerId: 'w1', now })).toEqual({
        sent: 0,
        failed: 1,
        local: 0,
      });
      const row = (await findOutboxEmail(db.kysely, id))!;
      if (row.status === 'failed') break;
      delays.push(Date.parse(row.nextAttemptAt) - clock.getTime());
      clock = new Date(row.nextAttemptAt);
    }
    expect(delays).toEqual([MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 720 * MINUTE]);
    expect(await findOutboxEmail(db.kysely, id)).toMatchObject({
      status: 'failed',
      attempts: 6,
      lastError: expect.stringContaining('421'),
    });
    expect(nextAttemptAt(6, T0)).toBeNull();
  });

  it('files mail locally when no SMTP server is configured', async () => {
    const { id } = await enqueueEmail(db.kysely, {
      to: 'a@example.nl',
      subject: 's',
      text: 't',
      kind: 'test',
      now: T0,
    });
    const before = server.received.length;
    const counts = await deliverDueEmails({ db, transport: createMailTransport(null), workerId: 'w1', now });
    expect(counts).toEqual({ sent: 0, failed: 0, local: 1 });
    expect(await findOutboxEmail(db.kysely, id)).toMatchObject({ status: 'local', attempts: 1 });
    expect(server.received.length).toBe(before);
  });

  it('delivers by itself on its interval and stops cleanly', async () => {
    await enqueueEmail(db.kysely, {
      to: 'b@example.nl',
      subject: 'Vanzelf',
      text: 't',
      kind: 'test',
      now: T0,
    });
    const logged: string[] = [];
    const log = (_: object, message: string) => logged.push(message);
    const worker = startOutboxWorker({
      db,
      transport,
      workerId: 'w2',
      intervalMs: 20,
      now,
      logger: { info: log, warn: log, error: log },
    });
    const deadline = Date.now() + 5000;
    while (!logged.includes('E-mail delivered') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    expect(logged).toContain('E-mail delivered');
    expect(server.received.some((m) => m.parsed.subject === 'Vanzelf')).toBe(true);
  });
});
