/**
 * An outbox worker in its own process, for the crash tests. Usage:
 *   worker.ts <db url> <schema|-> <smtp port> <mode> <lease seconds> [expected]
 * Modes:
 * - once: one delivery run (deliverDueEmails), prints `done <counts>`;
 * - until: delivery runs every 100 ms until `expected` mails are sent (or 15 s), prints `done <counts>`;
 * - hang-after-smtp: the test-only hook: after the SMTP server has answered a mail, prints
 *   `accepted <Message-ID>` and never returns, so the row is not marked sent until the test kills it.
 */
import { deliverDueEmails } from '../../../src/jobs/outbox-worker.ts';
import { createMailTransport, type MailTransport } from '../../../src/mail/transport.ts';
import { openFromArgs } from '../open-db.ts';

const [url, schema, port, mode = 'once', lease = '1', expected = '1'] = process.argv.slice(2);
const db = await openFromArgs(url, schema);
const smtp = createMailTransport({
  host: '127.0.0.1',
  port: Number(port),
  secure: false,
  from: 'Loket3 klachten <klachten@loket3.nl>',
});
const transport: MailTransport =
  mode === 'hang-after-smtp'
    ? {
        ...smtp,
        async send(message) {
          const answer = await smtp.send(message);
          process.stdout.write(`accepted ${message.messageId} ${answer.response}\n`);
          return new Promise<never>(() => {});
        },
      }
    : smtp;
const options = { db, transport, workerId: `worker:${process.pid}`, leaseSeconds: Number(lease) };
process.stdout.write(`started ${process.pid}\n`);

const total = { sent: 0, failed: 0, local: 0 };
const deadline = Date.now() + 15_000;
do {
  const counts = await deliverDueEmails(options);
  total.sent += counts.sent;
  total.failed += counts.failed;
  total.local += counts.local;
  if (mode !== 'until' || total.sent >= Number(expected)) break;
  await new Promise((resolve) => setTimeout(resolve, 100));
} while (Date.now() < deadline);
process.stdout.write(`done ${JSON.stringify(total)}\n`);
smtp.close();
await db.close();
