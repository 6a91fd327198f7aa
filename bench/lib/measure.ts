/** Repeated load runs against a server, summarised the same way for every benchmark. */
import type { LoadResult, LoadSpec } from './load-child.ts';
import { loadNow } from './machine.ts';
import { load } from './processes.ts';
import { median, round } from './results.ts';

export interface Measured {
  /** Median over the runs of responses with the expected status per second. */
  rps: number;
  /** The req/s of each run. */
  runs: number[];
  /** Latency of the run with the median throughput. */
  latency: LoadResult['latencyMs'];
  /** Unexpected statuses and errors over all runs: must be 0 for the figure to count. */
  unexpected: number;
  statuses: Record<string, number>;
  bytesPerResponse: number;
  load: number[];
}

export interface RunSettings {
  runs: number;
  durationS: number;
  warmupS: number;
}

export const INTAKE_SETTINGS = (quick: boolean): RunSettings =>
  quick ? { runs: 1, durationS: 5, warmupS: 3 } : { runs: 3, durationS: 15, warmupS: 5 };

export async function measureOnce(spec: LoadSpec): Promise<LoadResult & { load: number[] }> {
  const loadAvg = loadNow();
  return { ...(await load(spec)), load: loadAvg };
}

export function summarise(results: (LoadResult & { load: number[] })[]): Measured {
  const byRps = [...results].sort((a, b) => a.rps - b.rps);
  const middle = byRps[Math.floor((byRps.length - 1) / 2)] as LoadResult & { load: number[] };
  const statuses: Record<string, number> = {};
  for (const r of results)
    for (const [code, n] of Object.entries(r.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  return {
    rps: round(median(results.map((r) => r.rps))),
    runs: results.map((r) => r.rps),
    latency: middle.latencyMs,
    unexpected: results.reduce((sum, r) => sum + r.unexpected, 0),
    statuses,
    bytesPerResponse: middle.bytesPerResponse,
    load: results[0]?.load ?? loadNow(),
  };
}
