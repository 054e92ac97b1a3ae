// Races between mutations end in success or a typed error (S29, issue #18), through the
// public API: triggerFlow and sendFlowCopy against deleteFlow, and admin changes
// (setDlpPolicy, setEnvironmentRole) against sharing, primary-owner changes, state changes
// and edits in the same environment. After each burst: no untyped error, no copy with an
// empty snapshot, no event of a flow after its FLOW_DELETED, and on PostgreSQL no deadlock
// at all (pg_stat_database.deadlocks of a database of our own, before and after).
// On PostgreSQL two servers (each with its own pool and log feed) share the database; on
// PGlite (one connection) the same scenarios run against one server.
// Each scenario prints: requests, successes, typed errors by code, untyped errors, deadlocks.
// RACE_SCALE (default 1) multiplies the flows and requests of every scenario: CI runs bursts of a
// few seconds; `RACE_SCALE=12 bash scripts/with-postgres.sh npx vitest run test/races.test.ts`
// runs each scenario for about half a minute.
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isolatedDatabaseUrl, startTestApp, type GqlResult, type TestApp } from './support/app.js';
import {
  DeleteFlow,
  SetFlowState,
  TryChangePrimaryOwner,
  TryModifyFlowOwners,
  TrySendFlowCopy,
  TrySetDlpPolicy,
  TrySetEnvironmentRole,
  TryTriggerFlow,
  UpdateFlow,
} from './support/documents.js';
import { connectionOf, flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
/** Requests in flight at once, spread over the servers. */
const CONCURRENCY = 20;
const SCALE = Math.max(1, Number(process.env.RACE_SCALE ?? 1));
vi.setConfig({ testTimeout: 30_000 * SCALE });

let databaseUrl: string | undefined;
let admin: postgres.Sql | undefined;

beforeAll(async () => {
  databaseUrl = await isolatedDatabaseUrl();
  if (databaseUrl) admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
});

afterAll(async () => {
  await admin?.end();
});

/** Deadlocks PostgreSQL counted in our database, once every other backend of it has gone (their stats are flushed at exit). */
async function deadlocks(): Promise<number> {
  if (!admin) return 0;
  for (let i = 0; i < 100; i++) {
    const [{ n }] =
      (await admin`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`) as unknown as [
        { n: number },
      ];
    if (n === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await admin`select pg_stat_clear_snapshot()`;
  const [{ deadlocks: count }] =
    (await admin`select deadlocks::int as deadlocks from pg_stat_database where datname = current_database()`) as unknown as [
      { deadlocks: number },
    ];
  return count;
}

/** One server, or on PostgreSQL two on the same database. */
async function startApps(): Promise<TestApp[]> {
  const first = await startTestApp({ databaseUrl });
  return onPostgres ? [first, await startTestApp({ databaseUrl })] : [first];
}

type Request = { name: string; run: (app: TestApp) => Promise<GqlResult<Record<string, unknown>>> };
type Tally = { requests: number; successes: number; typed: Record<string, number>; untyped: number; untypedSamples: string[] };

/** Runs the requests CONCURRENCY at a time, alternating servers; tallies each result. */
async function burst(apps: TestApp[], requests: Request[]): Promise<Tally> {
  const tally: Tally = { requests: 0, successes: 0, typed: {}, untyped: 0, untypedSamples: [] };
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const i = next++;
      const request = requests[i]!;
      const result = await request.run(apps[i % apps.length]!);
      tally.requests++;
      const field = result.data ? (Object.values(result.data)[0] as { __typename?: string; code?: string } | null) : null;
      if (result.status !== 200 || result.errors?.length || !field) {
        tally.untyped++;
        if (tally.untypedSamples.length < 5)
          tally.untypedSamples.push(`${request.name}: ${result.status} ${JSON.stringify(result.errors)}`);
      } else if (field.__typename === 'OperationError') {
        tally.typed[`${request.name}:${field.code}`] = (tally.typed[`${request.name}:${field.code}`] ?? 0) + 1;
      } else {
        tally.successes++;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return tally;
}

/** Interleaves per-flow request lists round-robin, so each flow's requests are in flight together. */
function interleave(lists: Request[][]): Request[] {
  const out: Request[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]!);
  return out;
}

function report(scenario: string, tally: Tally, deadlocked: number) {
  console.log(
    `[races ${onPostgres ? 'postgresql, 2 servers' : 'pglite'}] ${scenario}: requests ${tally.requests}, successes ${tally.successes}, ` +
      `typed ${JSON.stringify(tally.typed)}, untyped ${tally.untyped}, deadlocks ${deadlocked}` +
      (tally.untypedSamples.length ? `\n  untyped: ${tally.untypedSamples.join('\n  ')}` : ''),
  );
}

/** Typed codes a scenario may answer, as "mutation:CODE". */
function expectOnly(tally: Tally, allowed: string[]) {
  expect(tally.untypedSamples).toEqual([]);
  expect(tally.untyped).toBe(0);
  expect(Object.keys(tally.typed).filter((k) => !allowed.includes(k))).toEqual([]);
}

async function rows<T>(app: TestApp, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await app.database.db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** Events of a flow written after its FLOW_DELETED, in the tenant. */
async function eventsAfterDeletion(app: TestApp, t: Tenant): Promise<number> {
  const [row] = await rows<{ n: number }>(
    app,
    sql`select count(*)::int as n from sharing_events e
        join sharing_events d on d.flow_id = e.flow_id and d.kind = 'FLOW_DELETED' and e.position > d.position
        join tenants tn on tn.id = e.tenant_id
        where tn.external_id = ${t.ext('tenant')}`,
  );
  return row!.n;
}

/** Copies sent by the maker whose snapshot has no action (every source flow has two). */
async function emptyCopies(app: TestApp, t: Tenant): Promise<{ empty: number; all: number }> {
  const [r] = await rows<{ empty: number; all: number }>(
    app,
    sql`select count(*) filter (where jsonb_array_length(definition->'actions') = 0)::int as empty, count(*)::int as "all"
        from flow_copies where sender_id = ${t.rows.users.get('maker')!}`,
  );
  return r!;
}

async function flowsOf(app: TestApp, t: Tenant, n: number, extra: { solutionAware?: boolean } = {}) {
  const connectionId = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
  const flows = [];
  for (let i = 0; i < n; i++) {
    const flow = await flowOf(app, t.tokens.maker, {
      environmentId: t.defaultEnv,
      displayName: `Race ${i}`,
      actions: [{ name: 'read', connectionId }, { name: 'wait' }],
      ...extra,
    });
    const added = await app.gql(TryModifyFlowOwners, { input: { flowId: flow.id, add: [t.users.coowner] } }, t.tokens.maker);
    expect(added.data?.modifyFlowOwners.__typename).toBe('ModifyFlowOwnersSuccess');
    flows.push(flow);
  }
  return { flows, connectionId };
}

describe('races between mutations end in success or a typed error (S29)', () => {
  it('triggerFlow against deleteFlow: runs before the delete, NOT_FOUND after it', async () => {
    const before = await deadlocks();
    const apps = await startApps();
    const t = await makeTenant(apps[0]!);
    const { flows } = await flowsOf(apps[0]!, t, 12 * SCALE);
    const trigger = (flowId: string, token: string): Request => ({
      name: 'triggerFlow',
      run: (app) => app.gql(TryTriggerFlow, { input: { flowId } }, token),
    });
    const requests = interleave(
      flows.map((f) => {
        const list = Array.from({ length: 20 }, (_, i) => trigger(f.id, i % 2 ? t.tokens.maker : t.tokens.coowner));
        list.splice(8, 0, { name: 'deleteFlow', run: (app) => app.gql(DeleteFlow, { input: { flowId: f.id } }, t.tokens.maker) });
        return list;
      }),
    );
    const tally = await burst(apps, requests);
    const [{ n: runsLeft }] = (await rows<{ n: number }>(
      apps[0]!,
      sql`select count(*)::int as n from flow_runs where invoker_id = ${t.rows.users.get('maker')!}`,
    )) as [{ n: number }];
    const afterDeletion = await eventsAfterDeletion(apps[0]!, t);
    for (const app of apps) await app.close();
    const deadlocked = (await deadlocks()) - before;
    report('triggerFlow vs deleteFlow', tally, deadlocked);

    expectOnly(tally, ['triggerFlow:NOT_FOUND']);
    expect(tally.typed['deleteFlow:NOT_FOUND']).toBeUndefined();
    expect(tally.successes + (tally.typed['triggerFlow:NOT_FOUND'] ?? 0)).toBe(tally.requests);
    expect(runsLeft).toBe(0); // every flow is gone, and its runs with it
    expect(afterDeletion).toBe(0);
    expect(deadlocked).toBe(0);
  });

  it('sendFlowCopy and sharing against deleteFlow: a whole copy before the delete, NOT_FOUND after; no event after FLOW_DELETED', async () => {
    const before = await deadlocks();
    const apps = await startApps();
    const t = await makeTenant(apps[0]!);
    const { flows } = await flowsOf(apps[0]!, t, 12 * SCALE);
    const requests = interleave(
      flows.map((f) => {
        const list: Request[] = Array.from({ length: 16 }, (_, i) =>
          i % 4 === 3
            ? {
                name: 'modifyFlowOwners',
                run: (app) =>
                  app.gql(
                    TryModifyFlowOwners,
                    { input: { flowId: f.id, ...(i % 8 === 3 ? { add: [t.users.free] } : { remove: [t.users.free] }) } },
                    t.tokens.maker,
                  ),
              }
            : {
                name: 'sendFlowCopy',
                run: (app) =>
                  app.gql(
                    TrySendFlowCopy,
                    { input: { flowId: f.id, recipientIds: [i % 2 ? t.users.coowner : t.users.free] } },
                    t.tokens.maker,
                  ),
              },
        );
        list.splice(7, 0, { name: 'deleteFlow', run: (app) => app.gql(DeleteFlow, { input: { flowId: f.id } }, t.tokens.maker) });
        return list;
      }),
    );
    const tally = await burst(apps, requests);
    const copies = await emptyCopies(apps[0]!, t);
    const afterDeletion = await eventsAfterDeletion(apps[0]!, t);
    for (const app of apps) await app.close();
    const deadlocked = (await deadlocks()) - before;
    report('sendFlowCopy + modifyFlowOwners vs deleteFlow', tally, deadlocked);

    expectOnly(tally, ['sendFlowCopy:NOT_FOUND', 'modifyFlowOwners:NOT_FOUND']);
    expect(tally.typed['deleteFlow:NOT_FOUND']).toBeUndefined();
    expect(copies.all).toBeGreaterThan(0);
    expect(copies.empty).toBe(0);
    expect(afterDeletion).toBe(0);
    expect(deadlocked).toBe(0);
  });

  it('setDlpPolicy and setEnvironmentRole against sharing, primary-owner changes, state changes and edits in one environment: no deadlock', async () => {
    const before = await deadlocks();
    const apps = await startApps();
    const t = await makeTenant(apps[0]!);
    const { flows, connectionId } = await flowsOf(apps[0]!, t, 4, { solutionAware: true });
    const policies = [
      [],
      [{ connectorId: t.sharepoint, class: 'BUSINESS' as const }],
      [{ connectorId: t.sharepoint, class: 'BLOCKED' as const }],
    ];
    const requests: Request[] = [];
    for (let i = 0; i < 240 * SCALE; i++) {
      const f = flows[i % flows.length]!;
      const who = i % 3 === 0 ? t.tokens.coowner : t.tokens.maker;
      const kind = i % 8;
      if (kind === 0) {
        // Blocking suspends the flows; mostly policies that leave them be.
        const classifications = policies[i % 48 === 0 ? 2 : (i / 8) % 2]!;
        requests.push({
          name: 'setDlpPolicy',
          run: (app) => app.gql(TrySetDlpPolicy, { input: { environmentId: t.defaultEnv, classifications } }, t.tokens.admin),
        });
      } else if (kind === 1) {
        const role = Math.floor(i / 16) % 2 === 0 ? ('BASIC_USER' as const) : ('ENVIRONMENT_MAKER' as const);
        requests.push({
          name: 'setEnvironmentRole',
          run: (app) =>
            app.gql(
              TrySetEnvironmentRole,
              { input: { environmentId: t.defaultEnv, userId: i % 16 === 1 ? t.users.coowner : t.users.basic, role } },
              t.tokens.admin,
            ),
        });
      } else if (kind === 2 || kind === 5) {
        requests.push({
          name: 'modifyFlowOwners',
          run: (app) =>
            app.gql(
              TryModifyFlowOwners,
              { input: { flowId: f.id, ...(i % 2 ? { add: [t.users.free, t.team] } : { remove: [t.users.free, t.team] }) } },
              who,
            ),
        });
      } else if (kind === 3) {
        const newOwnerId = i % 16 < 8 ? t.users.coowner : t.users.maker;
        requests.push({
          name: 'changePrimaryOwner',
          run: (app) => app.gql(TryChangePrimaryOwner, { input: { flowId: f.id, newOwnerId } }, who),
        });
      } else if (kind === 4 || kind === 7) {
        requests.push({
          name: 'setFlowState',
          run: (app) => app.gql(SetFlowState, { input: { flowId: f.id, state: i % 16 < 8 ? 'OFF' : 'ON' } }, who),
        });
      } else {
        requests.push({
          name: 'updateFlow',
          run: (app) =>
            app.gql(
              UpdateFlow,
              { input: { flowId: f.id, displayName: `Race ${i}`, actions: [{ name: 'read', connectionId }, { name: `wait ${i}` }] } },
              who,
            ),
        });
      }
    }
    const tally = await burst(apps, requests);
    // Leave the environment as the tenant had it.
    await apps[0]!.gql(TrySetDlpPolicy, { input: { environmentId: t.defaultEnv, classifications: [] } }, t.tokens.admin);
    for (const app of apps) await app.close();
    const deadlocked = (await deadlocks()) - before;
    report('setDlpPolicy + setEnvironmentRole vs sharing, primary owner, state, edits', tally, deadlocked);

    // The typed answers these changes give on their own when they interleave: a demoted maker
    // (ROLE_REQUIRED), a blocked connector (DLP_VIOLATION). Never CONFLICT from a deadlock.
    expectOnly(tally, [
      'modifyFlowOwners:ROLE_REQUIRED',
      'changePrimaryOwner:ROLE_REQUIRED',
      'updateFlow:ROLE_REQUIRED',
      'updateFlow:DLP_VIOLATION',
      'setFlowState:DLP_VIOLATION',
    ]);
    expect(tally.successes).toBeGreaterThan(tally.requests / 2);
    expect(deadlocked).toBe(0);
  });
});
