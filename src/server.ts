/**
 * Wiring only: configuration → database (migrated, settings seeded) → app → listen, and the outbox worker.
 * Returns a handle that stops everything in order, for SIGTERM and for tests.
 */
import { hostname } from 'node:os';
import { bootstrap } from './commands/bootstrap.ts';
import { randomId, systemClock } from './commands/context.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { buildApp } from './http/app.ts';
import { startDeadlineWatch } from './jobs/deadline-watch.ts';
import { startOutboxWorker } from './jobs/outbox-worker.ts';
import { startRetentionJob } from './jobs/retention.ts';
import { createMailTransport } from './mail/transport.ts';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export async function startServer(config: Readonly<Config>, log: (line: string) => void = console.log): Promise<RunningServer> {
  const db = await openDatabase(config.databaseUrl, {
    sqliteSynchronous: config.sqliteSynchronous,
    sqliteCheckpoints: 'background',
    poolSize: config.databasePoolSize,
  });
  const report = await bootstrap(db, config.organisationSettingsPath, systemClock());
  if (report.migrations.length > 0) log(`Database migrated: ${report.migrations.join(', ')}`);
  if (report.settingsSeeded) log('Organisation settings seeded (they are kept, versioned, in the database from now on).');
  const deps = { db, config, now: systemClock, newId: randomId };
  const app = await buildApp(deps, { logger: config.logLevel === 'silent' ? false : { level: config.logLevel } });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // E.g. the port is taken: release the database so the process can end.
    await app.close();
    await db.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;

  const worker = config.outboxWorker
    ? startOutboxWorker({
        db,
        transport: createMailTransport(config.smtp ? { ...config.smtp, from: config.mailFrom } : null),
        workerId: `${hostname()}:${process.pid}`,
        intervalMs: 5_000,
      })
    : null;
  // Every 5 minutes, the first run 10 s after the start; reminders are rows with a unique key, so several
  // instances may all run it.
  const deadlineWatch = config.deadlineWatch
    ? startDeadlineWatch({
        db,
        intervalMs: 300_000,
        firstRunAfterMs: 10_000,
        config: { publicUrl: config.publicUrl, reminderWorkingDays: config.reminderWorkingDays },
        logger: app.log,
      })
    : null;

  // Every 6 hours, the first run a minute after the start; each case is one transaction with a version check,
  // so several instances may all run it.
  const retention = config.retentionJob
    ? startRetentionJob({ db, intervalMs: 6 * 3_600_000, firstRunAfterMs: 60_000, logger: app.log })
    : null;

  log(`Verbeterpunt is running at ${url} (database: ${config.databaseUrl.startsWith('sqlite:') ? config.databaseUrl : 'PostgreSQL'})`);
  log(`  Staff workspace: ${url}/staff`);
  log(`  API documentation: ${url}/api/docs`);
  if (!config.smtp) log('  No SMTP server configured: email is kept in the local outbox (`verbeterpunt outbox list`).');
  if (!report.hasUsers) {
    log('');
    log('  There is no user yet. Create the first administrator (the password is read from stdin) with:');
    log('    npx verbeterpunt user create --email you@example.org --name "Your Name" --job-title "Beheerder" --role administrator --password -');
    log('  and a personal access token for the API with:');
    log('    npx verbeterpunt token create --email you@example.org');
  }
  return {
    url,
    async stop() {
      await app.close();
      await deadlineWatch?.stop();
      await retention?.stop();
      await worker?.stop();
      await db.close();
    },
  };
}
