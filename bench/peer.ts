// Bench case "peer": the myflows query against PostGraphile 5 on the same seeded database,
// measured with the floor and flowshare in one run, interleaved (floor, flowshare,
// PostGraphile, repeated BENCH_PEER_ROUNDS times, default 3; BENCH_SECONDS each, 10
// connections). PostGraphile needs Node >= 22, so it runs as a child process on a Node 22
// installed from npm (`node@22`) next to it in a cache folder outside the project
// (BENCH_PEER_DIR, default ~/.cache/flowshare-bench-peer): installed on first use, reused
// after, never in package.json or package-lock.json. flowshare and the floor run in processes
// of their own as well (bench/contender.ts), so that none of the three shares the load
// generator's event loop. PostGraphile does no authorization here: the bench user's row id is
// a query variable and every row is readable.
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import { signToken } from '../src/auth/tokens.js';
import { openDatabase } from '../src/db/open.js';
import { users } from '../src/db/tables.js';
import { PLACEMENT, startContender } from './contender.js';
import { FLOWS, QUERY, SECONDS, load, seed, type Run } from './myflows.js';

const POSTGRAPHILE = '5.1.5'; // dist-tag latest when this case was written
const NODE = '22.23.3'; // node@22 on npm: PostGraphile 5 wants node >= 22
const ROUNDS = Number(process.env.BENCH_PEER_ROUNDS ?? 3);
const DIR = process.env.BENCH_PEER_DIR ?? join(homedir(), '.cache', 'flowshare-bench-peer');
const HERE = new URL('./peer/', import.meta.url);
const PEER_QUERY = readFileSync(new URL('query.graphql', HERE), 'utf8');

type Peer = { node: string; script: string; versions: string };

function tail(text: string, lines = 15) {
  return text
    .trim()
    .split('\n')
    .slice(-lines)
    .map((l) => `    ${l}`)
    .join('\n');
}

// PostGraphile and Node 22 in DIR, installed once; an Error saying what failed otherwise.
function preparePeer(): Peer {
  const node = join(DIR, 'node_modules', 'node', 'bin', 'node');
  const installed = () => {
    try {
      const pgl = JSON.parse(readFileSync(join(DIR, 'node_modules', 'postgraphile', 'package.json'), 'utf8')) as { version: string };
      const v = spawnSync(node, ['--version'], { encoding: 'utf8' });
      return pgl.version === POSTGRAPHILE && v.status === 0 && v.stdout.trim() === `v${NODE}` ? v.stdout.trim() : null;
    } catch {
      return null;
    }
  };
  if (!installed()) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(join(DIR, 'package.json'), JSON.stringify({ name: 'flowshare-bench-peer', private: true, type: 'module' }, null, 2));
    const args = ['install', '--prefix', DIR, '--no-audit', '--no-fund', `postgraphile@${POSTGRAPHILE}`, `node@${NODE}`];
    console.log(`installing PostGraphile ${POSTGRAPHILE} and Node ${NODE} into ${DIR} (once): npm ${args.join(' ')}`);
    const npm = spawnSync('npm', args, { cwd: DIR, encoding: 'utf8', timeout: 600_000 });
    if (npm.error || npm.status !== 0) {
      throw new Error(
        `\`npm ${args.join(' ')}\` failed (${npm.error?.message ?? `exit code ${npm.status}`}):\n${tail(`${npm.stdout ?? ''}\n${npm.stderr ?? ''}`)}`,
      );
    }
    if (!existsSync(node))
      throw new Error(
        `npm installed node@${NODE} but gave no binary at ${node} (its preinstall script downloads it: were install scripts disabled?)`,
      );
    if (!installed())
      throw new Error(`after npm install, ${DIR} still lacks postgraphile@${POSTGRAPHILE} or a working ${node} reporting v${NODE}`);
  }
  const script = join(DIR, 'server.mjs');
  writeFileSync(script, readFileSync(new URL('server.mjs', HERE))); // so that `postgraphile` resolves from DIR
  return { node, script, versions: `PostGraphile ${POSTGRAPHILE} (amber preset) on Node ${installed()}` };
}

type Child = ChildProcessByStdio<Writable, Readable, Readable>;

