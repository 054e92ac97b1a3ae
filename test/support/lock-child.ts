// A process that races for a data-dir lock (test/lock.test.ts). Commands on stdin, one per line:
// `take DIR AT` spins until Date.now() >= AT (so that every child starts in the same
// millisecond) and tries to lock DIR, answering `won`, `refused MESSAGE` or `error MESSAGE`;
// `release` lets the lock go (`released`). It exits when stdin ends.
import { createInterface } from 'node:readline';
import { DataDirLockedError, lockDataDir } from '../../src/db/lock.js';

let release: (() => void) | undefined;
const say = (line: string) => process.stdout.write(`${line}\n`);

createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, dir, at] = line.split(' ');
  if (command === 'take') {
    while (Date.now() < Number(at)); // a bounded spin (the parent gives a moment ahead)
    lockDataDir(dir!).then(
      (unlock) => {
        release = unlock;
        say('won');
      },
      (error: Error) => say(`${error instanceof DataDirLockedError ? 'refused' : 'error'} ${error.message}`),
    );
  } else if (command === 'release') {
    release?.();
    release = undefined;
    say('released');
  }
});
say('ready');
