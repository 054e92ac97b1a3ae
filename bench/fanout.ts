// Bench case "fanout": N WebSocket subscribers (100, 1,000, 5,000), each a distinct user of
// one group, on one server process; the group is made co-owner of a flow (three times, a flow
// each, the round with the median last event shown). Measured: the
// time from the mutation's response to each subscriber's event (p50, p99, last), and the
// server's memory per idle subscription (its RSS, and its heap after a full GC, before and after
// subscribing). The floor is a bare `ws` server in a process of its own broadcasting one message
// of the same shape to as many WebSocket clients (three times, the median): what delivering to
// N sockets costs on this machine at all. FANOUT_PROFILE and FANOUT_HEAP (below) profile the server.
//
// The clients, all in this process, do the same work on both sides, so the ratio compares servers,
// not client libraries (issue #13):
// - flowshare's subscribers 1..N-1 are plain `ws` sockets speaking graphql-transport-ws minimally
//   (minimalSubscriber): connection_init with the token, wait for connection_ack, subscribe; then
//   each message is turned to a string and JSON.parsed, and the time is taken when it is the
//   subscription's `next` (its data kept by reference, compared after the measurement).
// - subscriber 0 is graphql-ws's own client (createClient): it proves the protocol, and every
//   subscriber's event must equal the expected one, or the run fails.
// - the floor's N clients are plain `ws` sockets that turn each message to a string, JSON.parse
//   it and take the time when it is a `next`.
// WebSocket-level pings (the server's keep-alive) are answered by `ws` itself on both sides.
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { createClient, type Client } from 'graphql-ws';
import { WebSocket } from 'ws';
import { signToken } from '../src/auth/tokens.js';
import { startProcess, graphqlUrlOf } from '../test/support/process.js';
import { tenantDirectory } from '../test/support/tenant.js';

const SIZES = (process.env.BENCH_FANOUT ?? '100,1000,5000').split(',').map(Number);
const SECRET = randomUUID() + randomUUID();
const SUBSCRIPTION = 'subscription { sharingEvents { kind flowId } }';
/**
 * Deliveries per size on each side (flowshare: one event to all N, each about a flow of its own;
 * the floor: one broadcast): the table shows the median of each side's rounds, every round printed.
 */
const ROUNDS = 3;

const rssKiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function gql(url: string, token: string, query: string, variables: object) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: Record<string, Record<string, unknown>>; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

async function waitUntil(what: string, ready: () => Promise<boolean> | boolean, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await pause(50);
  }
}

type Next = { id: string; type: 'next'; payload: { data: unknown } };

/**
 * One subscriber speaking graphql-transport-ws with nothing more than the protocol needs:
 * connection_init with the token, connection_ack awaited, one subscribe; then every message is
 * JSON.parsed (what the floor's clients do too) and `onNext` is called with the `next` of the
 * subscription. Answers once subscribed. A connect that is reset, or refused because it outwaited
 * connection_init's 3 s on a busy machine, is tried again (up to 10 times).
 */
async function minimalSubscriber(wsUrl: string, token: string, onNext: (message: Next) => void): Promise<WebSocket> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await new Promise<WebSocket>((resolve, reject) => {
        const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
        // A random id per operation, as graphql-ws's client makes them (so no server can serve
        // every socket the same bytes by id).
        const id = randomUUID();
        socket.once('error', reject);
        socket.once('close', (code) => reject(new Error(`closed ${code} before connection_ack`)));
        socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
        socket.on('message', (data: Buffer) => {
          const message = JSON.parse(data.toString()) as { type: string; id?: string };
          if (message.type === 'next' && message.id === id) onNext(message as Next);
          else if (message.type === 'connection_ack') {
            socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: SUBSCRIPTION } }));
            socket
              .removeAllListeners('close')
              .removeAllListeners('error')
              .on('error', () => {});
            resolve(socket);
          }
        });
      });
    } catch (error) {
      if (attempt >= 10) throw error;
      await pause(200 * attempt);
    }
  }
}

type Row = {
  n: number;
  last: number;
  p50: number;
  p99: number;
  floorLast: number;
  kibPerSubscription: number;
  heapKibPerSubscription: number;
  floorKibPerSocket: number;
};

