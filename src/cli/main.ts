/**
 * The command-line entry (bin/verbeterpunt.js runs it through tsx). Each command lives in its own file; this
 * one wires them into commander and turns outcomes into exit codes: 0 success, 1 failure, 2 bad input.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { registerBackupCommands } from './backup.ts';
import { registerDeadlineCommand } from './deadline.ts';
import { registerDemoCommand } from './demo.ts';
import { registerMigrateCommand } from './migrate.ts';
import { registerOutboxCommands } from './outbox.ts';
import { registerPrivacyCommands } from './privacy.ts';
import { registerReportCommand } from './report.ts';
import { registerRetentionCommands } from './retention.ts';
import { CliFailure, oneLine, UsageError } from './runtime.ts';
import { registerServeCommand } from './serve.ts';
import { registerTokenCommands } from './token.ts';
import { registerUserCommands } from './user.ts';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export function buildProgram(): Command {
  const program = new Command('verbeterpunt')
    .description(
      'Verbeterpunt: complaint handling after the klachtenreglement (server, users, tokens, deadlines, demo data)',
    )
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpCommand(true)
    // Throw instead of exiting, so that main decides the exit code (2 for usage errors) and closes what is open.
    // Set before adding commands: subcommands copy these settings when created.
    .exitOverride()
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      '\nConfiguration comes from environment variables and a .env file (DATABASE_URL, PORT, …; see README.md).\n' +
        'Exit codes: 0 success, 1 failure, 2 bad input.',
    );
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerUserCommands(program);
  registerTokenCommands(program);
  registerDeadlineCommand(program);
  registerOutboxCommands(program);
  registerDemoCommand(program);
  registerReportCommand(program);
  registerBackupCommands(program);
  registerRetentionCommands(program);
  registerPrivacyCommands(program);
  return program;
}

/** Runs the CLI and returns the exit code; messages are printed, nothing is thrown. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander printed its message already (help, version, or "error: …"); 0 for help and version.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    const usage =
      error instanceof UsageError ||
      error instanceof ConfigError ||
      (error instanceof DomainError && error.code === 'invalid_input');
    process.stderr.write(`error: ${oneLine(error)}\n`);
    // An unexpected error (not ours, not the domain's) keeps its stack for whoever reports it.
    const expected = usage || error instanceof CliFailure || error instanceof DomainError;
    if (!expected && process.env.VERBETERPUNT_DEBUG)
      process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return usage ? EXIT_USAGE : EXIT_FAILURE;
  }
}

// `verbeterpunt outbox list | head`: a reader that stops early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const code = await runCli(process.argv.slice(2));
// After a failure something may still hold the event loop (e.g. a PostgreSQL pool that startServer opened
// before listen failed, which would keep the process alive for its idle timeout): exit now. On success the
// process ends by itself once everything is closed.
if (code === 0) process.exitCode = 0;
else process.exit(code);
