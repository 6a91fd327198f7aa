/**
 * A second process for concurrency tests: draws `count` reference numbers, each in its own transaction that
 * stays open across an await, and prints them as JSON. Usage: <url> <schema|-> <year> <count>
 */
import { openDatabase, transaction } from '../../src/db/database.ts';
import { nextReferenceNumber } from '../../src/db/repositories/reference-counters.ts';

const [url = '', schema = '-', year = '2026', count = '10'] = process.argv.slice(2);
const db = await openDatabase(url, schema === '-' ? {} : { schema });
const numbers: number[] = [];
for (let i = 0; i < Number(count); i++) {
  numbers.push(
    await transaction(db, async (trx) => {
      const n = await nextReferenceNumber(trx, Number(year));
      await new Promise((resolve) => setTimeout(resolve, 5));
      return n;
    }),
  );
}
await db.close();
process.stdout.write(JSON.stringify(numbers));
