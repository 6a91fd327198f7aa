/**
 * The annual analysis of one year (src/analysis/load-report.ts computeAnnualReport: every query and the pure
 * report, not yet adopted, so counted now) on a dataset: the first (cold) run and the median of the next ones.
 *
 *   node --import tsx bench/analysis-child.ts <DATABASE_URL> <runs>   → one JSON line
 */
import { sql } from 'kysely';
import { computeAnnualReport } from '../src/analysis/load-report.ts';
import { openDatabase } from '../src/db/database.ts';

const [url, runsArg] = process.argv.slice(2);
if (!url) throw new Error('usage: analysis-child.ts <DATABASE_URL> <runs>');
const runs = Number(runsArg ?? 5);
const db = await openDatabase(url);
try {
  const now = new Date();
  const thisYear = now.getUTCFullYear();
  // The fullest complete year (the benchmark's "a year of 100 000 complaints in a database of 1 000 000").
  const { rows } = await sql<{
    year: number;
    n: number;
  }>`select received_year as year, count(*) as n from complaints
    where received_year < ${thisYear} group by received_year order by count(*) desc, received_year desc limit 1`.execute(
    db.kysely,
  );
  const year = Number(rows[0]?.year);
  const inYear = Number(rows[0]?.n);
  const total = Number(
    (await sql<{ n: number }>`select count(*) as n from complaints`.execute(db.kysely)).rows[0]?.n,
  );
  const time = async () => {
    const started = performance.now();
    const report = await computeAnnualReport(db.kysely, year, now);
    return { ms: performance.now() - started, report };
  };
  const first = await time();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await time()).ms);
  times.sort((a, b) => a - b);
  const median = times[Math.floor((times.length - 1) / 2)] as number;
  process.stdout.write(
    `${JSON.stringify({ year, inYear, total, firstMs: Math.round(first.ms), medianMs: Math.round(median), maxMs: Math.round(times.at(-1) as number), runs })}\n`,
  );
} finally {
  await db.close();
}
