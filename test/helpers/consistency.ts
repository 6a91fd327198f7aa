/**
 * Whether a database is whole: what the crash, fuzzing and multi-instance tests check after their abuse.
 * Each check is a query for rows that must not exist; the answer is the list of problems found (empty when
 * the database is consistent), worded so that a failing test says what is wrong.
 */
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/db/tables.ts';

export async function consistencyProblems(db: Kysely<Database>): Promise<string[]> {
  const problems: string[] = [];
  const count = async (what: string, query: ReturnType<typeof sql<{ n: number | string }>>) => {
    const n = Number((await query.execute(db)).rows[0]?.n ?? 0);
    if (n > 0) problems.push(`${n} ${what}`);
  };
  await count(
    'complaints without their first history event',
    sql`select count(*) as n from complaints c where not exists
      (select 1 from complaint_events e where e.complaint_id = c.id and e.seq = 1)`,
  );
  await count(
    'complaints whose history has gaps (seq not 1..n)',
    sql`select count(*) as n from (select complaint_id from complaint_events group by complaint_id
      having count(*) <> max(seq)) gaps`,
  );
  for (const table of ['complaint_events', 'attachments', 'letters', 'reminders', 'email_outbox'] as const) {
    await count(
      `${table} rows whose complaint does not exist`,
      sql`select count(*) as n from ${sql.table(table)} x where x.complaint_id is not null and not exists
        (select 1 from complaints c where c.id = x.complaint_id)`,
    );
  }
  await count(
    'outbox mails carrying a letter that does not exist',
    sql`select count(*) as n from email_outbox m where m.letter_id is not null and not exists
      (select 1 from letters l where l.id = m.letter_id)`,
  );
  // The reference counter of each year is the last number given out, and no number is skipped or doubled.
  const counters = await db.selectFrom('reference_counters').selectAll().execute();
  const references = await db.selectFrom('complaints').select('reference').execute();
  const byYear = new Map<number, number[]>();
  for (const { reference } of references) {
    const [, year, number] = reference.match(/^VP-(\d{4})-(\d+)$/) ?? [];
    if (!year) {
      problems.push(`malformed reference ${reference}`);
      continue;
    }
    byYear.set(Number(year), [...(byYear.get(Number(year)) ?? []), Number(number)]);
  }
  for (const [year, numbers] of byYear) {
    const last = Number(counters.find((c) => Number(c.year) === year)?.last_number ?? 0);
    const max = Math.max(...numbers);
    if (last !== max || numbers.length !== last) {
      problems.push(
        `reference counter ${year} is ${last}, but ${numbers.length} complaints up to number ${max}`,
      );
    }
  }

  // Attachments: the stored hash and size are those of the stored bytes.
  const attachments = await db
    .selectFrom('attachments')
    .select(['id', 'size', 'sha256', 'content'])
    .execute();
  for (const a of attachments) {
    const content = Buffer.from(a.content);
    if (
      createHash('sha256').update(content).digest('hex') !== a.sha256 ||
      content.length !== Number(a.size)
    ) {
      problems.push(`attachment ${a.id}: stored hash or size does not match its bytes`);
    }
  }
  return problems;
}
