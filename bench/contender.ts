// A server measured by a bench case, in a process of its own: the load generator (autocannon,
// in the bench's process) then takes no CPU from it, as it takes none from PostGraphile, which
// runs as a child process too (bench/peer.ts). On a 2-core machine a server sharing its event
// loop with the load generator serves fewer requests, and the cheaper the server the more so.
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
export type Contender = { url: string; pid: number; close(): Promise<void> };

/** Starts `kind` over `databaseUrl` in a child process; resolves once it listens. */
export function startContender(kind: ContenderKind, databaseUrl: string, secret: string): Promise<Contender> {
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
        pid: child.pid!,
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

async function serve(kind: ContenderKind) {
  const databaseUrl = process.env.DATABASE_URL!;
  const verify = tokenVerifier({ kind: 'secret', secret: process.env.BENCH_SECRET! });
  let close: () => Promise<void>;
  let url: string;
  if (kind === 'floor') {
    const baseline = await startBaseline(databaseUrl, verify);
    url = baseline.url;
    close = () => baseline.close();
  } else {
    const database = await openDatabase({ databaseUrl, poolSize: 10 });
    const feed = await LogFeed.start(database, { pollMs: 1000 });
    const server = await startServer({ db: database.db, feed, verify, port: 0, host: '127.0.0.1', quiet: true });
    url = server.url;
    close = async () => {
      await server.close();
      await feed.close();
      await database.close();
    };
  }
  process.once('SIGTERM', () => {
    void close().then(() => process.exit(0));
  });
  console.log(`listening ${url}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kind = process.argv[2];
  if (kind !== 'floor' && kind !== 'flowshare') throw new Error('usage: bench/contender.ts floor|flowshare');
  await serve(kind);
}
