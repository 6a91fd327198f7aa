/**
 * The databases the benchmarks run against, filled by `verbeterpunt demo --complaints` (bulk, built by the
 * domain). They are kept between runs in bench/results/tmp/ (SQLite) and as databases vp_bench_<n>
 * (PostgreSQL), since a million complaints take minutes to make; a larger one is grown from a copy of the next
 * smaller one. `--fresh` makes them again.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { Dialect } from '../../src/db/database.ts';
import { cli, ROOT } from './processes.ts';

export const DATA_DIR = path.join(ROOT, 'bench', 'results', 'tmp');
export const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** The demo quality manager (demo-data.ts): sees every case. */
export const QM_EMAIL = 'marieke.dejong@loket3.example';
/** Receipt spread over ten years: a year holds a tenth of the complaints (the annual analysis's case). */
export const YEARS = 10;

export interface Dataset {
  dialect: Dialect;
  name: string;
  /** DATABASE_URL (and nothing else): what the app and the CLI need to find it. */
  env: Record<string, string>;
}

function postgresUrl(database: string): string {
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export function datasetOf(dialect: Dialect, name: string): Dataset {
  if (dialect === 'sqlite')
    return { dialect, name, env: { DATABASE_URL: `sqlite:${path.join(DATA_DIR, `${name}.sqlite`)}` } };
  return {
    dialect,
    name,
    env: { DATABASE_URL: postgresUrl(`vp_bench_${name.replace(/[^a-z0-9_]/g, '_')}`) },
  };
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const databaseName = (dataset: Dataset) => new URL(dataset.env.DATABASE_URL as string).pathname.slice(1);
const sqliteFile = (dataset: Dataset) => (dataset.env.DATABASE_URL as string).slice('sqlite:'.length);

export async function exists(dataset: Dataset): Promise<boolean> {
  if (dataset.dialect === 'sqlite') return existsSync(sqliteFile(dataset));
  return admin(
    async (c) =>
      (await c.query('select 1 from pg_database where datname = $1', [databaseName(dataset)])).rowCount === 1,
  );
}

export async function drop(dataset: Dataset): Promise<void> {
  if (dataset.dialect === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqliteFile(dataset)}${suffix}`, { force: true });
    return;
  }
  await admin((c) => c.query(`drop database if exists ${databaseName(dataset)} with (force)`));
}

/** An empty database (the app migrates it on first use). */
export async function create(dataset: Dataset, copyOf?: Dataset): Promise<void> {
  await drop(dataset);
  if (dataset.dialect === 'sqlite') {
    mkdirSync(DATA_DIR, { recursive: true });
    // The source was closed cleanly by its last process, so its WAL is checkpointed into the main file.
    if (copyOf) copyFileSync(sqliteFile(copyOf), sqliteFile(dataset));
    return;
  }
  await admin((c) =>
    c.query(`create database ${databaseName(dataset)}${copyOf ? ` template ${databaseName(copyOf)}` : ''}`),
  );
}

/** How many complaints it holds. */
export async function countComplaints(dataset: Dataset): Promise<number> {
  if (dataset.dialect === 'sqlite') {
    const db = new SqliteDatabase(sqliteFile(dataset), { readonly: true });
    try {
      return (db.prepare('select count(*) as n from complaints').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: dataset.env.DATABASE_URL });
  await client.connect();
  try {
    return Number((await client.query('select count(*) as n from complaints')).rows[0].n);
  } finally {
    await client.end();
  }
}

/** Adds `count` bulk demo complaints (receipt over YEARS years), with a seed of its own per call. */
export async function grow(
  dataset: Dataset,
  count: number,
  seed: number,
  log: (line: string) => void,
): Promise<void> {
  const started = Date.now();
  await cli(
    ['demo', '--complaints', String(count), '--seed', String(seed), '--years', String(YEARS)],
    dataset.env,
    {
      showProgress: process.stderr.isTTY,
    },
  );
  if (dataset.dialect === 'postgres') {
    // Fresh statistics and the visibility map, as autovacuum would have them on a database in use.
    const client = new pg.Client({ connectionString: dataset.env.DATABASE_URL });
    await client.connect();
    await client.query('vacuum analyze');
    await client.end();
  }
  log(
    `  ${dataset.dialect} ${dataset.name}: +${count} complaints in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

/**
 * The dataset of `size` complaints: reused when it exists with at least that many, else copied from the
 * largest smaller one in `sizes` and grown.
 */
export async function sizedDataset(
  dialect: Dialect,
  size: number,
  sizes: readonly number[],
  options: { fresh: boolean; log: (line: string) => void },
): Promise<Dataset> {
  const dataset = datasetOf(dialect, `size_${size}`);
  if (!options.fresh && (await exists(dataset))) {
    const held = await countComplaints(dataset).catch(() => 0);
    if (held >= size) return dataset;
  }
  const smaller = [...sizes].filter((s) => s < size).sort((a, b) => b - a);
  let base: Dataset | undefined;
  for (const s of smaller) {
    const candidate = datasetOf(dialect, `size_${s}`);
    if ((await exists(candidate)) && (await countComplaints(candidate).catch(() => 0)) >= s) {
      base = candidate;
      break;
    }
  }
  await create(dataset, base);
  const held = base ? await countComplaints(dataset) : 0;
  options.log(
    `  making ${dialect} dataset of ${size} complaints${base ? ` from ${base.name} (${held})` : ''}`,
  );
  if (size > held) await grow(dataset, size - held, size, options.log);
  return dataset;
}

/** A personal access token of the demo quality manager (a new one per run). */
export async function qualityManagerToken(dataset: Dataset): Promise<string> {
  return (await cli(['token', 'create', '--email', QM_EMAIL, '--name', 'benchmark'], dataset.env)).trim();
}
