/**
 * Runs the real CLI (`node bin/verbeterpunt.js …`) in a child process, as a user would, in a scratch working
 * directory so that a developer's `.env` or `config/organisation.json` cannot leak in.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/verbeterpunt.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A scratch directory; `remove()` deletes it. */
export function scratchDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'verbeterpunt-cli-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function runCli(
  args: string[],
  options: { env?: Record<string, string>; cwd: string; stdin?: string },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: {
        ...process.env,
        // Never the developer's database or settings file.
        DATABASE_URL: `sqlite:${path.join(options.cwd, 'unset.sqlite')}`,
        ORGANISATION_SETTINGS: path.join(options.cwd, 'no-organisation.json'),
        LOG_LEVEL: 'silent',
        ...options.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
