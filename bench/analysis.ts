/**
 * The annual analysis: a whole year counted and reported (computeAnnualReport) at every dataset size, on
 * SQLite and PostgreSQL. Target: under 1 s for a year of 100 000 complaints in a database of 1 000 000.
 */
import type { Dialect } from '../src/db/database.ts';
import { sizedDataset } from './lib/datasets.ts';
import { loadNow, machine } from './lib/machine.ts';
import { runScript } from './lib/processes.ts';
import type { BenchResult, Figure } from './lib/results.ts';

interface Timed {
  year: number;
  inYear: number;
  total: number;
  firstMs: number;
  medianMs: number;
  maxMs: number;
  runs: number;
}

export async function runAnalysis(options: {
  quick: boolean;
  log: (line: string) => void;
  sizes: number[];
  fresh: boolean;
}): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const runs = options.quick ? 2 : 5;
  const figures: Figure[] = [];
  for (const dialect of ['sqlite', 'postgres'] as Dialect[]) {
    for (const size of options.sizes) {
      const dataset = await sizedDataset(dialect, size, options.sizes, {
        fresh: options.fresh,
        log: options.log,
      });
      const load = loadNow();
      const t = await runScript<Timed>('bench/analysis-child.ts', [
        dataset.env.DATABASE_URL as string,
        String(runs),
      ]);
      options.log(
        `  analysis ${dialect} ${size}: year ${t.year} (${t.inYear} of ${t.total}): median ${t.medianMs} ms, first ${t.firstMs} ms, load ${load[0]}`,
      );
      figures.push({
        id: `analysis.${dialect}.${size}`,
        what: `the annual analysis of ${t.year} (${t.inYear} complaints received that year)`,
        value: t.medianMs,
        unit: 'ms (median)',
        latency: { p50: t.medianMs, p95: t.maxMs, p99: t.maxMs },
        target: 'under 1 s (for a year of 100 000 in a database of 1 000 000)',
        met: t.medianMs < 1000,
        complaints: t.total,
        load,
        extra: { ...t, dialect, size },
      });
    }
  }
  return {
    name: 'analysis',
    title: 'The annual analysis',
    machine: machine(),
    quick: options.quick,
    startedAt,
    finishedAt: new Date().toISOString(),
    setup: [
      `computeAnnualReport (src/analysis/load-report.ts), in a process of its own on each dataset of the list benchmark: one cold run, then the median of ${runs}. The year is the complete year with the most complaints (receipt is spread over ten years, so it holds about a tenth of the database).`,
    ],
    figures,
    notes: [],
  };
}
