// Measurement (not in bench/run.sh): environmentFlows on 100,000 flows, searched and ordered.
// Seeds one environment by generate_series (names and descriptions from small vocabularies,
// an owner grant per flow, a run-only grant on one in ten), then for each case prints the
// plan of the page's statement as the server sends it (EXPLAIN ANALYZE) and times the page
// three ways: a hand-written SQL query of the same page (the floor), the read function in
// process (flowsOfEnvironment), and environmentFlows over HTTP with owners and run-only users.
//   node --import tsx bench/inventory.ts                 # PGlite in memory
//   DATABASE_URL=postgres://... node --import tsx bench/inventory.ts
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { eq, sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { signToken, tokenVerifier } from '../src/auth/tokens.js';
import type { Db } from '../src/db/open.js';
import * as tables from '../src/db/tables.js';
import { environments, flows, users } from '../src/db/tables.js';
import { importDirectory } from '../src/directory/import.js';
import { LogFeed } from '../src/events/feed.js';
import { globalId } from '../src/graphql/ids.js';
import { searchWords, type FlowOrder } from '../src/reads/flow-filter.js';
import { flowsOfEnvironment } from '../src/reads/flows.js';
import { startServer } from '../src/server.js';
import { tenantDirectory } from '../test/support/tenant.js';
import { median } from './timing.js';

const FLOWS = Number(process.env.BENCH_INVENTORY_FLOWS ?? 100_000);
const SECRET = randomUUID() + randomUUID();
const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

const ADJECTIVES = ['Daily', 'Weekly', 'Monthly', 'Urgent', 'Shared', 'Legacy', 'New', 'Team', 'Regional', 'Global', 'Quick', 'Secure', 'Manual'];
const NOUNS = ['invoice', 'report', 'expense', 'timesheet', 'contract', 'order', 'ticket', 'lead', 'survey', 'budget', 'payroll', 'shipment', 'backup', 'newsletter', 'meeting', 'holiday', 'badge', 'laptop', 'purchase', 'quote', 'claim', 'audit', 'vendor', 'license', 'renewal', 'incident', 'asset', 'training', 'candidate', 'feedback', 'forecast', 'refund', 'delivery', 'booking', 'policy', 'alert', 'inventory', 'catalog', 'review', 'schedule'];
const VERBS = ['approve', 'collect', 'notify', 'archive', 'sync', 'escalate', 'summarise', 'route', 'translate', 'validate', 'export', 'import', 'remind', 'publish', 'assign', 'close', 'open', 'merge', 'flag', 'count', 'tag', 'post', 'sign', 'scan', 'file', 'forward', 'print', 'rank', 'score', 'track'];

const QUERY = `query Inventory($environmentId: ID!, $filter: FlowFilter, $orderBy: FlowOrder) {
  environmentFlows(environmentId: $environmentId, filter: $filter, orderBy: $orderBy, first: 50) {
    edges { node { id displayName state
      owners(first: 5) { edges { node { __typename ... on User { displayName } } } }
      runOnlyUsers(first: 5) { edges { node { __typename ... on User { displayName } } } } } }
  }
}`;

const BARE = `query Inventory($environmentId: ID!, $filter: FlowFilter, $orderBy: FlowOrder) {
  environmentFlows(environmentId: $environmentId, filter: $filter, orderBy: $orderBy, first: 50) { edges { node { id displayName } } }
}`;

type Statement = { query: string; params: unknown[] };
type Handle = { db: Db; explain(s: Statement): Promise<string>; close(): Promise<void>; kind: string };

async function open(log: Statement[]): Promise<Handle> {
  const logger = { logQuery: (query: string, params: unknown[]) => void log.push({ query, params }) };
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = postgres(url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema: tables, logger }) as unknown as Db;
    await migratePostgres(db as never, { migrationsFolder });
    const explain = async (s: Statement) =>
      (await client.unsafe(`explain (analyze, buffers) ${s.query}`, s.params as never[])).map((r) => r['QUERY PLAN']).join('\n');
    return { db, explain, close: () => client.end(), kind: 'PostgreSQL' };
  }
  const client = await PGlite.create({ extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema: tables, logger }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  const explain = async (s: Statement) =>
    (await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${s.query}`, s.params)).rows.map((r) => r['QUERY PLAN']).join('\n');
  return { db, explain, close: () => client.close(), kind: 'PGlite' };
}

const literal = (words: readonly string[]) => `array[${words.map((w) => `'${w}'`).join(',')}]`;

async function seed(db: Db) {
  const tag = `inv${randomUUID().slice(0, 6)}`;
  await importDirectory(db, tenantDirectory(tag));
  const [env] = await db.select().from(environments).where(eq(environments.externalId, `default-${tag}`));
  const [maker] = await db.select().from(users).where(eq(users.externalId, `maker-${tag}`));
  const [free] = await db.select().from(users).where(eq(users.externalId, `free-${tag}`));
  const started = performance.now();
  await db.execute(sql`
    insert into ${flows} (environment_id, creator_id, primary_owner_id, display_name, description, trigger, state, solution_aware, created_at, modified_at)
    select ${env!.id}, ${maker!.id}, ${maker!.id},
      (${sql.raw(literal(ADJECTIVES))})[1 + g % ${ADJECTIVES.length}] || ' ' || (${sql.raw(literal(NOUNS))})[1 + (g / 7) % ${NOUNS.length}] || ' ' || g,
      'Flows that ' || (${sql.raw(literal(VERBS))})[1 + (g / 3) % ${VERBS.length}] || ' each ' || (${sql.raw(literal(NOUNS))})[1 + (g / 11) % ${NOUNS.length}],
      (array['INSTANT', 'AUTOMATED', 'SCHEDULED'])[1 + g % 3]::trigger_kind, (case when g % 10 = 0 then 'OFF' else 'ON' end)::flow_state, g % 4 = 0,
      timestamptz '2030-01-01' + g * interval '1 minute', timestamptz '2030-01-01' + ((g * 7919) % ${FLOWS}) * interval '1 minute'
    from generate_series(1, ${FLOWS}) g`);
  await db.execute(sql`
    insert into owner_grants (flow_id, principal_kind, user_id, added_by_id)
    select id, 'USER', ${maker!.id}, ${maker!.id} from ${flows} where environment_id = ${env!.id}`);
  await db.execute(sql`
    insert into run_only_grants (flow_id, principal_kind, user_id, added_by_id)
    select id, 'USER', ${free!.id}, ${maker!.id} from ${flows} where environment_id = ${env!.id} and trigger = 'INSTANT' and hashtext(id::text) % 10 = 0`);
  await db.execute(sql`analyze`);
  console.log(`seeded ${FLOWS.toLocaleString('en-US')} flows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { environmentId: env!.id, admin: `admin-${tag}` };
}

/** The same page written by hand: the flows of the environment matching every word, in order, 51 rows. */
function floor(db: Db, environmentId: string, words: readonly string[], order: FlowOrder) {
  const like = words.map((w) => `and fold_case(f.display_name || ' ' || coalesce(f.description, '')) like '%' || fold_case('${w}') || '%'`).join(' ');
  const key = order.field === 'DISPLAY_NAME' ? `(fold_case(f.display_name) collate "C")` : order.field === 'CREATED_AT' ? 'f.created_at' : 'f.modified_at';
  return db.execute(
    sql.raw(`select f.*, e.* from flows f join environments e on e.id = f.environment_id
      where f.environment_id = '${environmentId}' ${like}
      order by ${key} ${order.direction}, f.id ${order.direction} limit 51`),
  );
}

async function main() {
  const log: Statement[] = [];
  const handle = await open(log);
  const { db } = handle;
  const { environmentId, admin } = await seed(db);
  const feed = await LogFeed.start({ db, kind: 'pglite', statementCount: () => log.length, migrate: async () => {}, close: async () => {} }, { pollMs: 60_000 });
  const server = await startServer({ db, feed, verify: tokenVerifier({ kind: 'secret', secret: SECRET }), port: 0, host: '127.0.0.1', quiet: true });
  const token = await signToken(SECRET, admin);
  const cases: { label: string; search: string; order: FlowOrder }[] = [
    { label: 'search "invoice approv" (2 words), newest first', search: 'invoice approv', order: { field: 'CREATED_AT', direction: 'DESC' } },
    { label: 'search "INVOICE approv", by name', search: 'INVOICE approv', order: { field: 'DISPLAY_NAME', direction: 'ASC' } },
    { label: 'search "budget" (1 in 40), by name', search: 'budget', order: { field: 'DISPLAY_NAME', direction: 'ASC' } },
    { label: 'search "12345" (digits), modified first', search: '12345', order: { field: 'MODIFIED_AT', direction: 'DESC' } },
    { label: 'no search, by name (first page)', search: '', order: { field: 'DISPLAY_NAME', direction: 'ASC' } },
  ];
  const rows: string[] = [];
  try {
    for (const c of cases) {
      const words = searchWords(c.search, ['filter', 'search']);
      const list = flowsOfEnvironment(db, environmentId, { filter: { words }, order: c.order });
      log.length = 0;
      const page = await list.page({ after: null, before: null, limit: 51, inverted: false });
      const statement = log.at(-1)!;
      // fold_case() is inlined in plans: its two long translate() strings are shortened to '…'.
      const plan = (await handle.explain(statement)).replace(/'[^'\n]{200,}'/g, "'…'");
      console.log(`\n--- ${c.label}: ${page.length} rows on the page (params ${JSON.stringify(statement.params)})\n${plan}`);
      const answer = (await floor(db, environmentId, words, c.order)) as unknown as { rows?: unknown[] } | unknown[];
      const hand = Array.isArray(answer) ? answer : (answer.rows ?? []);
      if (hand.length !== page.length) throw new Error(`floor and page disagree: ${hand.length} vs ${page.length}`);
      const floorMs = await median(7, () => floor(db, environmentId, words, c.order));
      const readMs = await median(7, () => list.page({ after: null, before: null, limit: 51, inverted: false }));
      const body = JSON.stringify({
        query: QUERY,
        variables: { environmentId: globalId('Environment', environmentId), filter: c.search ? { search: c.search } : null, orderBy: c.order },
      });
      const httpMs = await median(7, async () => {
        const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
        const result = (await response.json()) as { data?: { environmentFlows: { edges: unknown[] } }; errors?: unknown };
        if (!result.data || result.data.environmentFlows.edges.length !== Math.min(50, page.length)) throw new Error(JSON.stringify(result).slice(0, 400));
      });
      const bare = JSON.stringify({ query: BARE, variables: JSON.parse(body).variables });
      const bareMs = await median(7, async () => {
        const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: bare });
        if (!((await response.json()) as { data?: unknown }).data) throw new Error('bare environmentFlows failed');
      });
      rows.push(`| ${c.label} | ${floorMs.toFixed(1)} | ${readMs.toFixed(1)} | ${bareMs.toFixed(1)} | ${httpMs.toFixed(1)} |`);
    }
    console.log(`\nenvironmentFlows on ${handle.kind}, ${FLOWS.toLocaleString('en-US')} flows (median of 7, ms)`);
    console.log('| page of 50 | hand-written SQL | flowsOfEnvironment page | environmentFlows over HTTP, id and name | over HTTP with owners and run-only users |');
    console.log('|---|---|---|---|---|');
    for (const row of rows) console.log(row);
  } finally {
    await server.close();
    await feed.close();
    await handle.close();
  }
}

await main();
