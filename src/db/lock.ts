// The embedded database belongs to one process at a time. A second process on the same
// data dir (say `npm run directory -- import` while the server runs) stops here with a
// clear message instead of corrupting it. The lock names its holder's pid, so a lock left
// by a process that was killed is taken over rather than blocking forever.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

export class DataDirLockedError extends Error {}

export async function lockDataDir(dataDir: string): Promise<() => void> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'flowshare.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8').trim());
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLockedError(
          `the embedded database at ${resolve(dataDir)} is in use by process ${holder}; ` +
            'stop that process first (or use DATABASE_URL to share a PostgreSQL database)',
        );
      }
      rmSync(file, { force: true }); // stale: its holder is gone
    }
  }
  throw new DataDirLockedError(`could not lock ${resolve(dataDir)}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
