/**
 * A separate process that migrates a database and prints the names it applied as JSON, for the test that two
 * processes starting at once apply each migration exactly once. Usage: <url> <schema|->
 */
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

const [url = '', schema = '-'] = process.argv.slice(2);
const db = await openDatabase(url, schema === '-' ? {} : { schema });
try {
  const { applied } = await migrateToLatest(db);
  process.stdout.write(JSON.stringify(applied));
} finally {
  await db.close();
}
