// Bench case "attacks": how long the server takes to refuse each hostile request of issue 11,
// against a trivial signed-in query ({ viewer { id } }) timed in the same run, and whether
// /health answered meanwhile. Each request is sent ATTACK_ROUNDS times, one at a time, on a
// flow with 50 runs; the table shows the median and the worst, and their ratio to the baseline.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { signToken, tokenVerifier } from '../src/auth/tokens.js';
import { openDatabase } from '../src/db/open.js';
import { environments, users } from '../src/db/tables.js';
import { importDirectory } from '../src/directory/import.js';
import { LogFeed } from '../src/events/feed.js';
import { startServer } from '../src/server.js';
import { createFlow, setFlowState } from '../src/sharing/flows.js';
import { triggerFlow } from '../src/sharing/runs.js';
import { globalId } from '../src/graphql/ids.js';
import { tenantDirectory } from '../test/support/tenant.js';

const ROUNDS = Number(process.env.ATTACK_ROUNDS ?? 5);
const SECRET = randomUUID() + randomUUID();

function runsCycle(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `runs(first: 50) { edges { node { id flow { ${inner} } } } }`;
  return inner;
}
const SCHEMA = (i: number) =>
  `a${i}: __schema { types { name description fields { name description args { name description } type { name kind ofType { name kind } } } } }`;
const many = (n: number, item: (i: number) => string) => Array.from({ length: n }, (_, i) => item(i)).join(' ');

type Sample = { ms: number; status: number; code: string };

async function time(url: string, query: string, token: string | null): Promise<Sample> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? (response.ok ? 'ok' : String(response.status));
  return { ms, status: response.status, code };
}

export async function benchAttacks(databaseUrl: string) {
  const database = await openDatabase({ databaseUrl, poolSize: 10 });
  const tag = `attack${randomUUID().slice(0, 6)}`;
  await importDirectory(database.db, tenantDirectory(tag));
  const [maker] = await database.db
    .select()
    .from(users)
    .where(eq(users.externalId, `maker-${tag}`));
  const [env] = await database.db
    .select()
    .from(environments)
    .where(eq(environments.externalId, `default-${tag}`));
  const flow = await createFlow(database.db, maker!, {
    environmentId: env!.id,
    displayName: 'Target',
    trigger: 'INSTANT',
    actions: [{ name: 'Compose' }],
  });
  await setFlowState(database.db, maker!, { flowId: flow.id, state: 'ON' });
  for (let i = 0; i < 50; i++) await triggerFlow(database.db, maker!, { flowId: flow.id, invokerConnectionIds: [] });
  const token = await signToken(SECRET, `maker-${tag}`);
  const feed = await LogFeed.start(database, { pollMs: 1000 });
  const server = await startServer({
    db: database.db,
    feed,
    verify: tokenVerifier({ kind: 'secret', secret: SECRET }),
    port: 0,
    host: '127.0.0.1',
    quiet: true,
  });
  const node = (inner: string) => `{ node(id: "${globalId('Flow', flow.id)}") { ... on Flow { ${inner} } } }`;
  const attacks: [string, string, string | null][] = [
    ['baseline: { viewer { id } }', '{ viewer { id } }', token],
    ['runs -> flow -> runs, 3 levels of 50 (item 1)', node(runsCycle(3)), token],
    ['runs -> flow -> runs, 4 levels of 50 (item 1)', node(runsCycle(4)), token],
    ['1,000 aliases of __schema, no token (item 2)', `{ ${many(1000, SCHEMA)} }`, null],
    ['8,000 aliases of __schema, no token (item 2)', `{ ${many(8000, SCHEMA)} }`, null],
    ['500,000 __typename aliases, no token (item 2)', `{ ${many(500_000, (i) => `a${i}: __typename`)} }`, null],
    [
      '1,000 aliases of sharingAudit (item 2)',
      `{ ${many(1000, (i) => `a${i}: sharingAudit(environmentId: "${globalId('Environment', env!.id)}") { generatedAt }`)} }`,
      token,
    ],
    ['1,000 aliases of searchPrincipals (item 2)', `{ ${many(1000, (i) => `a${i}: searchPrincipals(query: "a") { totalCount }`)} }`, token],
    ['1,000 nested levels (item 3)', `{ ${'node(id: "x") { ... on Flow { '.repeat(1000)}id${' } }'.repeat(1000)} }`, token],
    ['20,000 nested selections (item 3)', `{ ${'a { '.repeat(20_000)}b${' }'.repeat(20_000)} }`, null],
  ];
  try {
    console.log(`\nrefusal times over HTTP on PostgreSQL, ${ROUNDS} rounds each, one at a time`);
    console.log('| request | answer | median ms | worst ms | median / baseline | /health during |');
    console.log('|---|---|---|---|---|---|');
    let baseline = 0;
    for (const [name, query, as] of attacks) {
      const samples: Sample[] = [];
      let healthy = 0;
      for (let i = 0; i < ROUNDS; i++) {
        const [sample, health] = await Promise.all([time(server.url, query, as), fetch(server.url.replace('/graphql', '/health'))]);
        samples.push(sample);
        if (health.ok) healthy++;
      }
      const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      if (!baseline) baseline = median;
      const answer = `${samples[0]!.status} ${samples[0]!.code}`;
      console.log(
        `| ${name} | ${answer} | ${median.toFixed(1)} | ${sorted.at(-1)!.toFixed(1)} | ${(median / baseline).toFixed(1)}x | ${healthy}/${ROUNDS} |`,
      );
    }
  } finally {
    await server.close();
    await feed.close();
    await database.close();
  }
}
