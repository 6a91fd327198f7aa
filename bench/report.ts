/**
 * Makes docs/performance.md from bench/results/*.json: every figure beside its ceiling and target, with the
 * machine, the date, the commit and the machine's load when measured. A full run's result is shown where there
 * is one, else the quick run's (marked). bench/findings.md, written by hand, is included as it is: what the
 * figures mean and what to do about the ones that miss.
 *
 *   npm run bench -- --report     (only this)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/processes.ts';
import { type BenchResult, type Figure, readResults } from './lib/results.ts';

const ORDER = ['intake', 'page', 'list', 'analysis', 'pdf'];

const num = (value: number | undefined | null, digits = 0): string =>
  value === undefined || value === null || Number.isNaN(value)
    ? '–'
    : value
        .toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })
        .replaceAll(',', ' ');
const ms = (value: number | undefined) => (value === undefined ? '–' : num(value, value < 10 ? 2 : 1));
const met = (f: Figure) => (f.met === true ? '✅ met' : f.met === false ? '❌ missed' : '');
const load = (f: Figure) => (f.load?.length ? num(f.load[0], 1) : '–');
const pct = (ratio: number | undefined) => (ratio === undefined ? '–' : `${num(ratio * 100, 1)} %`);

function pick(results: BenchResult[]): Map<string, BenchResult> {
  const chosen = new Map<string, BenchResult>();
  for (const result of results) {
    const current = chosen.get(result.name);
    if (!current || (current.quick && !result.quick)) chosen.set(result.name, result);
  }
  return chosen;
}

function header(result: BenchResult): string[] {
  const m = result.machine;
  return [
    `*${result.quick ? 'Quick run (`--quick`: small datasets, short runs; indicative only)' : 'Full run'} of ${result.startedAt.slice(0, 16).replace('T', ' ')} UTC, commit \`${m.commit}\`${m.dirty ? ' (with uncommitted changes of other engineers in the tree)' : ''}; ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB, Node ${m.node}; load average at the start ${m.loadAtStart.join(' / ')} (1/5/15 min).*`,
    '',
    ...result.setup.map((line) => `- ${line}`),
    '',
  ];
}

function figureTable(figures: Figure[]): string[] {
  const rows = figures.map(
    (f) =>
      `| ${f.what} | **${num(f.value, f.unit === 'KB' ? 1 : 0)}** ${f.unit} | ${f.latency ? `${ms(f.latency.p50)} / ${ms(f.latency.p99)}` : '–'} | ${f.cpuMsPerRequest !== undefined ? ms(f.cpuMsPerRequest) : '–'} | ${f.ceiling ? `${num(f.ceiling.value)} ${f.ceiling.unit} (${f.ceiling.what})` : '–'} | ${pct(f.ratio)} | ${f.target ?? '–'} | ${met(f)} | ${load(f)} |`,
  );
  return [
    '| what | measured | p50 / p99 ms | server CPU ms/request | ceiling, same run | ratio | target | | load |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ];
}

function listTables(result: BenchResult): string[] {
  const lines: string[] = [];
  const list = result.figures.filter((f) => f.id.startsWith('list.'));
  for (const dialect of ['sqlite', 'postgres']) {
    const mine = list.filter((f) => f.extra?.dialect === dialect);
    if (mine.length === 0) continue;
    const sizes = [...new Set(mine.map((f) => Number(f.extra?.size)))].sort((a, b) => a - b);
    const variants = [...new Set(mine.map((f) => String(f.extra?.variant)))];
    lines.push(
      `**${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}**: p95 (p50) · server CPU per request, in ms, at ${sizes.map((s) => num(s)).join(', ')} complaints; target p95 < 50 ms.`,
      '',
      `| query | ${sizes.map((s) => `${num(s)}`).join(' | ')} |`,
      `|---|${sizes.map(() => '---').join('|')}|`,
    );
    for (const variant of variants) {
      const cells = sizes.map((size) => {
        const f = mine.find((x) => x.extra?.variant === variant && Number(x.extra?.size) === size);
        if (!f) return '–';
        const cpu = f.cpuMsPerRequest !== undefined ? ` · ${ms(f.cpuMsPerRequest)}` : '';
        return `${f.met ? '' : '❌ '}${ms(f.latency?.p95)} (${ms(f.latency?.p50)})${cpu}`;
      });
      const what = mine.find((x) => x.extra?.variant === variant)?.what ?? variant;
      lines.push(`| ${what} | ${cells.join(' | ')} |`);
    }
    const loads = sizes.map((size) => {
      const at = mine.filter((x) => Number(x.extra?.size) === size).map((x) => x.load[0] ?? 0);
      return at.length ? `${num(Math.min(...at), 1)}–${num(Math.max(...at), 1)}` : '–';
    });
    lines.push(`| *load average while measured* | ${loads.join(' | ')} |`, '');
  }
  const growth = result.figures.filter((f) => f.id.startsWith('growth.'));
  if (growth.length) {
    lines.push(
      '**How intake and memory grow with the table** (one intake run at 50 connections after the lists):',
      '',
    );
    lines.push(
      '| database | complaints | intake req/s | intake p99 ms | server CPU ms/request | peak RSS MiB | load |',
      '|---|---|---|---|---|---|---|',
    );
    for (const f of growth.filter((x) => x.id.startsWith('growth.intake.'))) {
      const rss = growth.find((x) => x.id === f.id.replace('growth.intake.', 'growth.rss.'));
      lines.push(
        `| ${f.extra?.dialect} | ${num(f.complaints)} | ${num(f.value)} | ${ms(f.latency?.p99)} | ${f.cpuMsPerRequest !== undefined ? ms(f.cpuMsPerRequest) : '–'} | ${rss ? `${rss.met ? '' : '❌ '}${num(rss.value)}` : '–'} | ${load(f)} |`,
      );
    }
    lines.push('');
  }
  return lines;
}

function growthTable(result: BenchResult): string[] {
  const lines = [
    '| database | complaints | year | complaints that year | median ms | first run ms | target | | load |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const f of result.figures) {
    lines.push(
      `| ${f.extra?.dialect} | ${num(f.complaints)} | ${f.extra?.year} | ${num(Number(f.extra?.inYear))} | **${num(f.value)}** | ${num(Number(f.extra?.firstMs))} | ${f.target} | ${met(f)} | ${load(f)} |`,
    );
  }
  return [...lines, ''];
}

function summary(results: Map<string, BenchResult>): string[] {
  const lines = ['| target | figure | measured | ceiling (same run) | |', '|---|---|---|---|---|'];
  for (const name of ORDER) {
    const result = results.get(name);
    if (!result) continue;
    const targeted = result.figures.filter((f) => f.target && f.met !== undefined && f.met !== null);
    if (name === 'list') {
      const missed = targeted.filter((f) => !f.met);
      const largest = Math.max(...targeted.map((f) => Number(f.extra?.size ?? 0)));
      const atLargest = targeted.filter((f) => Number(f.extra?.size) === largest);
      const worst = [...atLargest].sort((a, b) => (b.latency?.p95 ?? 0) - (a.latency?.p95 ?? 0))[0];
      lines.push(
        `| staff list and dashboard: p95 < 50 ms | ${targeted.length - missed.length} of ${targeted.length} queries met; at ${num(largest)} the slowest is "${worst?.what}" (${worst?.extra?.dialect}) | ${ms(worst?.latency?.p95)} ms | – | ${missed.length ? '❌' : '✅'} |`,
      );
      const rss = result.figures.filter((f) => f.id.startsWith('growth.rss.'));
      for (const f of rss.filter((x) => Number(x.extra?.size) === largest)) {
        lines.push(
          `| RSS < 200 MB with ${num(f.complaints)} complaints (${f.extra?.dialect}) | ${f.what} | ${num(f.value)} MiB | – | ${f.met ? '✅' : '❌'} |`,
        );
      }
      continue;
    }
    for (const f of targeted) {
      lines.push(
        `| ${f.target} | ${f.what} | ${num(f.value, f.unit === 'KB' ? 1 : 0)} ${f.unit}${f.latency && f.unit === 'req/s' ? `, p99 ${ms(f.latency.p99)} ms` : ''}${f.ratio !== undefined ? ` (${pct(f.ratio)})` : ''} | ${f.ceiling ? `${num(f.ceiling.value)} ${f.ceiling.unit}` : '–'} | ${f.met ? '✅' : '❌'} |`,
      );
    }
  }
  return [...lines, ''];
}

export function writeReport(): string {
  const results = pick(readResults());
  const out: string[] = [
    '# Performance',
    '',
    '<!-- Generated by `npm run bench` (bench/report.ts) from bench/results/*.json and bench/findings.md. Do not edit by hand. -->',
    '',
    'Measured by the benchmark suite in `bench/` — never by the tests. Every figure stands beside its ceiling, measured in the same run on the same machine (the ceilings of `MACHINE-NOTES.md` are the reference for what this machine can do at all), with the load average at the moment it was measured: the 2 cores are shared with other work, and a load above 2 means the figure understates what the code can do.',
    '',
    '```',
    'npm run bench                      # everything: datasets of 10 000, 100 000 and 1 000 000 complaints (made once, kept)',
    'npm run bench -- --quick           # small datasets (2 000, 10 000) and short runs, for development',
    'npm run bench -- --only intake     # one or more of intake,page,list,analysis,pdf',
    'npm run bench -- --fresh           # make the datasets again',
    'npm run bench -- --report          # only make this page again from bench/results/',
    '```',
    '',
    'Results: `bench/results/<name>.json` (`<name>-quick.json` for quick runs). The datasets are filled by `verbeterpunt demo --complaints N` (bulk demo data built by the domain, README: Command line); the server under test is the real app (`node bin/verbeterpunt.js serve`) and the load generator (autocannon) runs in another process.',
    '',
    '## Targets',
    '',
    ...summary(results),
  ];
  const findings = path.join(ROOT, 'bench', 'findings.md');
  if (existsSync(findings)) out.push(readFileSync(findings, 'utf8').trim(), '');
  const sections: Record<string, (r: BenchResult) => string[]> = {
    intake: (r) => figureTable(r.figures),
    page: (r) => figureTable(r.figures),
    list: (r) => listTables(r),
    analysis: (r) => growthTable(r),
    pdf: (r) => figureTable(r.figures),
  };
  for (const name of ORDER) {
    const result = results.get(name);
    if (!result) continue;
    out.push(
      `## ${result.title}`,
      '',
      ...header(result),
      ...(sections[name]?.(result) ?? figureTable(result.figures)),
    );
    for (const note of result.notes) out.push(`- ${note}`);
    if (result.notes.length) out.push('');
  }
  const file = path.join(ROOT, 'docs', 'performance.md');
  writeFileSync(file, `${out.join('\n').trim()}\n`);
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) writeReport();
