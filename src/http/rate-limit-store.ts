/**
 * A @fastify/rate-limit store in the database, for several app instances on one PostgreSQL: the public
 * submission limit is then N per client in total, not N per instance. (@fastify/rate-limit keeps its counts in
 * memory per process otherwise.) On SQLite the app runs on one machine by definition and keeps the in-memory
 * store, which costs nothing per request.
 *
 * One statement per request, atomic under concurrency: an upsert that starts a new window when the old one
 * has ended and otherwise adds one, with the time taken from the database's clock so that instances with
 * different clocks agree. Expired rows are deleted now and then.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** What the plugin passes to `child` at run time: the route's merged limit options with its route. */
interface ChildOptions {
  routeInfo?: { method?: string | string[]; url?: string };
}

/** Delete expired rows about once per this many increments. */
const CLEANUP_EVERY = 500;

/**
 * The store class for the plugin's `store` option (the plugin constructs it with its own options). Each
 * route with its own limit gets a child store whose keys start with the route.
 */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  let increments = 0;

  class DatabaseRateLimitStore {
    constructor(
      _options?: unknown,
      readonly prefix = '',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number, _max?: number): void {
      increment(`${this.prefix}${key}`, timeWindow).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
      if (++increments % CLEANUP_EVERY === 0) deleteExpired().catch(() => {});
    }

    read(key: string, callback: Callback): void {
      current(`${this.prefix}${key}`).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }

    // Typed by the plugin as the route's options; at run time they are the merged limit options (ChildOptions).
    child(routeOptions: object): FastifyRateLimitStore {
      const { method = '', url = '' } = (routeOptions as ChildOptions).routeInfo ?? {};
      return new DatabaseRateLimitStore(undefined, `${this.prefix}${String(method)}${url}-`);
    }
  }

  const nowMs = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

  async function increment(key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
    const { rows } = await sql<{ count: number; ttl: number }>`
      with clock as (select ${nowMs} as now_ms)
      insert into rate_limits as r (key, count, window_ends_at)
        select ${key}, 1, now_ms + ${windowMs} from clock
      on conflict (key) do update set
        count = case when r.window_ends_at <= excluded.window_ends_at - ${windowMs} then 1 else r.count + 1 end,
        window_ends_at = case when r.window_ends_at <= excluded.window_ends_at - ${windowMs}
          then excluded.window_ends_at else r.window_ends_at end
      returning count, window_ends_at - (select now_ms from clock) as ttl`.execute(db.kysely);
    const row = rows[0]!;
    return { current: Number(row.count), ttl: Math.max(0, Number(row.ttl)) };
  }

  async function current(key: string): Promise<{ current: number; ttl: number }> {
    const { rows } = await sql<{ count: number; ttl: number }>`
      select count, window_ends_at - ${nowMs} as ttl from rate_limits
      where key = ${key} and window_ends_at > ${nowMs}`.execute(db.kysely);
    const row = rows[0];
    return row ? { current: Number(row.count), ttl: Number(row.ttl) } : { current: 0, ttl: 0 };
  }

  async function deleteExpired(): Promise<void> {
    await sql`delete from rate_limits where window_ends_at < ${nowMs} - 60000`.execute(db.kysely);
  }

  return DatabaseRateLimitStore;
}
