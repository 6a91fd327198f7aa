/**
 * Intake: `POST /api/v1/complaints` at 50 connections against the real app (SQLite with synchronous=NORMAL and
 * FULL, and PostgreSQL), beside a bare Fastify JSON route and a bare Fastify route with one better-sqlite3
 * INSERT (NORMAL and FULL), all in the same run and measured round-robin, so that a change in the machine's
 * load hits every server alike. Only 201 answers count; any other status makes the figure fail. The app's
 * peak RSS under this load is the memory figure.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { INTAKE_BODY } from './intake-body.ts';
import { create, DATA_DIR, type Dataset, datasetOf, drop, grow } from './lib/datasets.ts';
import type { LoadSpec } from './lib/load-child.ts';
import { loadNow, machine } from './lib/machine.ts';
import { INTAKE_SETTINGS, type Measured, measureOnce, summarise } from './lib/measure.ts';
import { runScript, type Server, startApp, startBare } from './lib/processes.ts';
import { type BenchResult, type Figure, round } from './lib/results.ts';

export { INTAKE_BODY };

export const CONNECTIONS = 50;

/** The app's configuration in every benchmark (besides DATABASE_URL), described in the report. */
export const APP_ENV: Record<string, string> = {
  // One client address sends everything: the limit is raised so that no 429 can occur (and any would fail
  // the figure, since only 201 counts).
  PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
  LOG_LEVEL: 'info',
  OUTBOX_WORKER: 'true',
  // The watch's first run 10 s after the start would land inside a measurement.
  DEADLINE_WATCH: 'false',
  // The retention job's first run (a minute after the start) would anonymise the datasets' old cases (they
  // span ten years) while being measured, and change the kept datasets for the next run.
  RETENTION_JOB: 'false',
  COOKIE_SECRET: 'benchmark-cookie-secret-of-at-least-32-characters',
  ORGANISATION_SETTINGS: '/nonexistent/organisation.json',
};

export const APP_SETUP = [
  'The app is started as `node bin/verbeterpunt.js serve` (NODE_ENV=production) on 127.0.0.1, one process; autocannon runs in a separate process.',
  'PUBLIC_RATE_LIMIT_PER_MINUTE=1000000: the rate limiter stays on (the same code path) but cannot refuse the single benchmark client; only 201 answers count as throughput and any other status fails the figure.',
  'LOG_LEVEL=info (JSON lines per request, written to a file in bench/results/tmp/), OUTBOX_WORKER=true (no SMTP: the follow-up mail of each submission is queued and moved to the local outbox), DEADLINE_WATCH=false and RETENTION_JOB=false (their first runs, 10 s and 60 s after the start, would land inside a measurement; retention would also anonymise the old cases of the datasets).',
];

export const intakeSpec = (url: string, settings: { durationS: number; warmupS: number }): LoadSpec => ({
  url: `${url}/api/v1/complaints`,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: INTAKE_BODY,
  connections: CONNECTIONS,
  durationS: settings.durationS,
  warmupS: settings.warmupS,
  expectStatus: 201,
});

interface Contender {
  id: string;
  what: string;
  start(): Promise<Server>;
  server?: Server;
  results: Awaited<ReturnType<typeof measureOnce>>[];
  peakRss: number[];
}

