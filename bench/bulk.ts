// Bulk reassignment (issue 14): reassignFlows of 1,000 flows on embedded PGlite, against a
// hand-written SQL floor making the same change (one statement for the grants, one for the
// events, one for their recipients, in one transaction). Not wired into bench/run.sh: run it
// alone, `node --import tsx bench/bulk.ts` (BENCH_BULK_FLOWS, BENCH_BULK_ROUNDS to change it).
//
// Each round seeds a fresh tenant (the maker is primary owner of every flow, classic flows, so
// reassigning to the co-owner adds them as co-owner everywhere: one OWNER_ADDED per flow),
// then times the call: in process (the use case, as the resolver calls it) for the real call and
// for a dry run, and the floor on another fresh tenant. Prints the median of the rounds.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { and, count, eq, sql } from 'drizzle-orm';
import { openDatabase, type Db } from '../src/db/open.js';
import { environments, flows, ownerGrants, sharingEvents, users } from '../src/db/tables.js';
import { importDirectory } from '../src/directory/import.js';
import { reassignFlows } from '../src/sharing/bulk/reassign.js';
import { tenantDirectory } from '../test/support/tenant.js';

const FLOWS = Number(process.env.BENCH_BULK_FLOWS ?? 1_000);
const ROUNDS = Number(process.env.BENCH_BULK_ROUNDS ?? 3);

type Seeded = { environmentId: string; tenantId: string; maker: typeof users.$inferSelect; coowner: string; admin: typeof users.$inferSelect };

async function seed(db: Db): Promise<Seeded> {
  const tag = `bulk${randomUUID().slice(0, 6)}`;
  await importDirectory(db, tenantDirectory(tag));
  const [env] = await db.select().from(environments).where(eq(environments.externalId, `default-${tag}`));
  const person = async (name: string) => (await db.select().from(users).where(eq(users.externalId, `${name}-${tag}`)))[0]!;
  const [maker, coowner, admin] = await Promise.all([person('maker'), person('coowner'), person('admin')]);
  await db.execute(sql`
    insert into ${flows} (environment_id, creator_id, primary_owner_id, display_name, trigger, state, solution_aware)
    select ${env!.id}, ${maker.id}, ${maker.id}, 'Flow ' || g, 'INSTANT', 'ON', false from generate_series(1, ${FLOWS}) g`);
  await db.execute(sql`
    insert into owner_grants (flow_id, principal_kind, user_id, added_by_id)
    select id, 'USER', ${maker.id}, ${maker.id} from ${flows} where environment_id = ${env!.id}`);
  return { environmentId: env!.id, tenantId: env!.tenantId, maker, coowner: coowner.id, admin };
}

/** The same change by hand: the co-owner's grants, one OWNER_ADDED each, to the co-owner and the maker. */
async function floor(db: Db, s: Seeded): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into owner_grants (flow_id, principal_kind, user_id, added_by_id)
      select id, 'USER', ${s.coowner}, ${s.admin.id} from ${flows}
      where environment_id = ${s.environmentId} and primary_owner_id = ${s.maker.id}
      on conflict do nothing`);
    await tx.execute(sql`select pg_advisory_xact_lock(727002)`);
    await tx.execute(sql`
      with written as (
        insert into sharing_events (kind, tenant_id, environment_id, flow_id, flow_display_name, actor_id, actor_role, principal_kind, principal_id, watchers, admins)
        select 'OWNER_ADDED', ${s.tenantId}, environment_id, id, display_name, ${s.admin.id}, 'ADMIN', 'USER', ${s.coowner},
               array[${s.maker.id}::uuid, ${s.coowner}::uuid, ${s.admin.id}::uuid], array[${s.admin.id}::uuid]
        from ${flows} where environment_id = ${s.environmentId} and primary_owner_id = ${s.maker.id}
        returning position
      )
      insert into sharing_event_recipients (user_id, position)
      select u, position from written, unnest(array[${s.maker.id}::uuid, ${s.coowner}::uuid]) u`);
  });
}

async function check(db: Db, s: Seeded, expectEvents: boolean) {
  const [grants] = await db
    .select({ n: count() })
    .from(ownerGrants)
    .innerJoin(flows, eq(flows.id, ownerGrants.flowId))
    .where(and(eq(flows.environmentId, s.environmentId), eq(ownerGrants.userId, s.coowner)));
  const [events] = await db.select({ n: count() }).from(sharingEvents).where(eq(sharingEvents.environmentId, s.environmentId));
  const want = expectEvents ? FLOWS : 0;
  if (grants!.n !== want || events!.n !== want) throw new Error(`expected ${want} grants and events, found ${grants!.n} and ${events!.n}`);
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;

async function main() {
  const database = await openDatabase({ dataDir: undefined });
  await database.migrate();
  const { db } = database;
  const options = (dryRun: boolean) => ({ dryRun, maxFlows: FLOWS, flowField: (id: string) => ['input', 'flows', id] });
  const results = { real: [] as number[], dry: [] as number[], floor: [] as number[], statements: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const s = await seed(db);
    const input = { environmentId: s.environmentId, fromUserId: s.maker.id, toUserId: s.coowner, removeFromUser: false };
    results.dry.push(await time(() => reassignFlows(db, s.admin, input, options(true))));
    await check(db, s, false);
    const before = database.statementCount();
    results.real.push(await time(() => reassignFlows(db, s.admin, input, options(false))));
    results.statements = database.statementCount() - before;
    await check(db, s, true);
    const f = await seed(db);
    results.floor.push(await time(() => floor(db, f)));
    await check(db, f, true);
  }
  const real = median(results.real);
  const fl = median(results.floor);
  console.log(`reassignFlows of ${FLOWS.toLocaleString('en-US')} flows on PGlite, median of ${ROUNDS} rounds:`);
  console.log(`  reassignFlows (real)     ${real.toFixed(0).padStart(7)} ms   ${results.statements.toLocaleString('en-US')} statements`);
  console.log(`  reassignFlows (dry run)  ${median(results.dry).toFixed(0).padStart(7)} ms`);
  console.log(`  SQL floor (3 statements) ${fl.toFixed(0).padStart(7)} ms`);
  console.log(`  ratio real / floor       ${(real / fl).toFixed(1).padStart(7)}x`);
  await database.close();
}

await main();
