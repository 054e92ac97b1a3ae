// Bench case "at-scale" (issue 14): the admin's tools on a large tenant, each over HTTP against
// a hand-written SQL floor measured in the same run (bench/at-scale-floors.ts):
//   - environmentFlows: a filtered, searched page of 50 with owners and run-only users, and
//     totalCount, on 100,000 flows / 1,000,000 grants (and the plan of its statement);
//   - accessibleFlows: a page of 50 with each flow's access paths, for a user in 5 groups;
//   - reassignFlows of 1,000 flows: its dry run, then the real call (one run each);
//   - sharingAudit(kinds:) on 10,000 flows / 100,000 grants (target: under a second).
// Seeds set-based (bench/at-scale-seed.ts). On the PostgreSQL of DATABASE_URL (npm run bench
// starts one); run alone without it, `node --import tsx bench/at-scale.ts`, it uses PGlite in
// memory and says so. BENCH_AT_SCALE_RUNS: runs per read case (default 30; audit: a third).
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { signToken, tokenVerifier } from '../src/auth/tokens.js';
import { openDatabase, type Db } from '../src/db/open.js';
import * as tables from '../src/db/tables.js';
import { flows, groups, ownerGrants, sharingEventRecipients, sharingEvents } from '../src/db/tables.js';
import { LogFeed } from '../src/events/feed.js';
import { globalId } from '../src/graphql/ids.js';
import { flowsOfEnvironment } from '../src/reads/flows.js';
import { startServer } from '../src/server.js';
import { auditFindingKinds, type AuditFindingKind } from '../src/sharing/audit.js';
import { auditByHand, inventoryPage, reachablePage, reassignByHand, type PageFilter, type PageOrder } from './at-scale-floors.js';
import { INVENTORY, rowsOf, seedAudit, seedInventory } from './at-scale-seed.js';

const RUNS = Number(process.env.BENCH_AT_SCALE_RUNS ?? 30);
const AUDIT_RUNS = Math.max(3, Math.round(RUNS / 3));
const SECRET = randomUUID() + randomUUID();

const INVENTORY_QUERY = `query Inventory($environmentId: ID!, $filter: FlowFilter, $orderBy: FlowOrder) {
  environmentFlows(environmentId: $environmentId, filter: $filter, orderBy: $orderBy, first: 50) {
    totalCount
    edges { node { id displayName state
      owners(first: 5) { edges { node { __typename ... on User { displayName } ... on Group { displayName } ... on SharePointList { title } } } }
      runOnlyUsers(first: 5) { edges { node { __typename ... on User { displayName } ... on Group { displayName } } } } } }
  }
}`;

const REACH_QUERY = `query Reach($userId: ID!, $environmentId: ID) {
  accessibleFlows(userId: $userId, environmentId: $environmentId, first: 50) {
    totalCount
    edges { node { id displayName } access { level blockedReason paths { kind via { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } } }
  }
}`;

const REASSIGN_MUTATION = `mutation Reassign($input: ReassignFlowsInput!) {
  reassignFlows(input: $input) {
    __typename
    ... on ReassignFlowsSuccess { dryRun eventCursor flows { id } resumedFlows { id } connectionsNeedingAttention { id } }
    ... on OperationError { code message field }
  }
}`;

const AUDIT_QUERY = `query Audit($environmentId: ID!, $kinds: [AuditFindingKind!]) {
  sharingAudit(environmentId: $environmentId, kinds: $kinds) {
    truncated
    findings { kind detail flow { id displayName } principal { __typename ... on User { id displayName } } connection { id displayName } }
  }
}`;

type Timing = { p50: number; p99: number };
type Row = { label: string; flowshare: Timing; floor: Timing | null; note?: string };

/** p50 and p99 of `runs` runs, after one to warm up (p99 of 30 runs is the slowest of them). */
async function sample(runs: number, run: () => Promise<unknown>): Promise<Timing> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(ms.length / 2)]!, p99: ms[Math.min(ms.length - 1, Math.ceil(ms.length * 0.99) - 1)]! };
}

async function once(run: () => Promise<unknown>): Promise<Timing> {
  const start = performance.now();
  await run();
  const ms = performance.now() - start;
  return { p50: ms, p99: ms };
}

function client(url: string, token: string) {
  return async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const result = (await response.json()) as { data?: T; errors?: unknown };
    if (!result.data || result.errors) throw new Error(`GraphQL failed: ${JSON.stringify(result).slice(0, 500)}`);
    return result.data;
  };
}

