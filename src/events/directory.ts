// The directory's own signal (S26): a change that may end someone's access (a departure, from
// the directory import or, later, SCIM) moves the directory version in its own transaction,
// and each process's feed reads that version in the same statement as its poll of the log
// (feed.ts). When it moves, the feed asks ONE question, which of its subscribers are no longer
// active, and ends their streams with UNAUTHENTICATED. A NOTIFY on its own channel after
// commit makes the other processes look at once; without it they see it at their next poll.
// A departure that writes no log row is still seen: the version is not the log's head.
import { eq, sql } from 'drizzle-orm';
import type { Database, Db, Tx } from '../db/open.js';
import { directoryVersion } from '../db/tables.js';

/** The NOTIFY channel; its payload is the directory version after the change. */
export const DIRECTORY_CHANNEL = 'flowshare_directory';

/**
 * Call inside the transaction of a directory change that may end someone's access (every
 * front door: the directory import, SCIM). Returns the new version; after the commit, call
 * notifyDirectoryChange (a process without a feed: the CLI) or feed.wake() so other
 * processes hear of it now rather than at their next poll.
 */
export async function announceDirectoryChange(tx: Tx): Promise<number> {
  const [row] = await tx
    .insert(directoryVersion)
    .values({ id: 1, version: 1 })
    .onConflictDoUpdate({ target: directoryVersion.id, set: { version: sql`${directoryVersion.version} + 1` } })
    .returning({ version: directoryVersion.version });
  return row!.version;
}

/** The version as a scalar subquery (0 before the first change), for the feed's poll. */
export const directoryVersionSql =
  sql<number>`coalesce((select ${directoryVersion.version} from ${directoryVersion} where ${directoryVersion.id} = 1), 0)`.mapWith(Number);

export async function readDirectoryVersion(db: Db): Promise<number> {
  const [row] = await db.select({ version: directoryVersion.version }).from(directoryVersion).where(eq(directoryVersion.id, 1));
  return row?.version ?? 0;
}

/** After the commit of a directory change, from a process without a feed. PostgreSQL only. */
export async function notifyDirectoryChange(database: Database): Promise<void> {
  if (!database.channels) return;
  await database.channels.notify(DIRECTORY_CHANNEL, String(await readDirectoryVersion(database.db)));
}
