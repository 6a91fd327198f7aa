/**
 * Delivers the e-mail outbox: claims due mails, hands them to the transport, records the outcome, and retries
 * failures with growing pauses. Several workers (processes) may run at once; claims keep them apart.
 */
import type { Db } from '../db/database.ts';
import {
  claimDueEmails,
  markFailedAttempt,
  markLocal,
  markSent,
  type OutboxEmail,
} from '../db/repositories/outbox.ts';
import type { MailTransport, OutgoingMail } from '../mail/transport.ts';
import { toTimestamp } from '../db/normalise.ts';

/**
 * Pauses after the 1st, 2nd, … failed attempt; after the last one the mail is given up ('failed'). Every
 * failure is retried, permanent-looking 5xx answers too: a misconfigured server or a full mailbox often heals,
 * and an administrator sees the recorded error meanwhile.
 */
export const RETRY_DELAYS_MS: readonly number[] = [60_000, 300_000, 1_800_000, 7_200_000, 43_200_000];

type LogFn = (details: Record<string, unknown>, message: string) => void;
/** The part of a pino/Fastify logger the worker uses. */
export interface WorkerLogger {
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

export interface OutboxDeliveryOptions {
  db: Db;
  transport: MailTransport;
  /** Identifies this worker in claims (e.g. hostname + pid). */
  workerId: string;
  now?: () => Date;
  logger?: WorkerLogger;
  /** Mails claimed at a time (default 10). */
  batchSize?: number;
  /** How long a claim holds (default 10 min); longer than a batch can take to send, else mails go out twice. */
  leaseSeconds?: number;
}

export interface OutboxWorkerOptions extends OutboxDeliveryOptions {
  /** Pause between runs. */
  intervalMs: number;
}

export interface DeliveryCounts {
  sent: number;
  /** Failed attempts in this run, whether retried later or given up. */
  failed: number;
  /** Filed in the local outbox (no SMTP configured). */
  local: number;
}

export interface OutboxWorker {
  /** One delivery run now (runs never overlap within a worker). */
  runOnce(): Promise<DeliveryCounts>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

const silentLogger: WorkerLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** When to try again after `attempts` attempts failed, or null to give up. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

/**
 * One delivery run: claims and delivers due mails batch by batch until none are due (at most 20 batches, so a
 * run ends even when mail keeps arriving). For the worker loop, tests and the CLI.
 */
export async function deliverDueEmails(options: OutboxDeliveryOptions): Promise<DeliveryCounts> {
  const { db, transport, workerId } = options;
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? silentLogger;
  const batchSize = options.batchSize ?? 10;
  const counts: DeliveryCounts = { sent: 0, failed: 0, local: 0 };
  for (let batch = 0; batch < 20; batch++) {
    const claimed = await claimDueEmails(db.kysely, workerId, now(), batchSize, options.leaseSeconds ?? 600);
    for (const mail of claimed) {
      const outcome = await deliver(db, transport, mail, now, logger);
      counts[outcome]++;
    }
    if (claimed.length < batchSize) break;
  }
  return counts;
}

async function deliver(
  db: Db,
  transport: MailTransport,
  mail: OutboxEmail,
  now: () => Date,
  logger: WorkerLogger,
): Promise<keyof DeliveryCounts> {
  if (transport.kind === 'local') {
    await markLocal(db.kysely, mail.id, now());
    return 'local';
  }
  let response: string;
  try {
    ({ response } = await transport.send({ ...mail, attachments: await letterAttachments(db, mail) }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failedAt = now();
    const retryAt = nextAttemptAt(mail.attempts, failedAt);
    await markFailedAttempt(db.kysely, mail.id, message, failedAt, retryAt);
    const details = { emailId: mail.id, kind: mail.kind, attempts: mail.attempts, error: message };
    if (retryAt)
      logger.warn({ ...details, retryAt: retryAt.toISOString() }, 'E-mail not delivered; will retry');
    else logger.error(details, 'E-mail not delivered; giving up');
    return 'failed';
  }
  // Should this write fail, the claim runs out and the mail goes again: at least once, with the same Message-ID.
  await markSent(db.kysely, mail.id, response, now());
  logger.info({ emailId: mail.id, kind: mail.kind, response }, 'E-mail delivered');
  return 'sent';
}

/**
 * Starts delivering every `intervalMs` (the first run after one interval; call runOnce to start at once).
 * A failing run (e.g. the database is briefly unreachable) is logged and the next one tried as usual.
 */
export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const logger = options.logger ?? silentLogger;
  let queue: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const runOnce = (): Promise<DeliveryCounts> => {
    const run = queue.then(() => deliverDueEmails(options));
    queue = run.catch(() => {});
    return run;
  };
  const schedule = () => {
    timer = setTimeout(async () => {
      try {
        await runOnce();
      } catch (error) {
        logger.error({ error: error instanceof Error ? error.message : String(error) }, 'Outbox run failed');
      }
      if (!stopped) schedule();
    }, options.intervalMs);
  };
  schedule();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await queue;
    },
  };
}

/** The letter's PDF, exactly as stored when it was sent, travels with its email. */
async function letterAttachments(db: Db, mail: OutboxEmail): Promise<NonNullable<OutgoingMail['attachments']>> {
  if (!mail.letterId) return [];
  const letter = await db.kysely
    .selectFrom('letters')
    .select(['pdf', 'kind', 'created_at'])
    .where('id', '=', mail.letterId)
    .executeTakeFirst();
  if (!letter) return [];
  const day = toTimestamp(letter.created_at).slice(0, 10);
  return [{ filename: `${letter.kind}-${day}.pdf`, content: Buffer.from(letter.pdf), contentType: 'application/pdf' }];
}
