/**
 * One deadline-watch instance in its own process: opens the database, prints `ready`, waits for `go` on
 * stdin (so several instances start their run together), runs once and prints `counts <json>`.
 * Usage: watch.ts <db url> <schema|-> <now ISO> <public url>
 */
import { createInterface } from 'node:readline';
import { runDeadlineWatch } from '../../../src/jobs/deadline-watch.ts';
import { openFromArgs } from '../../crash/open-db.ts';

const [url, schema, now = '', publicUrl = 'https://klachten.example.nl'] = process.argv.slice(2);
const db = await openFromArgs(url, schema);
// Warm up (settings, calendar, connection) before the signal, so the runs really overlap.
await db.kysely.selectFrom('complaints').select('id').limit(1).execute();
process.stdout.write('ready\n');
const input = createInterface({ input: process.stdin });
for await (const line of input) if (line.trim() === 'go') break;
input.close();
const counts = await runDeadlineWatch({ db, now: new Date(now), config: { publicUrl, pageSize: 2 } });
process.stdout.write(`counts ${JSON.stringify(counts)}\n`);
await db.close();
