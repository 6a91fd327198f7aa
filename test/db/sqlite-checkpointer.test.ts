/**
 * Background WAL checkpoints (the server's SQLite connection): commits reach the database file without any
 * commit paying for a checkpoint, and closing leaves no WAL behind. Checked by reading the database file on its
 * own (a copy without its -wal file), which holds a row only once a checkpoint has copied it there.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { CHECKPOINT_INTERVAL_MS } from '../../src/db/sqlite-checkpointer.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'verbeterpunt-checkpoint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The rows of `notes` in a copy of the database file alone, as a crash that lost the WAL would see it. */
function rowsInFileAlone(file: string, name: string): number {
  const copy = path.join(dir, `${name}-file-only.sqlite`);
  copyFileSync(file, copy);
  const reader = new SqliteDatabase(copy, { readonly: true });
  try {
    const table = reader.prepare("select name from sqlite_master where name = 'notes'").get();
    if (!table) return 0;
    return (reader.prepare('select count(*) as n from notes').get() as { n: number }).n;
  } finally {
    reader.close();
  }
}

async function writeNotes(url: string, count: number, db: Awaited<ReturnType<typeof openDatabase>>) {
  await sql`create table if not exists notes (id integer primary key, body text not null)`.execute(db.kysely);
  for (let i = 0; i < count; i++)
    await sql`insert into notes (body) values (${`note ${i}`})`.execute(db.kysely);
  return url;
}

describe('SQLite checkpoints', () => {
  it('background: the worker copies committed rows into the database file; automatic commits leave them in the WAL until 1 000 pages', async () => {
    const backgroundFile = path.join(dir, 'background.sqlite');
    const automaticFile = path.join(dir, 'automatic.sqlite');
    const background = await openDatabase(`sqlite:${backgroundFile}`, { sqliteCheckpoints: 'background' });
    const automatic = await openDatabase(`sqlite:${automaticFile}`);
    try {
      await writeNotes(backgroundFile, 20, background);
      await writeNotes(automaticFile, 20, automatic);
      const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(
        background.kysely,
      );
      expect(rows[0]?.wal_autocheckpoint).toBe(0);
      // A few of the worker's intervals.
      let seen = 0;
      for (let waited = 0; waited < 5_000 && seen < 20; waited += CHECKPOINT_INTERVAL_MS) {
        await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_INTERVAL_MS));
        seen = rowsInFileAlone(backgroundFile, 'background');
      }
      expect(seen).toBe(20);
      // 20 small commits stay far below SQLite's automatic threshold: still only in the WAL.
      expect(rowsInFileAlone(automaticFile, 'automatic')).toBe(0);
      // Both still read every row through their connection.
      for (const db of [background, automatic]) {
        const count = await sql<{ n: number }>`select count(*) as n from notes`.execute(db.kysely);
        expect(count.rows[0]?.n).toBe(20);
      }
    } finally {
      await background.close();
      await automatic.close();
    }
    // Closed: the main connection was the last, so SQLite checkpointed and removed the WAL.
    expect(existsSync(`${backgroundFile}-wal`)).toBe(false);
    expect(rowsInFileAlone(backgroundFile, 'background-closed')).toBe(20);
  });

  it('background checkpoints do not apply to an in-memory database', async () => {
    const db = await openDatabase('sqlite::memory:', { sqliteCheckpoints: 'background' });
    try {
      const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(
        db.kysely,
      );
      expect(rows[0]?.wal_autocheckpoint).toBe(1000);
    } finally {
      await db.close();
    }
  });
});
