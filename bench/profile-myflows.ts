// Profiling aid for the myflows case (issue #13): seeds the myflows tenant once into the
// PostgreSQL of DATABASE_URL (reused on later runs), starts flowshare in-process and drives it
// with autocannon in a child process. PROFILE_OUT=<file.cpuprofile> records a CPU profile of
// the server during the measured load only, PROFILE_HEAP=<file.heapprofile> its sampled allocations (collected ones too), (not startup, seeding or warm-up). PROFILE_SECONDS sets the load's length (default 10); PROFILE_TARGET=flowshare
// skips the floor (measured first otherwise, for the ratio). Summarize the .cpuprofile with bench/profile-summary.ts.
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { signToken, tokenVerifier } from '../src/auth/tokens.js';
import { openDatabase } from '../src/db/open.js';
import { LogFeed } from '../src/events/feed.js';
import { startServer } from '../src/server.js';
import { startBaseline } from './baseline.js';
import { QUERY, seed } from './myflows.js';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const seconds = Number(process.env.PROFILE_SECONDS ?? 10);
const SECRET = randomUUID() + randomUUID();

const database = await openDatabase({ databaseUrl, poolSize: 10 });
await database.migrate();
// A maker seeded by an earlier run, or a new one.
const existing = (await database.db.execute("select external_id from users where external_id like 'maker-bench%' limit 1")) as unknown as
  | { external_id: string }[]
  | { rows: { external_id: string }[] };
const rows = Array.isArray(existing) ? existing : existing.rows;
const subject = rows[0]?.external_id ?? (await seed(database.db));
const verify = tokenVerifier({ kind: 'secret', secret: SECRET });
const token = await signToken(SECRET, subject);
const feed = await LogFeed.start(database, { pollMs: 1000 });
const server = await startServer({ db: database.db, feed, verify, port: 0, host: '127.0.0.1', quiet: true });
const baseline = await startBaseline(databaseUrl, verify);
const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
type Result = { requests: { average: number }; latency: { p50: number }; errors: number; non2xx: number };
const run = async (url: string, duration: number) => {
  const args = [cli, '-j', '-c', '10', '-d', String(duration), '-m', 'POST', '-H', 'content-type=application/json'];
  args.push('-H', `authorization=Bearer ${token}`, '-b', JSON.stringify({ query: QUERY }), url);
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 24 });
  return JSON.parse(stdout) as Result;
};
const report = (name: string, r: Result) =>
  console.log(`${name}: ${r.requests.average.toFixed(1)} req/s, p50 ${r.latency.p50} ms, errors ${r.errors + r.non2xx}`);
try {
  // PROFILE_ROUNDS=n: no profile, n interleaved rounds of floor then flowshare (PROFILE_SECONDS
  // each), each round's ratio and their median: steadier than one pair on a shared machine.
  const rounds = Number(process.env.PROFILE_ROUNDS ?? 0);
  if (rounds > 0) {
    await run(baseline.url, 2);
    await run(server.url, 2);
    const ratios: number[] = [];
    // This process's CPU per request while each runs (the floor and flowshare take turns in it):
    // less swayed by the machine's other load than req/s.
    const measured = async (url: string) => {
      const cpu = process.cpuUsage();
      const result = await run(url, seconds);
      const { user, system } = process.cpuUsage(cpu);
      return { result, cpuMs: (user + system) / 1000 / (result.requests.average * seconds) };
    };
    for (let i = 0; i < rounds; i++) {
      const [floor, ours] = [await measured(baseline.url), await measured(server.url)];
      ratios.push(ours.result.requests.average / floor.result.requests.average);
      console.log(
        `round ${i + 1}: floor ${floor.result.requests.average.toFixed(1)} req/s (${floor.cpuMs.toFixed(1)} ms CPU/req), flowshare ${ours.result.requests.average.toFixed(1)} req/s (${ours.cpuMs.toFixed(1)} ms CPU/req), ratio ${ratios.at(-1)!.toFixed(2)}`,
      );
    }
    const sorted = [...ratios].sort((a, b) => a - b);
    console.log(`median ratio flowshare / baseline: ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)}`);
    process.exit(0);
  }
  // The floor first (unless PROFILE_TARGET=flowshare), then flowshare, profiled when asked.
  let floor: Result | undefined;
  if (process.env.PROFILE_TARGET !== 'flowshare') {
    await run(baseline.url, 2);
    floor = await run(baseline.url, seconds);
    report('baseline', floor);
  }
  await run(server.url, 2); // warm up
  const [out, heap] = [process.env.PROFILE_OUT, process.env.PROFILE_HEAP];
  const session = new Session();
  if (out || heap) session.connect();
  if (out) {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  // Sampled allocations (every 32 KiB on average) with their stacks, those the GC has collected
  // by the end included: the allocation rate by allocator, which is what the GC's share pays for.
  if (heap) {
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 32_768,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    } as never);
  }
  const result = await run(server.url, seconds);
  if (out) writeFileSync(out, JSON.stringify((await session.post('Profiler.stop')).profile));
  if (heap) writeFileSync(heap, JSON.stringify((await session.post('HeapProfiler.stopSampling')).profile));
  if (out || heap) session.disconnect();
  report('flowshare', result);
  if (floor) console.log(`ratio flowshare / baseline: ${(result.requests.average / floor.requests.average).toFixed(2)}`);
} finally {
  // Something of the server's keeps the loop alive after close (a keep-alive socket): bounded.
  setTimeout(() => process.exit(0), 3_000).unref();
  await server.close();
  await baseline.close();
  await feed.close();
  await database.close();
}
process.exit(0);
