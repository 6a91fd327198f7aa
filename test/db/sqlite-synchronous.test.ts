/** SQLITE_SYNCHRONOUS: read once from the environment, applied to every SQLite connection the app opens. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';

describe('SQLITE_SYNCHRONOUS', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'verbeterpunt-sync-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is normal unless set, and accepts full in any case', () => {
    expect(parseConfig({}).sqliteSynchronous).toBe('normal');
    expect(parseConfig({ SQLITE_SYNCHRONOUS: 'FULL' }).sqliteSynchronous).toBe('full');
    expect(parseConfig({ SQLITE_SYNCHRONOUS: ' normal ' }).sqliteSynchronous).toBe('normal');
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => parseConfig({ SQLITE_SYNCHRONOUS: 'off' })).toThrow(ConfigError);
    expect(() => parseConfig({ SQLITE_SYNCHRONOUS: 'off' })).toThrow(
      "SQLITE_SYNCHRONOUS must be normal or full (got 'off').",
    );
  });

  it('sets PRAGMA synchronous on the connection: 1 for NORMAL, 2 for FULL, in WAL mode', async () => {
    for (const [option, expected] of [
      [undefined, 1],
      ['normal', 1],
      ['full', 2],
    ] as const) {
      const db = await openDatabase(`sqlite:${path.join(dir, `${option ?? 'default'}.sqlite`)}`, {
        ...(option ? { sqliteSynchronous: option } : {}),
      });
      try {
        const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db.kysely);
        expect(rows[0]?.synchronous).toBe(expected);
        const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db.kysely);
        expect(mode.rows[0]?.journal_mode).toBe('wal');
      } finally {
        await db.close();
      }
    }
  });
});
