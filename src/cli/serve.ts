/**
 * `verbeterpunt serve` (what `npm start` runs): the HTTP server and the outbox worker, until SIGINT or SIGTERM;
 * then requests in flight finish, the worker stops and the database closes.
 */
import type { Command } from 'commander';
import { loadConfig, note } from './runtime.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the web server, the outbox worker and the deadline watch (see OUTBOX_WORKER, DEADLINE_WATCH) until stopped',
    )
    .addHelpText(
      'after',
      '\nConfiguration comes from the environment and .env (see README.md: Configuration).',
    )
    .action(async () => {
      const config = loadConfig();
      const { startServer } = await import('../server.ts');
      const server = await startServer(config);
      await new Promise<void>((resolve) => {
        let stopping = false;
        const onSignal = (signal: NodeJS.Signals) => {
          if (stopping) {
            note(`${signal} again: exiting at once.`);
            process.exit(1);
          }
          stopping = true;
          note(`${signal} received: stopping…`);
          server.stop().then(
            () => resolve(),
            (error: unknown) => {
              note(`error while stopping: ${(error as Error).message}`);
              process.exitCode = 1;
              resolve();
            },
          );
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      });
      note('Stopped.');
    });
}
