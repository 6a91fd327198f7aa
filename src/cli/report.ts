/**
 * `verbeterpunt report --year 2026 --format pdf|csv|xlsx [--publishable] [--lang nl|en] --out FILE`: the annual
 * analysis of a year as a PDF, or the year's export (internally one row per complaint; publishable, the
 * report's tables), with a progress bar on stderr. The file is written beside its destination and renamed
 * into place at the end, so a failure never leaves half a file.
 */
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { note, out, UsageError, withDatabase } from './runtime.ts';

const FORMATS = ['pdf', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

interface Steps {
  start(total: number, label: string): void;
  update(done: number, label?: string): void;
  stop(): void;
}

/** A bar on a terminal; a line per tenth (and per step) when stderr is a file or a pipe. */
function createSteps(): Steps {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'report |{bar}| {value}/{total} {label}',
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    return {
      start: (total, label) => bar.start(total, 0, { label }),
      update: (done, label) => bar.update(done, label === undefined ? {} : { label }),
      stop: () => bar.stop(),
    };
  }
  let total = 0;
  let reported = -1;
  return {
    start(n, label) {
      total = n;
      reported = -1;
      note(`report: ${label}`);
    },
    update(done, label) {
      const tenth = total > 0 ? Math.floor((done * 10) / total) : 10;
      if (label) note(`report: ${label}`);
      else if (tenth > reported) {
        reported = tenth;
        note(`report: ${done}/${total}`);
      }
    },
    stop() {},
  };
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('The annual analysis of a year as a PDF, or its export as CSV or XLSX')
    .requiredOption('--year <year>', 'the year (of receipt) to report on')
    .requiredOption('--format <format>', `one of ${FORMATS.join(', ')}`)
    .requiredOption('--out <file>', 'where to write the file')
    .option(
      '--publishable',
      'the publishable version: no personal data, no free text, counts under 5 as "< 5"',
    )
    .option('--lang <language>', 'nl or en', 'nl')
    .addHelpText(
      'after',
      '\nCSV and XLSX: internally one row per complaint of the year (columns in docs/analysis.md); with\n' +
        "--publishable the report's tables instead. An adopted year's PDF in Dutch is the one frozen at adoption.",
    )
    .action(
      async (options: { year: string; format: string; out: string; publishable?: boolean; lang: string }) => {
        const year = /^\d{4}$/.test(options.year.trim()) ? Number(options.year) : Number.NaN;
        if (!Number.isInteger(year))
          throw new UsageError(`--year must be a year like 2026 (got '${options.year}').`);
        const format = options.format.trim().toLowerCase() as Format;
        if (!FORMATS.includes(format)) {
          throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got '${options.format}').`);
        }
        if (options.lang !== 'nl' && options.lang !== 'en')
          throw new UsageError(`--lang must be nl or en (got '${options.lang}').`);
        const language = options.lang;
        const version = options.publishable ? 'publishable' : 'internal';
        const target = path.resolve(options.out);
        const partial = path.join(path.dirname(target), `.${path.basename(target)}.partial`);
        await withDatabase(async ({ db, deps }) => {
          const { assertReportYear } = await import('../analysis/load-report.ts');
          const service = await import('../analysis/service.ts');
          const now = deps.now();
          assertReportYear(year, now);
          const steps = createSteps();
          try {
            if (format === 'pdf') {
              steps.start(2, 'counting');
              const pdf = service.reportPdf(db, year, version, language, now);
              steps.update(1, 'rendering the PDF');
              await writeFile(partial, await pdf);
              steps.update(2, 'done');
            } else {
              const stream = createWriteStream(partial);
              // A directory that does not exist fails here, before any counting.
              await once(stream, 'open');
              const closed = finished(stream);
              closed.catch(() => {});
              let started = false;
              await service.writeReportExport(
                db,
                { year, format, version, language, now },
                stream,
                (done, total) => {
                  if (!started) steps.start(total, `${total} complaints`);
                  started = true;
                  steps.update(done);
                },
              );
              await closed;
            }
            renameSync(partial, target);
          } catch (error) {
            rmSync(partial, { force: true });
            throw error;
          } finally {
            steps.stop();
          }
          out(`Wrote ${target}`);
        });
      },
    );
}