export async function runIntake(options: {
  quick: boolean;
  log: (line: string) => void;
  /** Only these servers (ids without 'intake.', e.g. 'bare.json,app.sqlite.normal'); all by default. */
  servers?: string[];
}): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const settings = INTAKE_SETTINGS(options.quick);
  const seedCount = options.quick ? 2000 : 10_000;
  const { log } = options;

  log(`intake: preparing databases (${seedCount} bulk demo complaints each)`);
  const normal = datasetOf('sqlite', 'intake_normal');
  const full = datasetOf('sqlite', 'intake_full');
  const postgres = datasetOf('postgres', 'intake');
  await create(normal);
  await grow(normal, seedCount, 1, log);
  await create(full, normal);
  await create(postgres);
  await grow(postgres, seedCount, 1, log);
  const bareFile = (sync: string) => path.join(DATA_DIR, `bare-${sync}.sqlite`);
  for (const sync of ['normal', 'full'])
    for (const s of ['', '-wal', '-shm']) rmSync(`${bareFile(sync)}${s}`, { force: true });

  const app = (dataset: Dataset, sync?: string) => () =>
    startApp(
      { ...APP_ENV, ...dataset.env, ...(sync ? { SQLITE_SYNCHRONOUS: sync } : {}) },
      path.join(DATA_DIR, `app-${dataset.name}.log`),
    );
  const all: Contender[] = [
    {
      id: 'intake.bare.json',
      what: 'bare Fastify route: parse the JSON, answer 201 with JSON',
      start: () => startBare('bare.ts', ['json']),
      results: [],
      peakRss: [],
    },
    {
      id: 'intake.bare.sqlite.normal',
      what: 'bare Fastify + one better-sqlite3 INSERT, WAL, synchronous=NORMAL',
      start: () => startBare('bare.ts', ['sqlite', 'normal', bareFile('normal')]),
      results: [],
      peakRss: [],
    },
    {
      id: 'intake.bare.sqlite.full',
      what: 'bare Fastify + one better-sqlite3 INSERT, WAL, synchronous=FULL',
      start: () => startBare('bare.ts', ['sqlite', 'full', bareFile('full')]),
      results: [],
      peakRss: [],
    },
    {
      id: 'intake.app.sqlite.normal',
      what: 'Verbeterpunt on SQLite, synchronous=NORMAL (the default)',
      start: app(normal, 'normal'),
      results: [],
      peakRss: [],
    },
    {
      id: 'intake.app.sqlite.full',
      what: 'Verbeterpunt on SQLite, synchronous=FULL',
      start: app(full, 'full'),
      results: [],
      peakRss: [],
    },
    {
      id: 'intake.app.postgres',
      what: 'Verbeterpunt on PostgreSQL 15 (local, default settings)',
      start: app(postgres),
      results: [],
      peakRss: [],
    },
  ];
  const contenders = all.filter(
    (c) => !options.servers || options.servers.includes(c.id.replace('intake.', '')),
  );
  let cpuFigures: Figure[] = [];
  try {
    for (const c of contenders) c.server = await c.start();
    for (let run = 1; run <= settings.runs; run++) {
      for (const c of contenders) {
        const server = c.server as Server;
        server.resetPeak();
        const result = await measureOnce(intakeSpec(server.url, settings), server.pid);
        c.results.push(result);
        c.peakRss.push(server.peakRssMiB());
        log(
          `  run ${run} ${c.id}: ${result.rps} req/s (201 only), p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, unexpected ${result.unexpected}, rss ${server.peakRssMiB()} MiB, cpu ${result.cpuMsPerRequest} ms/req, load ${result.load[0]}`,
        );
      }
    }
    for (const c of contenders) await c.server?.stop();
    cpuFigures = await registrationCpu(
      [
        { dataset: normal, sync: 'normal' },
        { dataset: full, sync: 'full' },
        { dataset: postgres, sync: undefined },
      ],
      options.quick ? 300 : 2000,
      log,
    );
  } finally {
    for (const c of contenders) await c.server?.stop();
    for (const dataset of [normal, full, postgres]) await drop(dataset).catch(() => {});
  }

  const m = new Map(contenders.map((c) => [c.id, summarise(c.results)]));
  const byId = new Map(contenders.map((c) => [c.id, c]));
  const bare = m.get('intake.bare.json');
  const ceiling = bare
    ? { what: 'bare Fastify JSON route, same run', value: bare.rps, unit: 'req/s' }
    : undefined;
  const ok = (id: string) => (m.get(id) as Measured).unexpected === 0;
  const ratio = (id: string, of: Measured | undefined = bare) =>
    of ? round((m.get(id) as Measured).rps / of.rps, 3) : undefined;
  const p99 = (id: string) => (m.get(id) as Measured).latency.p99;
  const figures: Figure[] = [];
  const add = (id: string, extra: (id: string) => Partial<Figure> = () => ({})) => {
    const c = byId.get(id);
    const measured = m.get(id);
    if (!c || !measured) return;
    figures.push({
      id,
      what: c.what,
      value: measured.rps,
      unit: 'req/s',
      latency: measured.latency,
      load: measured.load,
      ...(measured.cpuMsPerRequest !== undefined ? { cpuMsPerRequest: measured.cpuMsPerRequest } : {}),
      extra: {
        runs: measured.runs,
        statuses: measured.statuses,
        unexpected: measured.unexpected,
        peakRssMiB: Math.max(...c.peakRss),
      },
      ...extra(id),
    });
  };
  add('intake.bare.json');
  add('intake.bare.sqlite.normal', (id) => ({ ceiling, ratio: ratio(id) }));
  add('intake.bare.sqlite.full', (id) => ({ ceiling, ratio: ratio(id) }));
  add('intake.app.sqlite.normal', (id) => {
    const r = ratio(id);
    return {
      ceiling,
      ratio: r,
      target: '≥ 40 % of the bare JSON route (aim 50 %), p99 < 25 ms, only 201s',
      met: ok(id) && r !== undefined && r >= 0.4 && p99(id) < 25,
    };
  });
  add('intake.app.sqlite.full', (id) => {
    const bareFull = m.get('intake.bare.sqlite.full');
    return {
      ...(bareFull
        ? {
            ceiling: {
              what: 'bare Fastify + INSERT, synchronous=FULL, same run',
              value: bareFull.rps,
              unit: 'req/s',
            },
          }
        : {}),
      ratio: ratio(id, bareFull),
      target: 'p99 < 25 ms, only 201s (the throughput target is for the default, NORMAL)',
      met: ok(id) && p99(id) < 25,
    };
  });
  add('intake.app.postgres', (id) => ({
    ceiling,
    ratio: ratio(id),
    target: 'p99 < 25 ms, only 201s',
    met: ok(id) && p99(id) < 25,
  }));
  for (const c of contenders.filter((c) => c.id.startsWith('intake.app.'))) {
    const peak = Math.max(...c.peakRss);
    figures.push({
      id: c.id.replace('intake.', 'memory.'),
      what: `peak RSS of the server under the intake load: ${c.what}`,
      value: peak,
      unit: 'MiB',
      target: '< 200 MB',
      met: peak * 1.048576 < 200,
      load: (m.get(c.id) as Measured).load,
    });
  }
  figures.push(...cpuFigures);
  return {
    name: 'intake',
    title: 'Intake: POST /api/v1/complaints at 50 connections',
    machine: machine(),
    quick: options.quick,
    startedAt,
    finishedAt: new Date().toISOString(),
    setup: [
      ...APP_SETUP,
      `${settings.runs} run(s) of ${settings.durationS} s per server after a ${settings.warmupS} s warm-up, round-robin over the servers; the median run counts. Load at the end: ${loadNow().join(', ')}.`,
      `The databases hold ${seedCount} bulk demo complaints (and the demo users) before the first request; the body is the README's example (with an email address).`,
    ],
    figures,
    notes: [],
  };
}

