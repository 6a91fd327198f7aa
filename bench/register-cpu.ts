/**
 * CPU time of one registration without HTTP: `registerComplaint` (the command the public API calls) in a
 * loop, one at a time, in this process. A busy machine stretches wall time but hardly CPU time, which makes this
 * the steadiest figure for before/after comparisons of the intake path.
 *
 *   [SQLITE_SYNCHRONOUS=full] node --import tsx bench/register-cpu.ts <DATABASE_URL> <count>   → one JSON line
 */
import { randomUUID } from 'node:crypto';
import { REPORTER } from '../src/commands/context.ts';
import { registerComplaint } from '../src/commands/register-complaint.ts';
import { parseConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { INTAKE_BODY } from './intake-body.ts';

const [url, countArg] = process.argv.slice(2);
if (!url) throw new Error('usage: register-cpu.ts <DATABASE_URL> <count>');
const count = Number(countArg ?? 1000);
const config = parseConfig({
  DATABASE_URL: url,
  PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
  SQLITE_SYNCHRONOUS: process.env.SQLITE_SYNCHRONOUS ?? 'normal',
});
const db = await openDatabase(url, {
  sqliteSynchronous: config.sqliteSynchronous,
  sqliteCheckpoints: process.env.CHECKPOINTS === 'automatic' ? 'automatic' : 'background',
});
const deps = { db, config, now: () => new Date(), newId: () => randomUUID() };
const body = JSON.parse(INTAKE_BODY);
for (let i = 0; i < Math.min(200, count); i++) await registerComplaint(deps, body, REPORTER);
const cpu = process.cpuUsage();
const started = performance.now();
for (let i = 0; i < count; i++) await registerComplaint(deps, body, REPORTER);
const wallMs = performance.now() - started;
const used = process.cpuUsage(cpu);
await db.close();
process.stdout.write(
  `${JSON.stringify({ count, cpuUsPerRegistration: Math.round((used.user + used.system) / count), wallUsPerRegistration: Math.round((wallMs * 1000) / count) })}\n`,
);
