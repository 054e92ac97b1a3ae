// Bench case "usage": flowUsage on an environment of 1,000 flows and 1,000,000 runs (2,000
// runners, one in twenty a guest; one run in seventeen failed; some flows far busier than
// others; a month of runs), in process and over HTTP, against a floor: one hand-written query
// counting the runs of each flow of the environment in the period, most first, the least any
// "most-run flows first" page must read.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { signToken, tokenVerifier } from '../src/auth/tokens.js';
import { openDatabase, type Db } from '../src/db/open.js';
import { environments, flows, users } from '../src/db/tables.js';
import { importDirectory } from '../src/directory/import.js';
import { LogFeed } from '../src/events/feed.js';
import { globalId } from '../src/graphql/ids.js';
import { startServer } from '../src/server.js';
import { flowUsage } from '../src/sharing/usage.js';
import { tenantDirectory } from '../test/support/tenant.js';
import { median } from './timing.js';

const FLOWS = 1_000;
const RUNNERS = 2_000;
const RUNS = Number(process.env.BENCH_USAGE_RUNS ?? 1_000_000);
const DAYS = 30;
/** Runs per insert statement (generate_series in the database). */
const BATCH = 100_000;
const SECRET = randomUUID() + randomUUID();

const QUERY = `query Usage($environmentId: ID!, $since: DateTime!) {
  flowUsage(environmentId: $environmentId, since: $since, first: 50) {
    totalCount
    edges { node {
      flow { id displayName }
      runs failedRuns distinctRunners guestRunners lastRunAt
      runners(first: 10) { user { id displayName } runs lastRunAt access }
    } }
  }
}`;

