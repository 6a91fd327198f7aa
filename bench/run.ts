/**
 * `npm run bench [-- --quick] [-- --only intake,page,list,pdf,analysis] [-- --fresh]`: the benchmark suite.
 * Each benchmark writes bench/results/<name>.json (bench/results/<name>-quick.json with --quick), then
 * docs/performance.md is made again from every result file. Never run by `npm test`.
 *
 *   --quick     smaller datasets (2 000 and 10 000 complaints) and short runs, for development
 *   --only      a comma-separated subset, in this order: intake, page, list, pdf, analysis
 *   --sizes     the dataset sizes of the list/analysis growth series (default 10000,100000,1000000)
 *   --fresh     make the benchmark datasets again instead of reusing those in bench/results/tmp/
 *   --servers   intake only: a subset of its servers, e.g. bare.json,app.sqlite.normal,app.postgres
 *   --prepare   only make (or check) the datasets of --sizes, SQLite and PostgreSQL side by side
 *   --report    only make docs/performance.md again from the result files
 */

import { loadNow } from './lib/machine.ts';
import type { BenchResult } from './lib/results.ts';
import { writeResult } from './lib/results.ts';
import { writeReport } from './report.ts';

/** Above this 1-minute load average the run warns that its figures will understate the code. */
const BUSY_LOAD = 2;

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const quick = flag('quick');
const ALL = ['intake', 'page', 'list', 'pdf', 'analysis'] as const;
type Name = (typeof ALL)[number];
const only = (value('only')?.split(',') ?? [...ALL]) as Name[];
for (const name of only)
  if (!ALL.includes(name)) throw new Error(`unknown benchmark '${name}' (known: ${ALL.join(', ')})`);
const sizes = (value('sizes') ?? (quick ? '2000,10000' : '10000,100000,1000000')).split(',').map(Number);
const log = (line: string) => process.stderr.write(`${line}\n`);

if (flag('prepare')) {
  const { sizedDataset, countComplaints } = await import('./lib/datasets.ts');
  const started = Date.now();
  // One process per dialect fills its datasets: the two cores work side by side.
  await Promise.all(
    (['sqlite', 'postgres'] as const).map(async (dialect) => {
      for (const size of sizes) {
        const dataset = await sizedDataset(dialect, size, sizes, { fresh: flag('fresh'), log });
        log(`${dialect} ${size}: ${await countComplaints(dataset)} complaints`);
      }
    }),
  );
  log(`datasets ready in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  process.exit(0);
}

if (!flag('report')) {
  // Other work on the two cores makes every figure about three times worse, CPU per request included
  // (bench/findings.md): say so before the first figure rather than after a misleading hour.
  const [oneMinute = 0] = loadNow();
  if (oneMinute > BUSY_LOAD)
    log(
      `warning: load average ${oneMinute.toFixed(2)} (over ${BUSY_LOAD}): the machine is busy; figures will understate the code (bench/findings.md)`,
    );
  const started = Date.now();
  for (const name of ALL.filter((n) => only.includes(n))) {
    log(`\n== ${name}${quick ? ' (quick)' : ''}`);
    let result: BenchResult;
    switch (name) {
      case 'intake':
        result = await (await import('./intake.ts')).runIntake({
          quick,
          log,
          ...(value('servers') ? { servers: (value('servers') as string).split(',') } : {}),
        });
        break;
      case 'page':
        result = await (await import('./page.ts')).runPage({ quick, log });
        break;
      case 'list':
        result = await (await import('./list.ts')).runList({ quick, log, sizes, fresh: flag('fresh') });
        break;
      case 'pdf':
        result = await (await import('./pdf.ts')).runPdf({ quick, log });
        break;
      case 'analysis':
        result = await (await import('./analysis.ts')).runAnalysis({
          quick,
          log,
          sizes,
          fresh: flag('fresh'),
        });
        break;
    }
    log(`wrote ${writeResult(result)}`);
  }
  log(`\nall done in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
}
log(`wrote ${writeReport()}`);
