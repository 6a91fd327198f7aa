/**
 * The staff list (`GET /api/v1/staff/complaints`) with each filter, the search and a deep keyset page, and the
 * staff dashboard (`GET /staff`, signed in), at every dataset size on SQLite and PostgreSQL: p95 under 50 ms is
 * the target. Beside it, at each size, one intake run and the server's RSS, to show how cost grows with volume.
 */
import path from 'node:path';
import type { Dialect } from '../src/db/database.ts';
import { APP_ENV, CONNECTIONS, intakeSpec } from './intake.ts';
import { DATA_DIR, qualityManagerToken, sizedDataset } from './lib/datasets.ts';
import { loadNow, machine } from './lib/machine.ts';
import { measureOnce } from './lib/measure.ts';
import { runScript, startApp } from './lib/processes.ts';
import type { BenchResult, Figure } from './lib/results.ts';

interface Facts {
  count: number;
  handlerId: string;
  middleReference: string;
  middleYear: number;
  cursor: string;
  sessionToken: string;
}

/** Staff work at a handful of screens at once, not fifty. */
const LIST_CONNECTIONS = 4;

function variants(f: Facts): { id: string; what: string; path: string; dashboard?: boolean }[] {
  const list = (query: string) => `/api/v1/staff/complaints?${query}`;
  return [
    { id: 'first', what: 'first page, no filter', path: list('limit=50') },
    {
      id: 'status-open',
      what: 'three open states',
      path: list('status=handler_assigned&status=acknowledged&status=investigating&limit=50'),
    },
    {
      id: 'status-rare',
      what: 'a rare state (offer_rejected)',
      path: list('status=offer_rejected&limit=50'),
    },
    { id: 'status-closed', what: 'the common state (closed)', path: list('status=closed&limit=50') },
    { id: 'handler', what: "one handler's cases", path: list(`handler=${f.handlerId}&limit=50`) },
    { id: 'overdue', what: 'overdue', path: list('overdue=true&limit=50') },
    {
      id: 'period',
      what: `received in a quarter (${f.middleYear} Q1)`,
      path: list(`receivedFrom=${f.middleYear}-01-01&receivedTo=${f.middleYear}-03-31&limit=50`),
    },
    {
      id: 'q-reference',
      what: `search a reference (${f.middleReference})`,
      path: list(`q=${f.middleReference}&limit=50`),
    },
    { id: 'q-name', what: "search a reporter's name (Verbeek)", path: list('q=Verbeek&limit=50') },
    {
      id: 'q-email',
      what: "search a reporter's email (priya.ramdin@)",
      path: list(`q=${encodeURIComponent('priya.ramdin@')}&limit=50`),
    },
    {
      id: 'q-word',
      what: 'search a word of the description (reiskosten)',
      path: list('q=reiskosten&limit=50'),
    },
    { id: 'q-none', what: 'search text found nowhere (zqxjv)', path: list('q=zqxjv&limit=50') },
    {
      id: 'q-status',
      what: 'search with a state (jobcoach, closed)',
      path: list('q=jobcoach&status=closed&limit=50'),
    },
    {
      id: 'deep',
      what: 'a keyset page in the middle of the table',
      path: list(`limit=50&cursor=${f.cursor}`),
    },
    {
      id: 'dashboard',
      what: 'staff dashboard /staff (quality manager, signed in)',
      path: '/staff',
      dashboard: true,
    },
    {
      id: 'dashboard-q',
      what: 'staff dashboard with a search (/staff?q=Verbeek)',
      path: '/staff?q=Verbeek',
      dashboard: true,
    },
  ];
}