async function seed(db: Db) {
  const tag = `usage${randomUUID().slice(0, 6)}`;
  const directory = tenantDirectory(tag);
  const tenant = directory.tenants[0]!.id;
  const extra = Array.from({ length: RUNNERS }, (_, i) => ({
    id: `r${i}-${tag}`,
    tenant,
    displayName: `Runner ${i}`,
    email: `r${i}.${tag}@example.com`,
    kind: i % 20 === 0 ? ('GUEST' as const) : ('MEMBER' as const),
    license: 'PREMIUM' as const,
    status: 'ACTIVE' as const,
  }));
  await importDirectory(db, { ...directory, users: [...directory.users, ...extra] });
  const [env] = await db
    .select()
    .from(environments)
    .where(eq(environments.externalId, `default-${tag}`));
  const [maker] = await db
    .select()
    .from(users)
    .where(eq(users.externalId, `maker-${tag}`));

  const started = performance.now();
  // Flows, then runs, made by the database itself: generate_series, no row through the client.
  await db.execute(sql`
    insert into ${flows} (environment_id, creator_id, primary_owner_id, display_name, trigger, state, solution_aware)
    select ${env!.id}, ${maker!.id}, ${maker!.id}, 'Flow ' || g, 'INSTANT', 'ON', false from generate_series(1, ${FLOWS}) g`);
  await db.execute(sql`
    insert into owner_grants (flow_id, principal_kind, user_id, added_by_id)
    select id, 'USER', ${maker!.id}, ${maker!.id} from ${flows} where environment_id = ${env!.id}`);
  // Run-only grants to a few runners of each flow, so that runners' access varies.
  await db.execute(sql`
    insert into run_only_grants (flow_id, principal_kind, user_id, added_by_id)
    select f.id, 'USER', u.id, ${maker!.id}
    from ${flows} f, (select id from ${users} where tenant_id = ${env!.tenantId} and id <> ${maker!.id}) u
    where f.environment_id = ${env!.id} and (hashtext(f.id::text || u.id::text) & 1023) < 4`);
  // Popularity falls off as a power: a few flows get most runs. Runners likewise.
  for (let from = 1; from <= RUNS; from += BATCH) {
    await db.execute(sql`
      with f as (select array_agg(id order by id) ids from ${flows} where environment_id = ${env!.id}),
           u as (select array_agg(id order by id) ids from ${users} where tenant_id = ${env!.tenantId})
      insert into flow_runs (flow_id, invoker_id, status, started_at)
      select f.ids[1 + floor(power(random(), 3) * array_length(f.ids, 1))::int],
             u.ids[1 + floor(power(random(), 2) * array_length(u.ids, 1))::int],
             (case when g % 17 = 0 then 'FAILED' else 'SUCCEEDED' end)::run_status,
             now() - random() * interval '${sql.raw(String(DAYS))} days'
      from generate_series(${from}::int, ${Math.min(from + BATCH - 1, RUNS)}::int) g, f, u`);
  }
  // The visibility map, so that the usage index answers alone (an index-only scan), and statistics.
  await db.execute(sql`vacuum analyze flow_runs`);
  await db.execute(sql`analyze`);
  console.log(
    `seeded ${FLOWS} flows and ${RUNS.toLocaleString('en-US')} runs by ${RUNNERS + directory.users.length} users in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { environmentId: env!.id, admin: `admin-${tag}` };
}

export async function benchUsage(databaseUrl: string) {
  // Seeding (and VACUUM) may take longer than a request's statement timeout.
  const seeding = await openDatabase({ databaseUrl, poolSize: 1, timeouts: { statementMs: 600_000 } });
  const { environmentId, admin } = await seed(seeding.db);
  await seeding.close();
  const database = await openDatabase({ databaseUrl, poolSize: 10 });
  const feed = await LogFeed.start(database, { pollMs: 1000 });
  const server = await startServer({
    db: database.db,
    feed,
    verify: tokenVerifier({ kind: 'secret', secret: SECRET }),
    port: 0,
    host: '127.0.0.1',
    quiet: true,
  });
  try {
    const db = database.db;
    const [adminRow] = await db.select().from(users).where(eq(users.externalId, admin));
    const periods: [string, Date][] = [
      [`the whole ${DAYS} days (${RUNS.toLocaleString('en-US')} runs)`, new Date(Date.now() - (DAYS + 1) * 86_400_000)],
      ['the last day', new Date(Date.now() - 86_400_000)],
    ];
    const rows: string[] = [];
    for (const [label, since] of periods) {
      const floor = await median(5, () =>
        db.execute(sql`
          select r.flow_id, count(*) from flow_runs r join flows f on f.id = r.flow_id
          where f.environment_id = ${environmentId} and r.started_at >= ${since.toISOString()}::timestamptz
          group by r.flow_id order by count(*) desc, r.flow_id desc limit 50`),
      );
      let top = 0;
      const direct = await median(5, async () => {
        const usage = await flowUsage(db, adminRow!, { environmentId, since, until: null });
        const page = await usage.flows.page({ after: null, limit: 51 });
        await usage.runners(
          page.slice(0, 50).map((r) => r.flow.id),
          10,
        );
        top = page[0]!.runs;
      });
      const token = await signToken(SECRET, admin);
      const body = JSON.stringify({
        query: QUERY,
        variables: { environmentId: globalId('Environment', environmentId), since: since.toISOString() },
      });
      const overHttp = await median(5, async () => {
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        });
        const result = (await response.json()) as { data?: { flowUsage: { edges: { node: { runs: number } }[] } }; errors?: unknown };
        if (result.data?.flowUsage.edges[0]?.node.runs !== top)
          throw new Error(`flowUsage over HTTP disagrees: ${JSON.stringify(result).slice(0, 300)}`);
      });
      rows.push(`| ${label} | floor: runs per flow, most first (one query) | ${floor.toFixed(0)} | 1.0 |`);
      rows.push(
        `| ${label} | flowUsage in process: page of 50 and their top 10 runners with access | ${direct.toFixed(0)} | ${(direct / floor).toFixed(1)} |`,
      );
      rows.push(
        `| ${label} | flowUsage(first: 50) over HTTP, runners(first: 10) with user and access | ${overHttp.toFixed(0)} | ${(overHttp / floor).toFixed(1)} |`,
      );
    }
    console.log(`\nflowUsage on PostgreSQL: ${FLOWS} flows, ${RUNS.toLocaleString('en-US')} runs`);
    console.log('| period | what | median ms | × floor |');
    console.log('|---|---|---|---|');
    for (const row of rows) console.log(row);
  } finally {
    await server.close();
    await feed.close();
    await database.close();
  }
}
