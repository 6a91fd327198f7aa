/**
 * `verbeterpunt demo --complaints N [--years Y] [--seed S]`: up to a million realistic complaints in minutes,
 * for volume (benchmarks, the annual analysis, trying the lists). `demo --count N` takes every step through the
 * real commands, with full history, letters and mail, and is slow; this path builds each complaint with the
 * pure domain (demo-bulk-data.ts) and writes batches of them in one transaction each, with one history event
 * per complaint ('demo_import') instead of the full history, and no letters or mail.
 *
 * References are numbered per year in order of receipt, after whatever the database already holds (numbers are
 * reserved per batch, so the server may keep registering complaints meanwhile).
 */
import cliProgress from 'cli-progress';
import type { CommandDeps } from '../commands/context.ts';
import { hashFollowUpToken, newFollowUpToken } from '../commands/follow-up-token.ts';
import { transaction } from '../db/database.ts';
import { insertFirstEvents } from '../db/repositories/complaint-events.ts';
import { insertComplaints } from '../db/repositories/complaints.ts';
import { reserveReferenceNumbers } from '../db/repositories/reference-counters.ts';
import { insertSpotRecords, type NewSpotRecord } from '../db/repositories/spot-records.ts';
import { formatReference } from '../domain/intake.ts';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../domain/lifecycle.ts';
import { type DemoUser, ensureDemoUsers, type UserKey } from './demo.ts';
import {
  type BulkContext,
  buildComplaint,
  buildSpotRecord,
  MAX_BULK_COMPLAINTS,
  MAX_BULK_YEARS,
  planBulk,
  receiptYear,
  spotRecordCount,
} from './demo-bulk-data.ts';
import { DEMO_USERS } from './demo-data.ts';
import { formatTable, note, out, UsageError, withDatabase } from './runtime.ts';

/** Complaints per transaction: large enough to amortise the commit, small enough to keep locks short. */
const BATCH = 1000;

export interface BulkProgress {
  phase(name: string, total: number): void;
  advance(done: number): void;
  stop(): void;
}

export interface BulkResult {
  byStatus: Map<ComplaintStatus, number>;
  spotRecords: number;
  /** Complaints per Amsterdam year of receipt. */
  byYear: Map<number, number>;
}

export interface BulkOptions {
  count: number;
  seed: number;
  years: number;
  progress?: BulkProgress;
}

/** Plans, builds and inserts `count` complaints and their spot records. */
export async function fillBulkDemoData(
  deps: CommandDeps,
  users: Map<UserKey, DemoUser>,
  options: BulkOptions,
): Promise<BulkResult> {
  if (!Number.isInteger(options.count) || options.count < 1 || options.count > MAX_BULK_COMPLAINTS) {
    throw new RangeError(`count must be 1 to ${MAX_BULK_COMPLAINTS}`);
  }
  const { loadOrganisation } = await import('../commands/context.ts');
  const organisation = await loadOrganisation(deps.db.kysely);
  const ctx: BulkContext = {
    seed: options.seed,
    count: options.count,
    years: options.years,
    now: deps.now().getTime(),
    settings: organisation.settings,
    calendar: organisation.calendar,
    users,
    newId: deps.newId,
  };
  const progress = options.progress;
  progress?.phase('planning', ctx.count);
  const plan = planBulk(ctx, (done) => progress?.advance(done));
  progress?.phase('complaints', ctx.count);
  const byStatus = new Map<ComplaintStatus, number>();
  const byYear = new Map<number, number>();
  try {
    for (let start = 0; start < ctx.count; start += BATCH) {
      const indexes = Array.from(plan.order.subarray(start, start + BATCH));
      const years = indexes.map((index) => receiptYear(plan, index));
      // Built with a placeholder reference outside the transaction (pure work holds no lock), numbered inside.
      const built = indexes.map((index) => buildComplaint(ctx, index, '').complaint);
      await transaction(deps.db, async (trx) => {
        const next = new Map<number, number>();
        for (const [year, count] of countBy(years))
          next.set(year, await reserveReferenceNumbers(trx, year, count));
        const rows = built.map((complaint, i) => {
          const year = years[i] as number;
          const number = next.get(year) as number;
          next.set(year, number + 1);
          return {
            complaint: { ...complaint, reference: formatReference(year, number) },
            followUpTokenHash: hashFollowUpToken(newFollowUpToken()),
          };
        });
        await insertComplaints(trx, rows);
        await insertFirstEvents(
          trx,
          rows.map(({ complaint }) => ({
            complaintId: complaint.id,
            at: complaint.updatedAt,
            actorId: null,
            actorLabel: 'system',
            action: 'demo_import',
            fromStatus: null,
            toStatus: complaint.status,
            changes: {},
            note: `Demo data (verbeterpunt demo --complaints, seed ${ctx.seed}): built by the domain in ${complaint.version - 1} steps; only this event of its history is kept.`,
          })),
        );
      });
      for (const complaint of built)
        byStatus.set(complaint.status, (byStatus.get(complaint.status) ?? 0) + 1);
      for (const [year, count] of countBy(years)) byYear.set(year, (byYear.get(year) ?? 0) + count);
      progress?.advance(Math.min(start + BATCH, ctx.count));
    }
    const spotRecords = spotRecordCount(ctx.count);
    progress?.phase('spot records', spotRecords);
    for (let start = 0; start < spotRecords; start += BATCH * 4) {
      const records: NewSpotRecord[] = [];
      for (let index = start; index < Math.min(start + BATCH * 4, spotRecords); index++) {
        const spot = buildSpotRecord(ctx, index);
        records.push({ ...spot, now: new Date(spot.createdAt) });
      }
      await transaction(deps.db, (trx) => insertSpotRecords(trx, records));
      progress?.advance(Math.min(start + BATCH * 4, spotRecords));
    }
    return { byStatus, spotRecords, byYear };
  } finally {
    progress?.stop();
  }
}