function check(ok: boolean, what: string) {
  if (!ok) throw new Error(`at-scale: flowshare and its floor disagree: ${what}`);
}

/** PostgreSQL only: EXPLAIN ANALYZE of the statements flowsOfEnvironment sends for this page. */
async function showPlan(databaseUrl: string, environmentId: string, filter: PageFilter, order: PageOrder) {
  const sent: { query: string; params: unknown[] }[] = [];
  const connection = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const db = drizzle(connection, {
      schema: tables,
      logger: { logQuery: (query, params) => void sent.push({ query, params }) },
    }) as unknown as Db;
    const list = flowsOfEnvironment(db, environmentId, { filter, order });
    await list.page({ after: null, before: null, limit: 51, inverted: false });
    const page = sent.at(-1)!;
    const plan = await connection.unsafe(`explain (analyze, buffers) ${page.query}`, page.params as never[]);
    // fold_case() is inlined in plans: folded back into a call, to be read.
    const folded = plan
      .map((r) => `  ${r['QUERY PLAN']}`)
      .join('\n')
      .replace(/'[^'\n]{200,}'/g, "'…'")
      .replace(
        /\(CASE WHEN \(octet_length\((.+?)\) = char_length\(\1\)\) THEN lower\(\(\1\)::text\) ELSE translate\(lower\(\(\1\)::text\), '…'::text, '…'::text\) END\)/g,
        'fold_case($1)',
      );
    console.log(`plan of the environmentFlows page statement (${JSON.stringify(filter)}):\n${folded}`);
  } finally {
    await connection.end();
  }
}