export async function runList(options: {
  quick: boolean;
  log: (line: string) => void;
  sizes: number[];
  fresh: boolean;
}): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const { log } = options;
  const settings = options.quick ? { durationS: 3, warmupS: 1 } : { durationS: 8, warmupS: 2 };
  const figures: Figure[] = [];
  const notes: string[] = [];
  for (const dialect of ['sqlite', 'postgres'] as Dialect[]) {
    for (const size of options.sizes) {
      log(`list: ${dialect} at ${size}`);
      const dataset = await sizedDataset(dialect, size, options.sizes, { fresh: options.fresh, log });
      const token = await qualityManagerToken(dataset);
      const facts = await runScript<Facts>('bench/list-facts.ts', [dataset.env.DATABASE_URL as string]);
      const server = await startApp(
        { ...APP_ENV, ...dataset.env },
        path.join(DATA_DIR, `app-list-${dialect}-${size}.log`),
      );
      try {
        const dashboardThere =
          (await fetch(`${server.url}/staff`, { headers: { cookie: `vp_staff=${facts.sessionToken}` } }))
            .status === 200;
        if (!dashboardThere)
          notes.push(
            `${dialect} ${size}: GET /staff did not answer 200 with a session; the dashboard was not measured.`,
          );
        server.resetPeak();
        for (const v of variants(facts)) {
          if (v.dashboard && !dashboardThere) continue;
          const result = await measureOnce(
            {
              url: `${server.url}${v.path}`,
              headers: v.dashboard
                ? {
                    cookie: `vp_staff=${facts.sessionToken}`,
                    'accept-encoding': 'br, gzip',
                    'accept-language': 'nl',
                  }
                : { authorization: `Bearer ${token}` },
              connections: LIST_CONNECTIONS,
              durationS: settings.durationS,
              warmupS: settings.warmupS,
              expectStatus: 200,
            },
            server.pid,
          );
          log(
            `  ${v.id}: p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, ${result.rps} req/s, cpu ${result.cpuMsPerRequest} ms/req, unexpected ${result.unexpected}, load ${result.load[0]}`,
          );
          figures.push({
            id: `list.${dialect}.${v.id}.${size}`,
            what: v.what,
            value: result.latencyMs.p95,
            unit: 'ms (p95)',
            latency: result.latencyMs,
            ...(result.cpuMsPerRequest !== undefined ? { cpuMsPerRequest: result.cpuMsPerRequest } : {}),
            target: 'p95 < 50 ms, only 200s',
            met: result.unexpected === 0 && result.latencyMs.p95 < 50,
            complaints: facts.count,
            load: result.load,
            extra: {
              rps: result.rps,
              statuses: result.statuses,
              dialect,
              size,
              variant: v.id,
              connections: LIST_CONNECTIONS,
            },
          });
        }
        const listRss = server.peakRssMiB();
        server.resetPeak();
        const intake = await measureOnce(
          intakeSpec(server.url, { durationS: settings.durationS, warmupS: settings.warmupS }),
          server.pid,
        );
        log(
          `  intake: ${intake.rps} req/s, p99 ${intake.latencyMs.p99} ms, cpu ${intake.cpuMsPerRequest} ms/req, rss ${server.peakRssMiB()} MiB`,
        );
        figures.push({
          id: `growth.intake.${dialect}.${size}`,
          what: `intake at ${CONNECTIONS} connections with ${facts.count} complaints in the database`,
          value: intake.rps,
          unit: 'req/s',
          latency: intake.latencyMs,
          ...(intake.cpuMsPerRequest !== undefined ? { cpuMsPerRequest: intake.cpuMsPerRequest } : {}),
          complaints: facts.count,
          load: intake.load,
          extra: { statuses: intake.statuses, unexpected: intake.unexpected, dialect, size },
        });
        figures.push({
          id: `growth.rss.${dialect}.${size}`,
          what: `peak RSS of the server: lists, then intake, with ${facts.count} complaints`,
          value: Math.max(listRss, server.peakRssMiB()),
          unit: 'MiB',
          target: '< 200 MB',
          met: Math.max(listRss, server.peakRssMiB()) * 1.048576 < 200,
          complaints: facts.count,
          load: loadNow(),
          extra: { dialect, size, listRssMiB: listRss, intakeRssMiB: server.peakRssMiB() },
        });
      } finally {
        await server.stop();
      }
    }
  }
  return {
    name: 'list',
    title: 'Staff list and dashboard, and how cost grows with volume',
    machine: machine(),
    quick: options.quick,
    startedAt,
    finishedAt: new Date().toISOString(),
    setup: [
      `Datasets of ${options.sizes.join(', ')} complaints made by \`verbeterpunt demo --complaints\` (receipt over ten years, so a year holds a tenth), kept in bench/results/tmp/ and in PostgreSQL databases vp_bench_size_<n> between runs; PostgreSQL is vacuumed and analysed after filling, as autovacuum would have it.`,
      `Each list query: ${LIST_CONNECTIONS} connections for ${settings.durationS} s after ${settings.warmupS} s of warm-up, as the demo quality manager (sees every case) with a personal access token; the dashboard with a signed-in session cookie. Only 200 answers count.`,
      'After the lists, one intake run at 50 connections on the same database shows how intake grows with the table.',
    ],
    figures,
    notes,
  };
}