/** CPU and wall time per registration in-process, one at a time (bench/register-cpu.ts), on each database. */
async function registrationCpu(
  targets: { dataset: Dataset; sync: 'normal' | 'full' | undefined }[],
  count: number,
  log: (line: string) => void,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const { dataset, sync } of targets) {
    const load = loadNow();
    const r = await runScript<{ cpuUsPerRegistration: number; wallUsPerRegistration: number }>(
      'bench/register-cpu.ts',
      [dataset.env.DATABASE_URL as string, String(count)],
      sync ? { SQLITE_SYNCHRONOUS: sync } : {},
    );
    const label = sync ? `${dataset.dialect}, synchronous=${sync.toUpperCase()}` : dataset.dialect;
    log(
      `  registerComplaint in-process on ${label}: ${r.cpuUsPerRegistration} µs CPU, ${r.wallUsPerRegistration} µs wall`,
    );
    figures.push({
      id: `intake.cpu.${dataset.dialect}${sync ? `.${sync}` : ''}`,
      what: `one registerComplaint without HTTP, one at a time (${label}): CPU time; wall time in extra`,
      value: r.cpuUsPerRegistration,
      unit: 'µs CPU',
      load,
      extra: { wallUs: r.wallUsPerRegistration, count },
    });
  }
  return figures;
}
