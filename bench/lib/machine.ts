/** What every result file records about where and when it was measured. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  platform: string;
  date: string;
  commit: string;
  /** Uncommitted changes in the working tree when measured (other engineers share it). */
  dirty: boolean;
  /** 1, 5 and 15 minute load averages when the run started. */
  loadAtStart: number[];
}

export function machine(): Machine {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
    loadAtStart: loadNow(),
  };
}

/** The 1, 5 and 15 minute load averages, rounded: other engineers share the cores, so every figure notes it. */
export const loadNow = (): number[] => os.loadavg().map((value) => Math.round(value * 100) / 100);
