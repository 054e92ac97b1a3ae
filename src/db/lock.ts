// The embedded database belongs to one process at a time. A second process on the same
// data dir (say `npm run directory -- import` while the server runs) stops here with a
// clear message instead of corrupting it.
//
// How the lock stays atomic, even when several processes start at once over a lock file
// left by a process that was killed:
// - A lock file is only ever created whole: written to a temp file of our own, then
//   `link()`ed to its name, which fails if the name exists (O_EXCL for a complete file; no
//   one ever reads a half-written lock).
// - A lock file names its holder: pid, the process's start time (Linux: boot id and start
//   tick from /proc, so a reused pid is not taken for the holder) and a random token.
//   It is live while that process runs; otherwise stale.
// - A stale lock is replaced only by the process that first creates the takeover claim
//   named after that stale file's exact content (`flowshare.lock.takeover-<digest>`, by the
//   same link). Only the claim's holder replaces the lock (rename over it), so no one can
//   remove a lock that another process has just taken. A claim whose holder died is itself
//   a stale lock file, taken over the same way.
import { createHash, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';

export class DataDirLockedError extends Error {}

const LOCK = 'flowshare.lock';
const CLAIM = `${LOCK}.takeover-`;
/** How long to wait for another process that is taking over a stale lock right now. */
const BUSY_WAIT_MS = 5_000;

type Holder = { pid: number; start: string | null; token: string };
/** Tokens of the locks this process holds: a lock naming our own pid is ours only if listed here. */
const held = new Set<string>();

export async function lockDataDir(dataDir: string): Promise<() => void> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK);
  const me: Holder = { pid: process.pid, start: startOf(process.pid), token: randomBytes(16).toString('hex') };
  const content = JSON.stringify(me);
  const deadline = Date.now() + BUSY_WAIT_MS;
  for (;;) {
    const outcome = take(dataDir, file, content, 0);
    if (outcome === 'taken') break;
    if (typeof outcome === 'object') {
      throw new DataDirLockedError(
        `the embedded database at ${resolve(dataDir)} is in use by process ${outcome.pid}; ` +
          'stop that process first (or use DATABASE_URL to share a PostgreSQL database)',
      );
    }
    if (Date.now() > deadline) {
      throw new DataDirLockedError(`could not lock ${resolve(dataDir)}: another process kept taking over its stale lock`);
    }
    await pause(outcome === 'busy' ? 10 : 1);
  }
  held.add(me.token);
  removeLeftoverClaims(dataDir);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.delete(me.token);
    if (read(file)?.holder?.token === me.token) unlinkQuietly(file);
  };
}

/**
 * One attempt at making `path` hold `content`: 'taken'; the live holder; 'busy' (another
 * live process is taking over a stale lock: wait and try again); 'retry' (the file changed
 * under us: try again now).
 */
function take(dir: string, path: string, content: string, depth: number): 'taken' | 'busy' | 'retry' | Holder {
  if (create(dir, path, content)) return 'taken';
  const seen = read(path);
  if (!seen) return 'retry'; // released meanwhile
  if (seen.holder && isLive(seen.holder)) return seen.holder;
  // Stale. Only the process holding the claim named after this exact content may replace it.
  if (depth >= 4) return 'busy';
  const claim = join(dir, `${CLAIM}${seen.digest}`);
  const claimed = take(dir, claim, content, depth + 1);
  if (claimed !== 'taken') return claimed === 'retry' ? 'retry' : 'busy';
  try {
    // Someone may have replaced it (and dropped their claim) between our read and our claim.
    if (read(path)?.digest !== seen.digest) return 'retry';
    const temp = tempName(dir);
    writeFileSync(temp, content, { flag: 'wx' });
    renameSync(temp, path);
    return 'taken';
  } finally {
    unlinkQuietly(claim);
  }
}

/** Creates `path` holding `content` if no file has that name, atomically and whole. */
function create(dir: string, path: string, content: string): boolean {
  const temp = tempName(dir);
  writeFileSync(temp, content, { flag: 'wx' });
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkQuietly(temp);
  }
}

/** The file's holder (null if unreadable as one: stale) and a digest of its exact content; undefined if absent. */
function read(path: string): { holder: Holder | null; digest: string } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return { holder: parse(text), digest: createHash('sha256').update(text).digest('hex').slice(0, 32) };
}

function parse(text: string): Holder | null {
  const trimmed = text.trim();
  // Locks written before this format held the bare pid.
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), start: null, token: '' };
  try {
    const value = JSON.parse(trimmed) as Partial<Holder>;
    if (Number.isInteger(value.pid) && (value.pid as number) > 0 && typeof value.token === 'string') {
      return { pid: value.pid as number, start: typeof value.start === 'string' ? value.start : null, token: value.token };
    }
  } catch {
    // not a lock we wrote: stale
  }
  return null;
}

function isLive(holder: Holder): boolean {
  // Our own pid: a lock this process holds, or one left by an earlier process with the same
  // pid (containers restart as the same pid).
  if (holder.pid === process.pid) return held.has(holder.token);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // Alive: the holder unless the pid now belongs to a process started at another time.
  const start = holder.start === null ? null : startOf(holder.pid);
  return start === null || start === holder.start;
}

/** Linux: the boot and the start tick of a process, which with the pid name it uniquely. Null elsewhere. */
function startOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses); start time is field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return `${boot}:${fields[19]}`;
  } catch {
    return null;
  }
}

function tempName(dir: string): string {
  return join(dir, `${LOCK}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Claims left by processes that died mid-takeover, once the lock is ours (no one needs them then). */
function removeLeftoverClaims(dir: string) {
  for (const name of readdirSync(dir)) if (name.startsWith(CLAIM)) unlinkQuietly(join(dir, name));
}

function unlinkQuietly(path: string) {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
