// Bench case "start" (npm run bench -- start): start to ready of the production server on an
// existing embedded data dir, from spawn until it answers /health, against a floor measured in
// the same run: PGlite's own open of the same data dir (a bare `new PGlite(dir)` + `waitReady`
// in a child process, node's own start included). Goal: server <= 2 x floor + 0.3 s.
// Also measured, to say where the rest goes: the same start from source (tsx), through
// `npm start`, and the parts of a start one by one (node alone, loading the bundle, the packages
// left out of it, the unbundled modules tsc writes, openDatabase, migrate). Rounds alternate the variants so that a noisy machine
// slows them alike. BENCH_START_NODE: the node binary to measure with (default: this one);
// BENCH_START_ROUNDS (default 5).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { distStatus } from '../scripts/dist-status.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NODE = process.env.BENCH_START_NODE ?? process.execPath;
const ROUNDS = Number(process.env.BENCH_START_ROUNDS ?? 5);
const GOAL = (floorMs: number) => 2 * floorMs + 300;

export async function benchStart(): Promise<void> {
  const status = distStatus();
  if (!status.current) {
    console.log(`${status.reason}: npm run build`);
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const version = spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const work = mkdtempSync(join(tmpdir(), 'flowshare-bench-start-'));
  const dataDir = join(work, 'data');
  try {
    // The first start makes the data dir (initdb, migrations, the demo seed): not measured.
    console.log(`Node ${version}; first start on ${dataDir} (initdb, migrations, demo seed: not measured)`);
    await serverStart(dataDir, [join(ROOT, 'scripts/start.mjs')]);

    const variants: Record<string, () => Promise<number>> = {
      'PGlite open (floor)': () => pgliteOpen(dataDir),
      'server, compiled (node scripts/start.mjs)': () => serverStart(dataDir, [join(ROOT, 'scripts/start.mjs')]),
      'server, compiled (npm start)': () => serverStart(dataDir, ['npm', 'start', '--silent'], true),
      'server, from source (tsx)': () => serverStart(dataDir, ['--import', 'tsx', join(ROOT, 'src/main.ts')]),
      'part: node alone': () => nodeAlone(),
      'part: load the bundle (to a config error)': () => loadBundle(),
      'part: of which, load @electric-sql/pglite': () => loadPackage('@electric-sql/pglite'),
      'part: of which, load pino': () => loadPackage('pino'),
      'unbundled: load dist/main.js imports': () => loadModules(),
    };
    const times = new Map<string, number[]>(Object.keys(variants).map((k) => [k, []]));
    const parts = { open: [] as number[], migrate: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      const names = Object.keys(variants);
      // Rotate the order each round: whatever runs first or last is not always the same one.
      for (const name of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) {
        times.get(name)!.push(await variants[name]!());
      }
      const { openMs, migrateMs } = await openAndMigrate(dataDir);
      parts.open.push(openMs);
      parts.migrate.push(migrateMs);
    }

    const m = (name: string) => median(times.get(name)!);
    console.log(`\nmedian of ${ROUNDS} rounds, ms from spawn (load average ${loadAverage()}):`);
    for (const name of times.keys()) console.log(`  ${name.padEnd(44)} ${String(Math.round(m(name))).padStart(6)}`);
    console.log(`  ${'part: openDatabase (in process)'.padEnd(44)} ${String(Math.round(median(parts.open))).padStart(6)}`);
    console.log(`  ${'part: migrate, nothing to apply (in process)'.padEnd(44)} ${String(Math.round(median(parts.migrate))).padStart(6)}`);

    const floor = m('PGlite open (floor)');
    const server = m('server, compiled (node scripts/start.mjs)');
    const rest = server - m('part: load the bundle (to a config error)') - median(parts.open) - median(parts.migrate);
    console.log(`  ${'part: the rest (queries, feed, jobs, listen)'.padEnd(44)} ${String(Math.round(rest)).padStart(6)}`);
    const goal = GOAL(floor);
    console.log(
      `\ncompiled server ${Math.round(server)} ms = ${(server / floor).toFixed(2)} x PGlite's open (${Math.round(floor)} ms); ` +
        `goal <= 2 x open + 300 = ${Math.round(goal)} ms: ${server <= goal ? 'met' : 'NOT met'}`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Spawn to the first 200 from /health, then SIGTERM and wait for a clean exit (the data dir unlocked). */
async function serverStart(dataDir: string, args: string[], viaNpm = false): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const [command, ...rest] = viaNpm ? args : [NODE, ...args];
  // npm runs the node first on PATH: put ours there.
  const path = `${join(NODE, '..')}:${process.env.PATH ?? ''}`;
  const child = spawn(command!, rest, {
    cwd: ROOT,
    env: { ...process.env, PATH: path, FLOWSHARE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
    // npm does not pass a SIGTERM on to the server (nor wait for it): signal its whole group.
    detached: viaNpm,
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? String(code))));
  let failed: string | undefined;
  void exited.then((code) => (failed ??= `the server exited (code ${code}) before answering /health:\n${stderr.slice(-2000)}`));
  const deadline = started + 120_000;
  let ready = 0;
  while (!ready) {
    if (failed) throw new Error(failed);
    if (performance.now() > deadline) throw new Error(`no answer on /health within 120 s:\n${stderr.slice(-2000)}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) ready = performance.now() - started;
      await response.body?.cancel();
    } catch {
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  if (viaNpm) process.kill(-child.pid!, 'SIGTERM');
  else child.kill('SIGTERM');
  const code = await exited;
  if (code !== (viaNpm ? 'SIGTERM' : '0')) throw new Error(`the server exited with ${code} on SIGTERM:\n${stderr.slice(-2000)}`);
  // npm may end before the server has closed the database: wait for the data dir's lock to go.
  while (existsSync(join(dataDir, 'flowshare.lock'))) {
    if (performance.now() > deadline) throw new Error('the server did not release the data dir within 120 s of SIGTERM');
    await new Promise((r) => setTimeout(r, 20));
  }
  return ready;
}

const PGLITE_OPEN = `
const { PGlite } = await import('@electric-sql/pglite');
const db = new PGlite(process.argv[1]);
await db.waitReady;
process.stdout.write('ready\\n');
await db.close();
`;

/** Spawn to a bare PGlite's waitReady on the data dir, in a child process like the server's. */
function pgliteOpen(dataDir: string): Promise<number> {
  return untilLine(['--input-type=module', '-e', PGLITE_OPEN, dataDir], 'ready');
}

/** Node starting and exiting, nothing loaded. */
function nodeAlone(): Promise<number> {
  return untilLine(['-e', 'process.stdout.write("ready\\n")'], 'ready');
}

/**
 * What npm start runs, dist/bundle/main.js, to the exit a bad PORT makes (the first thing main
 * does is read the config): node's start, reading and running the bundle and the packages it
 * leaves out.
 */
async function loadBundle(): Promise<number> {
  const started = performance.now();
  const child = spawn(NODE, ['--enable-source-maps', distStatus().entry], {
    cwd: ROOT,
    env: { ...process.env, PORT: 'not-a-port' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  await new Promise((resolve) => child.once('exit', resolve));
  if (!stderr.includes('invalid configuration')) throw new Error(`the bundle did not stop at the config:\n${stderr.slice(-2000)}`);
  return performance.now() - started;
}

/** node starting and importing one package the bundle leaves out (node alone included). */
function loadPackage(name: string): Promise<number> {
  return untilLine(['--input-type=module', '-e', `await import(${JSON.stringify(name)}); process.stdout.write('ready\\n');`], 'ready');
}

/** The unbundled build (tsc's dist/main.js): every module it imports, loaded without running main. */
function loadModules(): Promise<number> {
  const main = readFileSync(join(ROOT, 'dist/main.js'), 'utf8');
  const specifiers = [...main.matchAll(/^import [^;]*?from '([^']+)';$/gm)].map((match) => match[1]!);
  const resolved = specifiers.map((s) => (s.startsWith('.') ? new URL(s, new URL('dist/', `file://${ROOT}`)).href : s));
  const script = `await Promise.all(${JSON.stringify(resolved)}.map((s) => import(s))); process.stdout.write('ready\\n');`;
  return untilLine(['--input-type=module', '-e', script], 'ready');
}

const OPEN_AND_MIGRATE = `
const { performance } = await import('node:perf_hooks');
const { openDatabase } = await import(process.argv[1]);
const t0 = performance.now();
const database = await openDatabase({ dataDir: process.argv[2] });
const t1 = performance.now();
await database.migrate();
const t2 = performance.now();
process.stdout.write(JSON.stringify({ openMs: t1 - t0, migrateMs: t2 - t1 }) + '\\n');
await database.close();
`;

/** openDatabase and migrate (nothing to apply) on the data dir, timed inside a child process. */
async function openAndMigrate(dataDir: string): Promise<{ openMs: number; migrateMs: number }> {
  const openJs = new URL('dist/db/open.js', `file://${ROOT}`).href;
  let line = '';
  await untilLine(['--input-type=module', '-e', OPEN_AND_MIGRATE, openJs, dataDir], '{', (l) => (line = l));
  return JSON.parse(line) as { openMs: number; migrateMs: number };
}

/** Spawn to the first stdout line starting with `prefix`; resolves once the child has exited. */
async function untilLine(args: string[], prefix: string, onLine?: (line: string) => void): Promise<number> {
  const started = performance.now();
  const child = spawn(NODE, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let at = 0;
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
    const line = stdout.split('\n').find((l) => l.startsWith(prefix));
    if (line && !at) {
      at = performance.now() - started;
      onLine?.(line);
    }
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0 || !at) throw new Error(`\`node ${args[0]} ...\` exited with code ${code}:\n${stderr.slice(-2000)}`);
  return at;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ');
}

if (import.meta.url === `file://${process.argv[1]}`) await benchStart();
