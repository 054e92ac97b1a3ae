// Bench case "myflows": myFlows(first: 100) in depth (owners, creator, environment, connections,
// access) over HTTP on PostgreSQL with 1,000 flows, against a plain node:http handler with
// hand-written SQL through postgres.js. BENCH_SECONDS sets each run's length (default 10).
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import { signToken } from '../src/auth/tokens.js';
import { openDatabase, type Db } from '../src/db/open.js';
import { connectors, users, environments } from '../src/db/tables.js';
import { importDirectory } from '../src/directory/import.js';
import { createConnection } from '../src/sharing/connections.js';
import { createFlow } from '../src/sharing/flows.js';
import { modifyFlowOwners } from '../src/sharing/owners.js';
import { tenantDirectory } from '../test/support/tenant.js';
import { PLACEMENT, startContender } from './contender.js';

export const FLOWS = 1000;
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SECRET = randomUUID() + randomUUID();

export const QUERY = `query MyFlowsInDepth {
  myFlows(first: 100) {
    edges { node {
      id displayName
      creator { id displayName }
      environment { id displayName viewerRole }
      owners { totalCount edges { isPrimaryOwner addedBy { id displayName } node {
        __typename ... on User { id displayName email } ... on Group { id displayName } ... on SharePointList { id title } } } }
      connectionReferences { id usage connection { id displayName status owner { id displayName } connector { displayName } } }
      actions { name }
      viewerAccess { level canEdit paths { kind via { __typename } } }
    } }
  }
}`;

// Seeds the bench tenant; returns the token subject (external id) of the maker, who owns
// every flow. Also used by bench case "peer".
export async function seed(db: Db) {
  const tag = `bench${randomUUID().slice(0, 6)}`;
  await importDirectory(db, tenantDirectory(tag));
  const one = async <T>(rows: Promise<T[]>) => (await rows)[0]!;
  const maker = await one(
    db
      .select()
      .from(users)
      .where(eq(users.externalId, `maker-${tag}`)),
  );
  const coowner = await one(
    db
      .select()
      .from(users)
      .where(eq(users.externalId, `coowner-${tag}`)),
  );
  const env = await one(
    db
      .select()
      .from(environments)
      .where(eq(environments.externalId, `default-${tag}`)),
  );
  const connector = (name: string) =>
    one(
      db
        .select()
        .from(connectors)
        .where(eq(connectors.externalId, `${name}-${tag}`)),
    );
  const sp = await createConnection(db, maker, {
    environmentId: env.id,
    connectorId: (await connector('sharepoint')).id,
    displayName: 'SharePoint',
  });
  const mail = await createConnection(db, maker, {
    environmentId: env.id,
    connectorId: (await connector('outlook')).id,
    displayName: 'Outlook',
  });
  const started = Date.now();
  for (let i = 0; i < FLOWS; i++) {
    const flow = await createFlow(db, maker, {
      environmentId: env.id,
      displayName: `Flow ${i}`,
      trigger: 'INSTANT',
      actions: [{ name: 'Get', connectionId: sp.id }, { name: 'Mail', connectionId: mail.id }, { name: 'Compose' }],
    });
    await modifyFlowOwners(db, maker, { flowId: flow.id, add: [{ kind: 'USER', id: coowner.id, field: [] }], remove: [], expiresAt: null });
    if ((i + 1) % 200 === 0) console.log(`  seeded ${i + 1}/${FLOWS} flows (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  return `maker-${tag}`;
}

export type Run = { name: string; rps: number; p50: number; p99: number; errors: number };

// autocannon for SECONDS at 10 connections, after a 2 s warm-up unless warmUp is false.
export async function load(name: string, url: string, body: string, token: string, warmUp = true): Promise<Run> {
  const options = {
    url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
    connections: 10,
  };
  if (warmUp) await autocannon({ ...options, duration: 2 }); // warm up: JIT, pools, caches
  const result = await autocannon({ ...options, duration: SECONDS });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

export async function benchMyFlows(databaseUrl: string) {
  const database = await openDatabase({ databaseUrl, poolSize: 10 });
  console.log(`seeding ${FLOWS} flows (each with 2 connections, 3 actions, a co-owner)...`);
  const subject = await seed(database.db);
  const token = await signToken(SECRET, subject);
  const server = await startContender('flowshare', databaseUrl, SECRET);
  const baseline = await startContender('floor', databaseUrl, SECRET);
  try {
    const body = JSON.stringify({ query: QUERY });
    // Both answer the same flows, or the comparison means nothing.
    const ours = (await (
      await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body })
    ).json()) as { data: { myFlows: { edges: { node: { id: string } }[] } } };
    const floor = (await (
      await fetch(baseline.url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body })
    ).json()) as typeof ours;
    const ids = (r: typeof ours) => r.data.myFlows.edges.map((e) => e.node.id).join();
    if (ids(ours) !== ids(floor) || ours.data.myFlows.edges.length !== 100) throw new Error('flowshare and the baseline disagree');

    console.log(`\nmyFlows(first: 100) in depth, ${FLOWS} flows on PostgreSQL, 10 connections, ${SECONDS} s each, ${PLACEMENT}`);
    const runs = [
      await load('baseline (node:http + postgres.js)', baseline.url, body, token),
      await load('flowshare (Yoga + Pothos + drizzle)', server.url, body, token),
    ];
    console.log('| server | req/s | p50 ms | p99 ms | errors |');
    console.log('|---|---|---|---|---|');
    for (const r of runs) console.log(`| ${r.name} | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.errors} |`);
    console.log(`ratio flowshare / baseline: ${(runs[1]!.rps / runs[0]!.rps).toFixed(2)} of the requests per second`);
  } finally {
    await server.close();
    await baseline.close();
    await database.close();
  }
}