function countBy(values: readonly number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** A progress bar on a terminal (phase, bar, count, rate, time left); a line per tenth otherwise. */
export function createBulkProgress(): BulkProgress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'demo --complaints {phase} |{bar}| {percentage}% {value}/{total} ETA {eta_formatted}',
        stream: process.stderr,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    let running = false;
    return {
      phase(name, total) {
        if (running) bar.stop();
        bar.start(total, 0, { phase: name.padEnd(12) });
        running = true;
      },
      advance: (done) => bar.update(done),
      stop: () => {
        if (running) bar.stop();
        running = false;
      },
    };
  }
  let name = '';
  let total = 0;
  let reported = 0;
  const started = Date.now();
  return {
    phase(phase, n) {
      name = phase;
      total = n;
      reported = 0;
    },
    advance(done) {
      const tenth = Math.floor((done * 10) / total);
      if (tenth > reported || done === total) {
        reported = tenth;
        note(`demo --complaints: ${name} ${done}/${total} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      }
    },
    stop() {},
  };
}

/** The lines the command prints after a run: states and years with their counts. */
export function summarise(result: BulkResult): { statuses: string[][]; years: string[][] } {
  return {
    statuses: COMPLAINT_STATUSES.filter((s) => result.byStatus.has(s)).map((s) => [
      s,
      String(result.byStatus.get(s)),
    ]),
    years: [...result.byYear].sort(([a], [b]) => a - b).map(([year, count]) => [String(year), String(count)]),
  };
}

/** The CLI side of `demo --complaints`: checks the options, runs, prints what was added. */
export async function runBulkDemo(options: {
  complaints: string;
  years: string;
  seed: number;
  password?: string;
}): Promise<void> {
  const count = wholeNumber(options.complaints, '--complaints', 1, MAX_BULK_COMPLAINTS);
  const years = wholeNumber(options.years, '--years', 1, MAX_BULK_YEARS);
  await withDatabase(async ({ db, deps }) => {
    const started = Date.now();
    const users = await ensureDemoUsers(db, options.password);
    const result = await fillBulkDemoData(deps, users.byKey, {
      count,
      seed: options.seed,
      years,
      progress: createBulkProgress(),
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    out(
      `Added ${count} demo complaints (one history event each) and ${result.spotRecords} records resolved on the spot in ${seconds} s (seed ${options.seed}, ${years} years).`,
    );
    const { statuses, years: perYear } = summarise(result);
    out('');
    out(formatTable(['STATUS', 'ADDED'], statuses));
    out('');
    out(formatTable(['YEAR', 'RECEIVED'], perYear));
    out('');
    out(
      `Demo users (${users.created} created, ${users.reused} reused): ${DEMO_USERS.map((u) => u.email).join(', ')}`,
    );
  });
}

function wholeNumber(raw: string, option: string, min: number, max: number): number {
  const value = /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${option} must be a whole number from ${min} to ${max} (got '${raw}').`);
  }
  return value;
}
