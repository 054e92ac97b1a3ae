// The embedded data-dir lock (issue 11, item 11): many processes racing
// over a stale lock, exactly one wins every time; a live lock is refused with a clear
// message; a stale one (dead pid, reused pid, our own pid from an earlier life) is taken over.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../src/db/lock.js';

const LOCK = 'flowshare.lock';
const CHILDREN = 6;
const TRIALS = 20;

type Child = { process: ChildProcess; next(timeoutMs?: number): Promise<string>; send(line: string): void };

function startChild(): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/lock-child.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  return {
    process: child,
    send: (line) => void child.stdin!.write(`${line}\n`),
    next: (timeoutMs = 10_000) =>
      lines.length > 0
        ? Promise.resolve(lines.shift()!)
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`child ${child.pid}: no answer in ${timeoutMs} ms`)), timeoutMs);
            waiting.push((line) => {
              clearTimeout(timer);
              resolve(line);
            });
          }),
  };
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowshare-lock-'));
  dirs.push(dir);
  return dir;
};
const holderPid = (dir: string) => {
  const text = readFileSync(join(dir, LOCK), 'utf8').trim();
  return /^\d+$/.test(text) ? Number(text) : (JSON.parse(text) as { pid: number }).pid;
};
const onLinux = existsSync('/proc/self/stat');

let children: Child[] = [];
beforeAll(async () => {
  children = Array.from({ length: CHILDREN }, startChild);
  expect(await Promise.all(children.map((c) => c.next(20_000)))).toEqual(children.map(() => 'ready'));
}, 60_000);
afterAll(() => {
  for (const c of children) c.process.stdin!.end();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('processes starting at once', () => {
  it(`exactly one of ${CHILDREN} takes the lock, over ${TRIALS} trials, whatever stale lock they find`, async () => {
    const dead = await deadPid();
    const stale: (undefined | string)[] = [
      undefined, // no lock yet
      JSON.stringify({ pid: dead, start: null, token: 'a-dead-process' }),
      String(dead), // the bare pid of earlier versions
      // A live pid (this test's) that started at another time: the pid was reused.
      JSON.stringify({ pid: process.pid, start: 'another-boot:1', token: 'a-reused-pid' }),
      '', // empty or garbage: not a lock anyone holds
    ];
    let trials = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const dir = freshDir();
      const found = stale[trial % stale.length];
      if (found?.includes('a-reused-pid') && !onLinux) continue;
      if (found !== undefined) writeFileSync(join(dir, LOCK), found);
      const at = Date.now() + 150;
      for (const c of children) c.send(`take ${dir} ${at}`);
      const answers = await Promise.all(children.map((c) => c.next()));
      const won = children.filter((_, i) => answers[i] === 'won');
      expect(won, `trial ${trial}: ${JSON.stringify(answers)}`).toHaveLength(1);
      const winner = won[0]!.process.pid!;
      expect(holderPid(dir)).toBe(winner);
      for (const answer of answers.filter((a) => a !== 'won')) {
        expect(answer).toMatch(new RegExp(`^refused the embedded database at .* is in use by process ${winner}; stop that process first`));
      }
      won[0]!.send('release');
      expect(await won[0]!.next()).toBe('released');
      // Nothing left behind: no lock, no temp file, no takeover claim.
      expect(readdirSync(dir)).toEqual([]);
      trials++;
    }
    expect(trials).toBeGreaterThanOrEqual(onLinux ? TRIALS : TRIALS - 4);
  }, 120_000);
});

describe('one process', () => {
  it('refuses a live lock with a message naming its holder', async () => {
    const dir = freshDir();
    const [holder] = children;
    holder!.send(`take ${dir} 0`);
    expect(await holder!.next()).toBe('won');
    try {
      const refused = await lockDataDir(dir).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(DataDirLockedError);
      expect((refused as Error).message).toBe(
        `the embedded database at ${dir} is in use by process ${holder!.process.pid}; stop that process first (or use DATABASE_URL to share a PostgreSQL database)`,
      );
      expect(holderPid(dir)).toBe(holder!.process.pid);
    } finally {
      holder!.send('release');
      expect(await holder!.next()).toBe('released');
    }
  });

  it('takes over a lock whose process is gone, and lets it go', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, LOCK), JSON.stringify({ pid: await deadPid(), start: null, token: 'gone' }));
    const release = await lockDataDir(dir);
    expect(holderPid(dir)).toBe(process.pid);
    release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it.runIf(onLinux)('takes over a lock whose pid now belongs to another process (pid reuse)', async () => {
    const dir = freshDir();
    const [other] = children;
    writeFileSync(join(dir, LOCK), JSON.stringify({ pid: other!.process.pid, start: 'another-boot:42', token: 'reused' }));
    const release = await lockDataDir(dir);
    expect(holderPid(dir)).toBe(process.pid);
    release();
  });

  it('takes over a lock naming its own pid that it does not hold (a restarted container), refuses one it holds', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, LOCK), JSON.stringify({ pid: process.pid, start: null, token: 'an-earlier-life' }));
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toThrow(`is in use by process ${process.pid}`);
    release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes over a stale lock left with a takeover claim by a process that died mid-takeover', async () => {
    const dir = freshDir();
    const dead = await deadPid();
    const staleLock = JSON.stringify({ pid: dead, start: null, token: 'stale' });
    writeFileSync(join(dir, LOCK), staleLock);
    const digest = (await import('node:crypto')).createHash('sha256').update(staleLock).digest('hex').slice(0, 32);
    writeFileSync(join(dir, `${LOCK}.takeover-${digest}`), JSON.stringify({ pid: dead, start: null, token: 'died-taking-over' }));
    const release = await lockDataDir(dir);
    expect(holderPid(dir)).toBe(process.pid);
    expect(readdirSync(dir)).toEqual([LOCK]);
    release();
  });
});
