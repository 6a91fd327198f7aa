/**
 * Enqueues one mail in a committed transaction, prints `committed <id> <Message-ID>` and then waits to be
 * killed: the state of an app that died between the commit and the SMTP hand-off.
 * Usage: enqueue.ts <db url> <schema|-> <to>
 */
import { transaction } from '../../../src/db/database.ts';
import { enqueueEmail } from '../../../src/db/repositories/outbox.ts';
import { openFromArgs } from '../open-db.ts';

const [url, schema, to = 'melder@example.nl'] = process.argv.slice(2);
const db = await openFromArgs(url, schema);
const { id, messageId } = await transaction(db, (trx) =>
  enqueueEmail(trx, {
    to,
    subject: 'Uw klacht is ontvangen',
    text: 'Wij hebben uw klacht ontvangen. Met vriendelijke groet, Loket3',
    kind: 'crash_test',
    now: new Date(),
  }),
);
process.stdout.write(`committed ${id} ${messageId}\n`);
setInterval(() => {}, 60_000);
