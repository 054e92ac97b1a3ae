// What operators ask the database: is it ready (reachable, every migration in drizzle/ applied),
// and how many of its connections are busy. Each answer is bounded in time by the caller.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { DatabaseTimeoutError } from '../db/outage.js';
import type { Db } from '../db/open.js';

/** Resolves with `work`'s value, or rejects with a DatabaseTimeoutError after `ms`. */
export async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeoutError(`the database did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

const journal = fileURLToPath(new URL('../../drizzle/meta/_journal.json', import.meta.url));
let expected: number | undefined;
/** How many migrations drizzle/ holds (read once). */
function migrationsShipped(): number {
  expected ??= (JSON.parse(readFileSync(journal, 'utf8')) as { entries: unknown[] }).entries.length;
  return expected;
}

export class NotMigratedError extends Error {}

/**
 * Resolves when the database answers and has every migration of this build applied; rejects
 * with the reason otherwise (what /ready answers 503 with). One statement.
 */
export async function checkMigrated(db: Db): Promise<void> {
  let applied: number;
  try {
    applied = Number((await rowsOf(db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)))[0]?.n ?? 0);
  } catch (error) {
    // 42P01: no migrations table yet (a database never migrated).
    if ((error as { cause?: { code?: string }; code?: string }).cause?.code === '42P01' || (error as { code?: string }).code === '42P01') {
      throw new NotMigratedError('no migration has been applied');
    }
    throw error;
  }
  const shipped = migrationsShipped();
  if (applied < shipped) throw new NotMigratedError(`${applied} of ${shipped} migrations applied`);
}

/**
 * PostgreSQL: connections of flowshare's driver to this database that run a statement or hold a
 * transaction, this one excepted (every process: postgres.js hides its pool's state).
 */
export async function poolInUse(db: Db): Promise<number> {
  const rows = await rowsOf(
    db.execute(sql`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and backend_type = 'client backend' and state <> 'idle'
        and application_name = current_setting('application_name') and pid <> pg_backend_pid()`),
  );
  return Number(rows[0]?.n ?? 0);
}

/** drizzle's execute answers rows (postgres.js) or { rows } (PGlite). */
async function rowsOf(result: Promise<unknown>): Promise<{ n?: unknown }[]> {
  const value = (await result) as { rows?: { n?: unknown }[] } | { n?: unknown }[];
  return Array.isArray(value) ? value : (value.rows ?? []);
}
