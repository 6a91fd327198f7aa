/** The result files (bench/results/<name>.json): every figure with its ceiling, target and the machine load. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Machine } from './machine.ts';
import { ROOT } from './processes.ts';

export const RESULTS_DIR = path.join(ROOT, 'bench', 'results');

export interface Figure {
  /** Stable key, e.g. 'intake.app.sqlite.normal'. */
  id: string;
  /** What was measured, in words. */
  what: string;
  value: number;
  unit: string;
  /** Latency percentiles in ms, where the figure is a throughput or a latency. */
  latency?: { p50: number; p95: number; p99: number; max?: number };
  /** The comparison measured in the same run (the bare route, the minimal page, …). */
  ceiling?: { what: string; value: number; unit: string };
  /** value / ceiling.value, where that is the point. */
  ratio?: number;
  /** The target in words, and whether this figure met it (null: no target). */
  target?: string;
  met?: boolean | null;
  /** The server's CPU time per answered request (ms), where a server was measured: unlike latency, hardly
   * inflated by other work on the machine. */
  cpuMsPerRequest?: number;
  /** Complaints in the database when measured. */
  complaints?: number;
  /** Load averages (1, 5, 15 min) when the measurement started. */
  load: number[];
  /** Anything else worth a column: runs, bytes, statuses, RSS. */
  extra?: Record<string, unknown>;
}

export interface BenchResult {
  name: string;
  title: string;
  machine: Machine;
  quick: boolean;
  startedAt: string;
  finishedAt: string;
  /** How the servers were configured (rate limit, logging, …), in words. */
  setup: string[];
  figures: Figure[];
  notes: string[];
}

export function writeResult(result: BenchResult): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${result.name}${result.quick ? '-quick' : ''}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

export function readResults(): BenchResult[] {
  return readdirSync(RESULTS_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(RESULTS_DIR, file), 'utf8')) as BenchResult);
}

/** The median of the values (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export const round = (value: number, digits = 0): number => Math.round(value * 10 ** digits) / 10 ** digits;