// The child prints {"url": ...} once listening, and exits when its stdin closes.
async function startPeer(peer: Peer, databaseUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const child: Child = spawn(peer.node, [peer.script], {
    cwd: DIR,
    env: { ...process.env, PEER_DATABASE_URL: databaseUrl, PEER_POOL: '10', GRAPHILE_ENV: 'production' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PostGraphile did not start within 120 s:\n${tail(stderr)}`)), 120_000);
    child.once('error', (e) => reject(new Error(`could not run ${peer.node}: ${e.message}`)));
    void exited.then((code) => reject(new Error(`PostGraphile exited (code ${code}) before listening:\n${tail(stderr)}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        const { url } = JSON.parse(line) as { url?: string };
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      } catch {
        // not the line we wait for
      }
    });
  }).catch((error: unknown) => {
    if (child.exitCode === null && child.pid) process.kill(child.pid);
    throw error;
  });
  return {
    url,
    async close() {
      child.stdin.end();
      const timer = setTimeout(() => child.pid && child.exitCode === null && process.kill(child.pid), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

type OursFlow = {
  id: string;
  displayName: string;
  owners: { totalCount: number };
  connectionReferences: { connection: { displayName: string } }[];
  actions: { name: string }[];
};
type PeerFlow = {
  rowId: string;
  displayName: string;
  ownerGrantsByFlowId: { totalCount: number };
  connectionReferencesByFlowId: { nodes: { connectionByConnectionId: { displayName: string } }[] };
  flowActionsByFlowId: { nodes: { name: string }[] };
};

// One line per flow: id, name, owner count, connections (sorted: PostGraphile cannot order
// references by position), actions in order.
const describeOurs = (f: OursFlow) =>
  [
    Buffer.from(f.id, 'base64')
      .toString()
      .replace(/^Flow:/, ''),
    f.displayName,
    f.owners.totalCount,
    f.connectionReferences
      .map((r) => r.connection.displayName)
      .sort()
      .join('+'),
    f.actions.map((a) => a.name).join('+'),
  ].join(' | ');
const describePeer = (f: PeerFlow) =>
  [
    f.rowId,
    f.displayName,
    f.ownerGrantsByFlowId.totalCount,
    f.connectionReferencesByFlowId.nodes
      .map((r) => r.connectionByConnectionId.displayName)
      .sort()
      .join('+'),
    f.flowActionsByFlowId.nodes.map((a) => a.name).join('+'),
  ].join(' | ');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;

export async function benchPeer(databaseUrl: string) {
  let peer: Peer;
  try {
    peer = preparePeer();
  } catch (error) {
    console.log(
      `PEER UNAVAILABLE: PostGraphile ${POSTGRAPHILE} / Node ${NODE} could not be installed into ${DIR}; nothing measured.\n  ${(error as Error).message}`,
    );
    process.exitCode = 1;
    return;
  }
  console.log(peer.versions);

  const database = await openDatabase({ databaseUrl, poolSize: 10 });
  console.log(`seeding ${FLOWS} flows (each with 2 connections, 3 actions, a co-owner)...`);
  const subject = await seed(database.db);
  const [me] = await database.db.select({ id: users.id }).from(users).where(eq(users.externalId, subject));
  const secret = randomUUID() + randomUUID();
  const token = await signToken(secret, subject);
  const server = await startContender('flowshare', databaseUrl, secret);
  const baseline = await startContender('floor', databaseUrl, secret);
  let postgraphile: Awaited<ReturnType<typeof startPeer>> | undefined;
  try {
    try {
      postgraphile = await startPeer(peer, databaseUrl);
    } catch (error) {
      console.log(`PEER UNAVAILABLE: PostGraphile did not start; nothing measured.\n  ${(error as Error).message}`);
      process.exitCode = 1;
      return;
    }
    const body = JSON.stringify({ query: QUERY });
    const peerBody = JSON.stringify({ query: PEER_QUERY, variables: { me: me!.id } });
    const post = async (url: string, b: string) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: b,
      });
      const text = await response.text();
      return { bytes: Buffer.byteLength(text), json: JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown } };
    };
    // All three answer the same flows, or the comparison means nothing.
    const ours = await post(server.url, body);
    const floor = await post(baseline.url, body);
    const theirs = await post(postgraphile.url, peerBody);
    for (const [who, answer] of [
      ['flowshare', ours],
      ['the floor', floor],
      ['PostGraphile', theirs],
    ] as const) {
      if (answer.json.errors || !answer.json.data)
        throw new Error(`${who} answered with errors: ${JSON.stringify(answer.json.errors ?? answer.json).slice(0, 2000)}`);
    }
    const oursFlows = (ours.json.data!.myFlows as { edges: { node: OursFlow }[] }).edges.map((e) => e.node);
    const floorIds = (floor.json.data!.myFlows as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);
    const theirFlows = (theirs.json.data!.allFlows as { nodes: PeerFlow[] }).nodes;
    if (oursFlows.map((f) => f.id).join() !== floorIds.join() || oursFlows.length !== 100)
      throw new Error('flowshare and the baseline disagree');
    const a = oursFlows.map(describeOurs);
    const b = theirFlows.map(describePeer);
    const differ = a.findIndex((line, i) => line !== b[i]);
    if (a.length !== b.length || differ >= 0) {
      throw new Error(
        `flowshare and PostGraphile disagree (${a.length} vs ${b.length} flows); first difference at ${differ}:\n  flowshare:    ${a[differ]}\n  PostGraphile: ${b[differ]}`,
      );
    }
    console.log(
      `same answer: flowshare, the floor and PostGraphile list the same ${a.length} flows in the same order (ids, names, owner counts, connections, actions)`,
    );
    console.log(`response bytes: floor ${floor.bytes}, flowshare ${ours.bytes}, PostGraphile ${theirs.bytes}`);

    const servers = [
      { name: 'floor (node:http + postgres.js)', authz: 'token → user, own flows only', url: baseline.url, body },
      { name: 'flowshare (Yoga + Pothos + drizzle)', authz: 'full (token, policy, viewerAccess)', url: server.url, body },
      {
        name: `PostGraphile ${POSTGRAPHILE}`,
        authz: '**NONE** (user id passed in, every row readable)',
        url: postgraphile.url,
        body: peerBody,
      },
    ];
    console.log(
      `\nmyFlows(first: 100) in depth, ${FLOWS} flows on PostgreSQL, 10 connections, ${SECONDS} s each, ${ROUNDS} interleaved rounds, ${PLACEMENT}`,
    );
    for (const s of servers) {
      // warm up: JIT, pools, caches (PostGraphile plans the operation on first use)
      await autocannon({
        url: s.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: s.body,
        connections: 10,
        duration: 2,
      });
    }
    const runs: Run[][] = servers.map(() => []);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [i, s] of servers.entries()) {
        const run = await load(s.name, s.url, s.body, token, false);
        runs[i]!.push(run);
        console.log(`  round ${round}: ${s.name} ${run.rps.toFixed(1)} req/s`);
      }
    }
    const rps = runs.map((r) => r.map((x) => x.rps));
    const perRound = (i: number, j: number) => rps[i]!.map((x, k) => x / rps[j]![k]!);
    console.log(
      `| server | authorization | ${rps[0]!.map((_, k) => `round ${k + 1} req/s`).join(' | ')} | median req/s | vs floor (per round) | p50 ms | p99 ms | errors |`,
    );
    console.log(`|---|---|${rps[0]!.map(() => '---|').join('')}---|---|---|---|---|`);
    for (const [i, s] of servers.entries()) {
      const last = runs[i]!;
      console.log(
        `| ${s.name} | ${s.authz} | ${rps[i]!.map((x) => x.toFixed(1)).join(' | ')} | ${median(rps[i]!).toFixed(1)} | ${range(perRound(i, 0))} | ${median(last.map((r) => r.p50))} | ${median(last.map((r) => r.p99))} | ${last.reduce((n, r) => n + r.errors, 0)} |`,
      );
    }
    console.log(
      `ratio flowshare / PostGraphile: ${range(perRound(1, 2))} per round (median ${median(perRound(1, 2)).toFixed(2)}); PostGraphile here does no authorization at all`,
    );
  } finally {
    await postgraphile?.close();
    await server.close();
    await baseline.close();
    await database.close();
  }
}