export async function benchAtScale(databaseUrl?: string) {
  const database = databaseUrl ? await openDatabase({ databaseUrl, poolSize: 10 }) : await openDatabase({ dataDir: undefined });
  await database.migrate();
  const { db } = database;
  const [version] = rowsOf<{ v: string }>(await db.execute(sql`select current_setting('server_version') as v`));
  const where = databaseUrl ? `PostgreSQL ${version!.v}` : `PGlite (PostgreSQL ${version!.v} in memory): no DATABASE_URL, so no PostgreSQL`;
  console.log(
    `at-scale on ${where}; load average at start ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  const started = performance.now();
  // Inserts of up to 600,000 rows outlast the server's statement timeout: seeded through a handle of their own.
  const seeder = databaseUrl ? await openDatabase({ databaseUrl, poolSize: 1, timeouts: { statementMs: 600_000 } }) : database;
  const inv = await seedInventory(seeder.db);
  const aud = await seedAudit(seeder.db);
  for (const table of [
    'users',
    'groups',
    'group_members',
    'sharepoint_lists',
    'list_editors',
    'environment_users',
    'flows',
    'owner_grants',
    'run_only_grants',
    'connection_references',
  ]) {
    await seeder.db.execute(sql.raw(`vacuum analyze ${table}`));
  }
  if (seeder !== database) await seeder.close();
  console.log(
    `seeded ${INVENTORY.flows.toLocaleString('en-US')} flows / ${inv.grants.toLocaleString('en-US')} grants and ` +
      `10,000 flows / ${aud.grants.toLocaleString('en-US')} grants in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const feed = await LogFeed.start(database, { pollMs: 1000 });
  const server = await startServer({
    db,
    feed,
    verify: tokenVerifier({ kind: 'secret', secret: SECRET }),
    port: 0,
    host: '127.0.0.1',
    quiet: true,
  });
  const rows: Row[] = [];
  try {
    const asAdmin = client(server.url, await signToken(SECRET, `admin-${inv.tag}`));

    // environmentFlows: a searched, filtered page, two ways.
    const pages: { label: string; filter: PageFilter; search: string; order: PageOrder }[] = [
      {
        label: 'environmentFlows: search "invoice approv", state ON, newest first',
        search: 'invoice approv',
        filter: { words: ['invoice', 'approv'], state: 'ON' },
        order: { field: 'CREATED_AT', direction: 'DESC' },
      },
      {
        label: 'environmentFlows: search "budget", trigger SCHEDULED, by name',
        search: 'budget',
        filter: { words: ['budget'], trigger: 'SCHEDULED' },
        order: { field: 'DISPLAY_NAME', direction: 'ASC' },
      },
    ];
    for (const p of pages) {
      if (databaseUrl) await showPlan(databaseUrl, inv.environmentId, p.filter, p.order);
      const variables = {
        environmentId: globalId('Environment', inv.environmentId),
        filter: { search: p.search, state: p.filter.state, trigger: p.filter.trigger },
        orderBy: p.order,
      };
      type Page = { environmentFlows: { totalCount: number; edges: { node: { id: string } }[] } };
      const [hand, api] = [await inventoryPage(db, inv.environmentId, p.filter, p.order), await asAdmin<Page>(INVENTORY_QUERY, variables)];
      check(Number(hand[0]?.total ?? 0) === api.environmentFlows.totalCount, `${p.label}: totalCount`);
      check(
        hand
          .slice(0, 50)
          .map((r) => globalId('Flow', r.id))
          .join() === api.environmentFlows.edges.map((e) => e.node.id).join(),
        `${p.label}: the page`,
      );
      const floor = await sample(RUNS, () => inventoryPage(db, inv.environmentId, p.filter, p.order));
      const flowshare = await sample(RUNS, () => asAdmin<Page>(INVENTORY_QUERY, variables));
      rows.push({ label: p.label, flowshare, floor, note: `${api.environmentFlows.totalCount.toLocaleString('en-US')} match` });
    }

    // accessibleFlows for Terry, in 5 groups (3 of which edit a list), asked by the admin.
    {
      const variables = { userId: globalId('User', inv.terry), environmentId: globalId('Environment', inv.environmentId) };
      type Page = { accessibleFlows: { totalCount: number; edges: { node: { id: string }; access: { paths: unknown[] } }[] } };
      const [hand, api] = [await reachablePage(db, inv.terry, inv.environmentId), await asAdmin<Page>(REACH_QUERY, variables)];
      check(
        Number(hand[0]?.total ?? 0) === api.accessibleFlows.totalCount,
        `accessibleFlows totalCount ${hand[0]?.total} vs ${api.accessibleFlows.totalCount}`,
      );
      check(
        hand
          .slice(0, 50)
          .map((r) => globalId('Flow', r.id))
          .join() === api.accessibleFlows.edges.map((e) => e.node.id).join(),
        'accessibleFlows: the page',
      );
      const floor = await sample(RUNS, () => reachablePage(db, inv.terry, inv.environmentId));
      const flowshare = await sample(RUNS, () => asAdmin<Page>(REACH_QUERY, variables));
      rows.push({
        label: 'accessibleFlows: a user in 5 groups, page of 50 with access paths',
        flowshare,
        floor,
        note: `${api.accessibleFlows.totalCount.toLocaleString('en-US')} reachable`,
      });
    }

    // reassignFlows of the leaver's 1,000 flows to the co-owner: dry run, then for real; the
    // floor hands the other leaver's 1,000 flows over by hand.
    {
      const input = (dryRun: boolean) => ({
        input: {
          environmentId: globalId('Environment', inv.environmentId),
          fromUserId: globalId('User', inv.leaver),
          toUserId: globalId('User', inv.coowner.id),
          removeFromUser: false,
          dryRun,
        },
      });
      type Answer = { reassignFlows: { __typename: string; dryRun?: boolean; flows?: unknown[]; message?: string } };
      const call = async (dryRun: boolean) => {
        const answer = (await asAdmin<Answer>(REASSIGN_MUTATION, input(dryRun))).reassignFlows;
        check(
          answer.__typename === 'ReassignFlowsSuccess' && answer.flows!.length === INVENTORY.reassigned && answer.dryRun === dryRun,
          `reassignFlows: ${JSON.stringify(answer).slice(0, 300)}`,
        );
      };
      const dry = await once(() => call(true));
      check((await written(db, inv.leaver, inv.coowner.id)).grants === 0, 'the dry run wrote grants');
      const real = await once(() => call(false));
      const byApi = await written(db, inv.leaver, inv.coowner.id);
      const floor = await once(() =>
        reassignByHand(db, {
          environmentId: inv.environmentId,
          tenantId: inv.tenantId,
          leaver: inv.floorLeaver,
          heir: inv.coowner.id,
          admin: inv.admin.id,
        }),
      );
      const byHand = await written(db, inv.floorLeaver, inv.coowner.id);
      for (const w of [byApi, byHand])
        check(w.grants === INVENTORY.reassigned && w.events === INVENTORY.reassigned, `reassigned ${JSON.stringify(w)}`);
      rows.push({
        label: 'reassignFlows of 1,000 flows, dryRun (one run)',
        flowshare: dry,
        floor,
        note: 'writes nothing; floor: the real change',
      });
      rows.push({
        label: 'reassignFlows of 1,000 flows (one run)',
        flowshare: real,
        floor,
        note: `grants/events/recipients written: ${byApi.grants}/${byApi.events}/${byApi.recipients.toLocaleString('en-US')}; floor (other flows, other owners) ${byHand.grants}/${byHand.events}/${byHand.recipients.toLocaleString('en-US')}`,
      });
    }

    // sharingAudit on the other tenant's secured environment: every kind, and the departed-user kinds.
    {
      const asAuditor = client(server.url, await signToken(SECRET, `admin-${aud.tag}`));
      const [team] = await db
        .select()
        .from(groups)
        .where(eq(groups.externalId, `team-${aud.tag}`));
      const cases: { label: string; kinds: AuditFindingKind[] | null }[] = [
        { label: 'sharingAudit, every kind', kinds: null },
        {
          label: 'sharingAudit(kinds: [NO_ACTIVE_OWNER, DEPARTED_CONNECTION_OWNER])',
          kinds: ['NO_ACTIVE_OWNER', 'DEPARTED_CONNECTION_OWNER'],
        },
      ];
      for (const c of cases) {
        const all: AuditFindingKind[] = [...auditFindingKinds];
        const variables = { environmentId: globalId('Environment', aud.environmentId), kinds: c.kinds };
        type Audit = { sharingAudit: { truncated: boolean; findings: unknown[] } };
        const byHand = () => auditByHand(db, aud.environmentId, team!.id, c.kinds ?? all);
        const [hand, api] = [await byHand(), await asAuditor<Audit>(AUDIT_QUERY, variables)];
        check(
          hand.findings === api.sharingAudit.findings.length && hand.total > 1000 === api.sharingAudit.truncated,
          `${c.label}: ${hand.findings} (of ${hand.total}) vs ${api.sharingAudit.findings.length} findings`,
        );
        const floor = await sample(AUDIT_RUNS, byHand);
        const flowshare = await sample(AUDIT_RUNS, () => asAuditor<Audit>(AUDIT_QUERY, variables));
        rows.push({
          label: `${c.label} (10,000 flows / ${aud.grants.toLocaleString('en-US')} grants)`,
          flowshare,
          floor,
          note: `${hand.total.toLocaleString('en-US')} findings${hand.total > 1000 ? ' (1,000 listed)' : ''}; under 1 s: ${flowshare.p50 < 1000 ? 'yes' : 'NO'}`,
        });
      }
    }
  } finally {
    await server.close();
    await feed.close();
    await database.close();
  }

  const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
  console.log(`\nat-scale on ${where}, ms (read cases: ${RUNS} runs, audit ${AUDIT_RUNS}; p99 of so few is about the slowest run)`);
  console.log('| case | flowshare p50 | flowshare p99 | floor p50 | floor p99 | ratio (p50) | |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const floor = r.floor ? [ms(r.floor.p50), ms(r.floor.p99), `${(r.flowshare.p50 / r.floor.p50).toFixed(1)}x`] : ['', '', ''];
    console.log(`| ${r.label} | ${ms(r.flowshare.p50)} | ${ms(r.flowshare.p99)} | ${floor.join(' | ')} | ${r.note ?? ''} |`);
  }
  console.log(
    `load average at the end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

/** What a reassignment left: the heir's owner grants on the leaver's flows, their OWNER_ADDED events and those events' recipients. */
async function written(db: Db, leaver: string, heir: string) {
  const handed = db.select({ id: flows.id }).from(flows).where(eq(flows.primaryOwnerId, leaver));
  const [grants] = await db
    .select({ n: count() })
    .from(ownerGrants)
    .where(and(eq(ownerGrants.userId, heir), inArray(ownerGrants.flowId, handed)));
  const events = and(eq(sharingEvents.kind, 'OWNER_ADDED'), eq(sharingEvents.principalId, heir), inArray(sharingEvents.flowId, handed));
  const [evented] = await db.select({ n: count() }).from(sharingEvents).where(events);
  const [recipients] = await db
    .select({ n: count() })
    .from(sharingEventRecipients)
    .innerJoin(sharingEvents, eq(sharingEvents.position, sharingEventRecipients.position))
    .where(events);
  return { grants: grants!.n, events: evented!.n, recipients: recipients!.n };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchAtScale(process.env.DATABASE_URL || undefined);
}