/** A session on the server's inspector (it runs with --inspect): one method call at a time. */
async function inspect(inspectorUrl: string) {
  const socket = new WebSocket(inspectorUrl);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let id = 0;
  const call = <T = { result?: { value?: string } }>(method: string, params: object = {}) =>
    new Promise<T>((resolve) => {
      const mine = ++id;
      const onMessage = (data: Buffer) => {
        const message = JSON.parse(data.toString()) as { id?: number; result?: T };
        if (message.id !== mine) return;
        socket.off('message', onMessage);
        resolve(message.result as T);
      };
      socket.on('message', onMessage);
      socket.send(JSON.stringify({ id: mine, method, params }));
    });
  return { call, close: () => socket.close() };
}

/**
 * The server's process.memoryUsage() after a full collection, through its inspector (the server
 * runs with --inspect=0): what subscriptions keep, without the garbage that RSS also counts until a GC.
 */
async function memoryAfterGc(inspectorUrl: string): Promise<NodeJS.MemoryUsage> {
  const session = await inspect(inspectorUrl);
  await session.call('HeapProfiler.collectGarbage');
  await session.call('HeapProfiler.collectGarbage');
  const answer = await session.call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
  session.close();
  return JSON.parse(answer.result!.value!) as NodeJS.MemoryUsage;
}

type CpuProfile = { startTime: number; samples: number[]; timeDeltas: number[] };
/** The microseconds of the monotonic clock, which the server's profile timestamps also count (one machine). */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * FANOUT_HEAP=<dir>: a heap snapshot of the server (after a full GC) as <dir>/fanout-<N>-<label>.heapsnapshot,
 * before subscribing and with every subscription idle (bench/heap-diff.ts compares two).
 */
async function heapSnapshot(inspectorUrl: string, n: number, label: string): Promise<void> {
  const dir = process.env.FANOUT_HEAP;
  if (!dir) return;
  const socket = new WebSocket(inspectorUrl);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const path = join(dir, `fanout-${n}-${label}.heapsnapshot`);
  const chunks: string[] = [];
  await new Promise<void>((resolve) => {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { id?: number; method?: string; params?: { chunk: string } };
      if (message.method === 'HeapProfiler.addHeapSnapshotChunk') chunks.push(message.params!.chunk);
      if (message.id === 2) resolve();
    });
    socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' }));
    socket.send(JSON.stringify({ id: 2, method: 'HeapProfiler.takeHeapSnapshot', params: { reportProgress: false } }));
  });
  socket.close();
  writeFileSync(path, chunks.join(''));
  console.log(`  heap snapshot: ${path}`);
}

/**
 * FANOUT_PROFILE=<dir>: the server's CPU profile of the delivery alone (from the mutation's
 * response to the last subscriber's event), written as <dir>/fanout-<N>.cpuprofile, and of the
 * mutation and the delivery as fanout-<N>-with-mutation.cpuprofile.
 */
async function profileDelivery(inspectorUrl: string): Promise<(n: number, answeredUs: number) => Promise<void>> {
  const dir = process.env.FANOUT_PROFILE;
  if (!dir) return async () => {};
  const session = await inspect(inspectorUrl);
  await session.call('Profiler.enable');
  await session.call('Profiler.setSamplingInterval', { interval: 200 });
  await session.call('Profiler.start');
  return async (n, answeredUs) => {
    const { profile } = await session.call<{ profile: CpuProfile }>('Profiler.stop');
    session.close();
    writeFileSync(join(dir, `fanout-${n}-with-mutation.cpuprofile`), JSON.stringify(profile));
    // The samples after the response: the first delta is re-based on the response's time.
    let at = profile.startTime;
    let from = 0;
    while (from < profile.timeDeltas.length) {
      at += profile.timeDeltas[from]!;
      if (at >= answeredUs) break;
      from++;
    }
    const delivery = {
      ...profile,
      startTime: answeredUs,
      samples: profile.samples.slice(from),
      timeDeltas: profile.timeDeltas.slice(from).map((delta, i) => (i === 0 ? at - answeredUs : delta)),
    };
    writeFileSync(join(dir, `fanout-${n}.cpuprofile`), JSON.stringify(delivery));
    console.log(`  profile of the delivery: ${join(dir, `fanout-${n}.cpuprofile`)}`);
  };
}

