/**
 * What the list benchmark needs to know about a dataset, read through the app's own code: a handler's id, a
 * cursor in the middle of the table, a reference, a year with complaints, and a signed-in staff session for the
 * quality manager (created as the sign-in would, without its password step).
 *
 *   node --import tsx bench/list-facts.ts <DATABASE_URL>   → one JSON line
 */
import { openDatabase } from '../src/db/database.ts';
import { createStaffSession } from '../src/db/repositories/staff-sessions.ts';
import { findUserByEmail } from '../src/db/repositories/users.ts';

const url = process.argv[2];
if (!url) throw new Error('usage: list-facts.ts <DATABASE_URL>');
const db = await openDatabase(url);
try {
  const k = db.kysely;
  const count = Number(
    (
      await k
        .selectFrom('complaints')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const middle = await k
    .selectFrom('complaints')
    .select(['received_at', 'id', 'reference'])
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .offset(Math.floor(count / 2))
    .executeTakeFirstOrThrow();
  const handler = await findUserByEmail(k, 'pieter.vandenberg@loket3.example');
  const qm = await findUserByEmail(k, 'marieke.dejong@loket3.example');
  if (!handler || !qm)
    throw new Error('the demo users are missing: fill the dataset with `verbeterpunt demo --complaints`');
  const now = new Date();
  const { token } = await createStaffSession(k, {
    userId: qm.id,
    stage: 'complete',
    method: 'password',
    now,
    expiresAt: new Date(now.getTime() + 8 * 3_600_000),
    ip: null,
    userAgent: 'benchmark',
  });
  const receivedAt = new Date(middle.received_at).toISOString();
  process.stdout.write(
    `${JSON.stringify({
      count,
      handlerId: handler.id,
      middleReference: middle.reference,
      middleYear: Number(receivedAt.slice(0, 4)),
      cursor: Buffer.from(`${receivedAt}|${middle.id}`).toString('base64url'),
      sessionToken: token,
    })}\n`,
  );
} finally {
  await db.close();
}
