/**
 * Child processes of a benchmark: the server under test (the real app, started as `verbeterpunt serve` would
 * be, or a bare comparison server), the load generator, and one-off CLI commands. Nothing is measured in the
 * orchestrating process itself.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadResult, LoadSpec } from './load-child.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'verbeterpunt.js');
const TSX = ['--import', 'tsx'];

export interface Server {
  url: string;
  pid: number;
  /** The highest resident set size seen since the last reset, in MiB (sampled every 200 ms). */
  peakRssMiB(): number;
  resetPeak(): void;
  stop(): Promise<void>;
}

/** Waits for the first line that matches `pattern` on stdout and returns its first group. */
function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  what: string,
  timeoutMs = 120_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let errors = '';
    const timer = setTimeout(
      () => reject(new Error(`${what}: no start within ${timeoutMs} ms\n${errors}`)),
      timeoutMs,
    );
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      errors = (errors + chunk).slice(-4000);
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const match = pattern.exec(buffer);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
        buffer = '';
      } else if (buffer.length > 100_000) buffer = buffer.slice(-10_000);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code} before it started\n${errors}`));
    });
  });
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // After "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function serverFrom(child: ChildProcess, pattern: RegExp, what: string): Promise<Server> {
  const url = await waitForLine(child, pattern, what);
  child.stdout?.removeAllListeners('data');
  child.stdout?.resume();
  return serverOf(child, url);
}

function serverOf(child: ChildProcess, url: string): Server {
  const pid = child.pid as number;
  let peak = rssMiB(pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMiB(pid));
  }, 200);
  return {
    url,
    pid,
    peakRssMiB: () => Math.round(Math.max(peak, rssMiB(pid))),
    resetPeak: () => {
      peak = rssMiB(pid);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(sampler);
        if (child.exitCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The real app: `node bin/verbeterpunt.js serve` on a free port, configured by `env` alone. Its stdout (the
 * start message and a JSON log line per request) goes to a file, as to a log collector that keeps up: a pipe
 * drained by this process would stall the server's synchronous logging whenever the machine is busy.
 */
export async function startApp(env: Record<string, string>, logFile: string): Promise<Server> {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', out, 'pipe'],
  });
  closeSync(out);
  let errors = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    errors = (errors + chunk).slice(-4000);
  });
  const started = Date.now();
  for (;;) {
    const match = /Verbeterpunt is running at (http:\/\/\S+)/.exec(
      readFileSync(logFile, 'utf8').slice(0, 100_000),
    );
    if (match) return serverOf(child, match[1] as string);
    if (child.exitCode !== null)
      throw new Error(`verbeterpunt serve exited with ${child.exitCode}\n${errors}`);
    if (Date.now() - started > 120_000)
      throw new Error(`verbeterpunt serve: no start within 120 s\n${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A comparison server of bench/servers/ (prints `listening <url>`). */
export function startBare(
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<Server> {
  const child = spawn(process.execPath, [...TSX, path.join(ROOT, 'bench', 'servers', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return serverFrom(child, /listening (http:\/\/\S+)/, script);
}

/** Runs autocannon in its own process against `spec.url`. */
export function load(spec: LoadSpec): Promise<LoadResult> {
  return runJson<LoadResult>([
    ...TSX,
    path.join(ROOT, 'bench', 'lib', 'load-child.ts'),
    JSON.stringify(spec),
  ]);
}

/** Runs a node script (TypeScript through tsx) in a child process and parses the last line of stdout as JSON. */
export async function runScript<T>(
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<T> {
  return runJson<T>([...TSX, path.join(ROOT, script), ...args], env);
}

function runJson<T>(args: string[], env: Record<string, string> = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-8000);
    });
    child.on('exit', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited with ${code}\n${stderr}`));
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${args.join(' ')} printed no JSON: ${last}\n${stderr}`));
      }
    });
  });
}

/** `verbeterpunt <args>` against the database in `env`; resolves with stdout, rejects on a non-zero exit. */
export function cli(
  args: string[],
  env: Record<string, string>,
  options: { showProgress?: boolean } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', options.showProgress ? 'inherit' : 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-8000);
    });
    child.on('exit', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`verbeterpunt ${args.join(' ')} exited with ${code}\n${stderr}`)),
    );
  });
}
