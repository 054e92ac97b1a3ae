// A server measured by a bench case (myflows, peer), in a process of its own by default: the
// load generator (autocannon, in the bench's process) then takes no CPU from it, as it takes
// none from PostGraphile, which runs as a child process too (bench/peer.ts). On a 2-core machine
// a server sharing its event loop with the load generator serves fewer requests, and the
// cheaper the server the more so. BENCH_IN_PROCESS=1 runs them in the bench's process instead
// (how these cases measured until issue #13's last figures).
//
// As a child: `node --import tsx bench/contender.ts floor|flowshare` with DATABASE_URL and
// BENCH_SECRET (the HS256 secret the bench signs its token with); prints "listening <url>",
// and closes cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tokenVerifier } from '../src/auth/tokens.js';
import { openDatabase } from '../src/db/open.js';
import { LogFeed } from '../src/events/feed.js';
import { startServer } from '../src/server.js';
import { startBaseline } from './baseline.js';

export type ContenderKind = 'floor' | 'flowshare';
export type Contender = { url: string; close(): Promise<void> };

export const IN_PROCESS = process.env.BENCH_IN_PROCESS === '1';
/** Where the cases' servers run, for their headings. */
export const PLACEMENT = IN_PROCESS ? "servers in the bench's process" : 'each server in a process of its own';

/** Starts `kind` over `databaseUrl`, in a child process unless BENCH_IN_PROCESS=1; resolves once it listens. */
export function startContender(kind: ContenderKind, databaseUrl: string, secret: string): Promise<Contender> {
  return IN_PROCESS ? startHere(kind, databaseUrl, secret) : startChild(kind, databaseUrl, secret);
}

function startChild(kind: ContenderKind, databaseUrl: string, secret: string): Promise<Contender> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), kind], {
    env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_SECRET: secret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening (\S+)/.exec(output)?.[1];
      if (!url) return;
      child.stdout!.off('data', onData);
      resolve({
        url,
        async close() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    void exited.then(() => reject(new Error(`the ${kind} process exited before listening:\n${output.slice(-3000)}`)));
  });
}

async function startHere(kind: ContenderKind, databaseUrl: string, secret: string): Promise<Contender> {
  const verify = tokenVerifier({ kind: 'secret', secret });
  if (kind === 'floor') return startBaseline(databaseUrl, verify);
  const database = await openDatabase({ databaseUrl, poolSize: 10 });
  const feed = await LogFeed.start(database, { pollMs: 1000 });
  const server = await startServer({ db: database.db, feed, verify, port: 0, host: '127.0.0.1', quiet: true });
  return {
    url: server.url,
    async close() {
      await server.close();
      await feed.close();
      await database.close();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kind = process.argv[2];
  if (kind !== 'floor' && kind !== 'flowshare') throw new Error('usage: bench/contender.ts floor|flowshare');
  const running = await startHere(kind, process.env.DATABASE_URL!, process.env.BENCH_SECRET!);
  process.once('SIGTERM', () => {
    void running.close().then(() => process.exit(0));
  });
  console.log(`listening ${running.url}`);
}