export async function benchFanout(databaseUrl: string) {
  const tag = `fan${randomUUID().slice(0, 6)}`;
  const directory = tenantDirectory(tag);
  const tenant = directory.tenants[0]!.id;
  for (const n of SIZES) {
    const members = Array.from({ length: n }, (_, i) => `g${n}u${i}-${tag}`);
    directory.users.push(
      ...members.map((id) => ({
        id,
        tenant,
        displayName: id,
        email: `${id}@example.com`,
        kind: 'MEMBER' as const,
        license: 'PREMIUM' as const,
        status: 'ACTIVE' as const,
      })),
    );
    directory.groups.push({ id: `g${n}-${tag}`, tenant, displayName: `Group of ${n}`, members });
  }
  const dir = mkdtempSync(join(tmpdir(), 'flowshare-fanout-'));
  const file = join(dir, 'directory.json');
  writeFileSync(file, JSON.stringify(directory));

  // FANOUT_SERVER_NODE_OPTIONS: for the server process alone (--cpu-prof, --heapsnapshot-signal=SIGUSR2).
  const nodeOptions: Record<string, string> = { NODE_OPTIONS: `--inspect=127.0.0.1:0 ${process.env.FANOUT_SERVER_NODE_OPTIONS ?? ''}` };
  const server = startProcess(
    { DATABASE_URL: databaseUrl, AUTH_JWT_SECRET: SECRET, FLOWSHARE_DIRECTORY: file, ...nodeOptions },
    /GraphiQL: \S+/,
  );
  const floor = spawn(process.execPath, ['--import', 'tsx', 'bench/ws-floor.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = graphqlUrlOf(await server.matched);
    const inspectorUrl = /Debugger listening on (ws:\S+)/.exec(server.output())![1]!;
    const floorUrl = await new Promise<string>((resolve) =>
      floor.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
    );
    // While 5,000 sockets connect at once, a probe may wait past fetch's 10 s connect timeout: asked again.
    const health = async (): Promise<{ subscriptions: number }> => {
      try {
        return (await (await fetch(url.replace('/graphql', '/health'))).json()) as { subscriptions: number };
      } catch {
        return { subscriptions: -1 };
      }
    };
    const maker = await signToken(SECRET, `maker-${tag}`);
    const { environments } = await gql(url, maker, '{ environments { id isDefault } }', {});
    const environmentId = (environments as unknown as { id: string; isDefault: boolean }[]).find((e) => e.isDefault)!.id;
    const found = await gql(
      url,
      maker,
      'query($q: String!) { searchPrincipals(query: $q, first: 20) { edges { node { ... on Group { id displayName } } } } }',
      { q: 'Group of' },
    );
    const groups = (found.searchPrincipals as unknown as { edges: { node: { id: string; displayName: string } }[] }).edges.map(
      (e) => e.node,
    );

    const rows: Row[] = [];
    for (const n of SIZES) {
      const flowIds: string[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const { createFlow } = await gql(
          url,
          maker,
          'mutation($input: CreateFlowInput!) { createFlow(input: $input) { ... on CreateFlowSuccess { flow { id } } } }',
          { input: { environmentId, displayName: `Fan-out ${n} #${round + 1}`, trigger: 'INSTANT', actions: [] } },
        );
        flowIds.push((createFlow as { flow: { id: string } }).flow.id);
      }
      const group = groups.find((g) => g.displayName === `Group of ${n}`)!;
      const tokens = await Promise.all(Array.from({ length: n }, (_, i) => signToken(SECRET, `g${n}u${i}-${tag}`)));

      await pause(1000);
      const memoryBefore = await memoryAfterGc(inspectorUrl);
      const heapBefore = memoryBefore.heapUsed / 1024;
      await heapSnapshot(inspectorUrl, n, 'before');
      await pause(500);
      const rssBefore = rssKiB(server.child.pid!);
      const arrived = new Array<number>(n).fill(0);
      const received = new Array<unknown>(n).fill(null);
      const sockets: WebSocket[] = [];
      let checker: Client | undefined;
      await inBatches(
        tokens.map((token, i) => ({ token, i })),
        100,
        async ({ token, i }) => {
          if (i === 0) {
            // Subscriber 0: graphql-ws's own client, which proves the protocol (its event is compared below).
            checker = createClient({
              url: url.replace('http', 'ws'),
              webSocketImpl: WebSocket,
              connectionParams: { authorization: `Bearer ${token}` },
              // On a busy machine a connect can be reset or outwait connection_init's 3 s: try again.
              retryAttempts: 10,
              shouldRetry: () => true,
              onNonLazyError: () => {},
              lazy: false,
            });
            checker.subscribe(
              { query: SUBSCRIPTION },
              {
                next: (result) => {
                  arrived[0] = Date.now();
                  received[0] = result.data;
                },
                error: () => {},
                complete: () => {},
              },
            );
            return;
          }
          sockets.push(
            await minimalSubscriber(url.replace('http', 'ws'), token, (message) => {
              arrived[i] = Date.now();
              received[i] = message.payload.data;
            }),
          );
        },
      );
      await waitUntil(`${n} subscriptions`, async () => (await health()).subscriptions === n);
      await pause(2000);
      const rssAfter = rssKiB(server.child.pid!);
      const memoryAfter = await memoryAfterGc(inspectorUrl);
      const heapAfter = memoryAfter.heapUsed / 1024;
      // Where the RSS goes, per subscription, after a full collection: V8's heap (used, and
      // committed), memory outside it (Buffers and the like), and the process's RSS then.
      const perSubscription = (key: keyof NodeJS.MemoryUsage) => ((memoryAfter[key] - memoryBefore[key]) / 1024 / n).toFixed(1);
      console.log(
        `  per idle subscription after a full GC (KiB): rss ${perSubscription('rss')}, heap committed ${perSubscription('heapTotal')}, heap used ${perSubscription('heapUsed')}, external ${perSubscription('external')}, of it array buffers ${perSubscription('arrayBuffers')}`,
      );
      await heapSnapshot(inspectorUrl, n, 'idle');

      // Each round: the group made co-owner of a flow of its own, one OWNER_ADDED to every member.
      const rounds: { last: number; p50: number; p99: number }[] = [];
      const responses: number[] = [];
      const early: number[] = [];
      for (const [round, flowId] of flowIds.entries()) {
        arrived.fill(0);
        received.fill(null);
        await pause(300);
        // The last round is profiled (the server has delivered to these sockets before, as a running
        // one has), or round FANOUT_PROFILE_ROUND (1 to 3).
        const profiledRound = Number(process.env.FANOUT_PROFILE_ROUND ?? ROUNDS) - 1;
        const profiled = round === profiledRound ? await profileDelivery(inspectorUrl) : undefined;
        // The clock starts at the mutation's response, as issue #13 measures it: before that the
        // transaction writes the event and its N recipients (durable; the floor has nothing like
        // it), which the response's own time shows. The feed reads the log as soon as the
        // transaction commits, so a subscriber may have the event before the bench has the
        // response: counted and shown ("before the response"), never hidden.
        const requested = Date.now();
        await gql(url, maker, 'mutation($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }', {
          input: { flowId, add: [group.id] },
        });
        const answered = Date.now();
        const answeredUs = monotonicUs();
        responses.push(answered - requested);
        await waitUntil(`${n} events`, () => arrived.every((t) => t > 0), 60_000);
        await profiled?.(n, answeredUs);
        early.push(arrived.filter((t) => t < answered).length);
        const latencies = arrived.map((t) => t - answered).sort((a, b) => a - b);
        rounds.push({ last: latencies.at(-1)!, p50: percentile(latencies, 50), p99: percentile(latencies, 99) });
        // Every subscriber got the same event as graphql-ws's client, which is the expected one.
        const expected = JSON.stringify({ sharingEvents: { kind: 'OWNER_ADDED', flowId } });
        const wrong = received.findIndex((r) => JSON.stringify(r) !== expected);
        if (wrong >= 0) throw new Error(`subscriber ${wrong} received ${JSON.stringify(received[wrong])}, not ${expected}`);
      }
      console.log(
        `  flowshare to ${n}, last ms: ${rounds.map((r) => r.last).join(', ')} (the mutation's response: ${responses.join(', ')} ms; subscribers with the event before the response: ${early.join(', ')})`,
      );
      // A quiet second between the delivery and the disconnects: a --cpu-prof shows the delivery alone.
      await pause(1000);
      for (const socket of sockets) socket.close();
      await checker!.dispose();
      await waitUntil('subscriptions to close', async () => (await health()).subscriptions === 0);

      // The round with the median last event, as the floor's.
      const median = [...rounds].sort((a, b) => a.last - b.last)[Math.floor(ROUNDS / 2)]!;
      rows.push({
        n,
        ...median,
        ...(await floorBroadcast(floorUrl, n, floor.pid!)),
        kibPerSubscription: (rssAfter - rssBefore) / n,
        heapKibPerSubscription: (heapAfter - heapBefore) / n,
      });
      console.log(`  ${n} subscribers done`);
    }
    console.log("\nfan-out: one OWNER_ADDED to N subscribers of one server process (PostgreSQL), ms after the mutation's response");
    console.log(
      `| N | p50 | p99 | last (median of ${ROUNDS}) | floor: bare ws broadcast to N, last (median of ${ROUNDS}) | last ÷ floor | server RSS per idle subscription | server heap after GC per idle subscription | floor RSS per idle socket |`,
    );
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      console.log(
        `| ${r.n} | ${r.p50} | ${r.p99} | ${r.last} | ${r.floorLast} | ${(r.last / Math.max(1, r.floorLast)).toFixed(1)} | ${r.kibPerSubscription.toFixed(1)} KiB | ${r.heapKibPerSubscription.toFixed(1)} KiB | ${r.floorKibPerSocket.toFixed(1)} KiB |`,
      );
    }
  } finally {
    server.child.kill('SIGTERM');
    floor.kill('SIGTERM');
    await server.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * N plain WebSocket clients of the floor server: ms from its broadcast request to the last
 * receipt, and the floor's RSS per idle socket (what a connection costs before any GraphQL).
 */
async function floorBroadcast(floorUrl: string, n: number, pid: number): Promise<{ floorLast: number; floorKibPerSocket: number }> {
  const arrived = new Array<number>(n).fill(0);
  await pause(1000);
  const rssBefore = rssKiB(pid);
  const sockets: WebSocket[] = [];
  await inBatches([...Array(n).keys()], 200, async (i) => {
    const socket = new WebSocket(floorUrl.replace('http', 'ws'));
    sockets.push(socket);
    // Parsed, as a real client does and as flowshare's subscribers here do.
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string; id?: string };
      if (message.type === 'next' && message.id === '1') arrived[i] = Date.now();
    });
    await new Promise((resolve) => socket.once('open', resolve));
  });
  await pause(2000);
  const floorKibPerSocket = (rssKiB(pid) - rssBefore) / n;
  const payload = JSON.stringify({
    type: 'next',
    id: '1',
    payload: { data: { sharingEvents: { kind: 'OWNER_ADDED', flowId: randomUUID() } } },
  });
  // On a shared machine one broadcast may land in another process's burst (93 to 602 ms at
  // 5,000 in consecutive runs): the floor is the median of ROUNDS broadcasts, as flowshare's is.
  const lasts: number[] = [];
  const sendLoops: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    arrived.fill(0);
    await pause(300);
    // The floor sends before it answers, so its clock starts at the request, not the response.
    const sent = Date.now();
    const sendLoopMs = Number(await (await fetch(`${floorUrl}/broadcast`, { method: 'POST', body: payload })).text());
    await waitUntil('the floor broadcast', () => arrived.every((t) => t > 0), 60_000);
    lasts.push(Math.max(...arrived) - sent);
    sendLoops.push(Math.round(sendLoopMs));
  }
  for (const s of sockets) s.close();
  console.log(`  floor broadcasts to ${n}, last ms: ${lasts.join(', ')} (the floor server's send loop alone: ${sendLoops.join(', ')} ms)`);
  return {
    floorLast: percentile(
      lasts.sort((a, b) => a - b),
      50,
    ),
    floorKibPerSocket,
  };
}
