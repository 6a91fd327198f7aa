/** How the child scripts open the test database from their first two arguments (see processes.ts). */
import { type Db, openDatabase } from '../../src/db/database.ts';

export function openFromArgs(url: string | undefined, schema: string | undefined): Promise<Db> {
  if (!url) throw new Error('usage: <database url> <schema|-> …');
  return openDatabase(url, schema && schema !== '-' ? { schema, poolSize: 2 } : {});
}
