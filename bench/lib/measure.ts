/** Repeated load runs against a server, summarised the same way for every benchmark. */
import type { LoadResult, LoadSpec } from './load-child.ts';
import { loadNow } from './machine.ts';
import { cpuSeconds, load } from './processes.ts';
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
  /** Server CPU per answered request (ms), of the median run. */
  cpuMsPerRequest?: number;
}

export interface RunSettings {
  runs: number;
  durationS: number;
  warmupS: number;
}

export const INTAKE_SETTINGS = (quick: boolean): RunSettings =>
  quick ? { runs: 1, durationS: 5, warmupS: 3 } : { runs: 3, durationS: 15, warmupS: 5 };

export type Run = LoadResult & {
  load: number[];
  /** The server's CPU time per answered request in the measured period (ms): what a busy machine does not inflate. */
  cpuMsPerRequest?: number;
};

/**
 * One measured run: the warm-up as a run of its own, then the measured period, with the server's CPU time over
 * just that period when its pid is given.
 */
export async function measureOnce(spec: LoadSpec, serverPid?: number): Promise<Run> {
  if (spec.warmupS > 0) await load({ ...spec, durationS: spec.warmupS, warmupS: 0 });
  const loadAvg = loadNow();
  const cpuBefore = serverPid ? cpuSeconds(serverPid) : Number.NaN;
  const result = await load({ ...spec, warmupS: 0 });
  const cpu = serverPid ? cpuSeconds(serverPid) - cpuBefore : Number.NaN;
  const answered = Object.values(result.statuses).reduce((a, b) => a + b, 0);
  return {
    ...result,
    load: loadAvg,
    ...(Number.isFinite(cpu) && answered > 0 ? { cpuMsPerRequest: round((cpu * 1000) / answered, 3) } : {}),
  };
}

export function summarise(results: Run[]): Measured {
  const byRps = [...results].sort((a, b) => a.rps - b.rps);
  const middle = byRps[Math.floor((byRps.length - 1) / 2)] as Run;
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
    ...(middle.cpuMsPerRequest !== undefined ? { cpuMsPerRequest: middle.cpuMsPerRequest } : {}),
  };
}
