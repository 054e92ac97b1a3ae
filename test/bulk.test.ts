// Bulk changes over HTTP (S25): reassignFlows, removePrincipalFromFlows,
// replaceConnectionEverywhere. Each applies the single-flow rules and writes, for each flow,
// the events the single-flow mutations write (checked against a twin tenant changed one flow
// at a time); a dry run answers what the real call then does and writes nothing; a refusal of
// one flow refuses the call, naming that flow; a call over the bound is refused whole; two
// admins reassigning at once; and the source document's departed-user story in a few calls.
import { and, count, eq, gt, inArray, max } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/config.js';
import {
  connectionReferences,
  environmentUsers,
  ownerGrants,
  runOnlyGrants,
  sharingEventRecipients,
  sharingEvents,
} from '../src/db/tables.js';
import { importDirectory } from '../src/directory/import.js';
import { globalId, parseGlobalId } from '../src/graphql/ids.js';
import { graphql } from './gql/index.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import {
  DeleteFlow,
  TryChangePrimaryOwner,
  TryModifyFlowOwners,
  TryModifyRunOnlyUsers,
  TrySetEnvironmentRole,
} from './support/documents.js';
import { connectionOf, failure, flowOf } from './support/fixtures.js';
import { makeTenant, type Person, type Tenant } from './support/tenant.js';

const Reassign = graphql(`
  mutation BulkReassign($input: ReassignFlowsInput!) {
    reassignFlows(input: $input) {
      __typename
      ... on ReassignFlowsSuccess {
        dryRun
        eventCursor
        flows { id displayName state primaryOwner { id } }
        resumedFlows { id state }
        connectionsNeedingAttention { id owner { id } }
      }
      ... on OperationError { code message field }
    }
  }
`);
const RemovePrincipal = graphql(`
  mutation BulkRemovePrincipal($input: RemovePrincipalFromFlowsInput!) {
    removePrincipalFromFlows(input: $input) {
      __typename
      ... on RemovePrincipalFromFlowsSuccess {
        dryRun
        eventCursor
        flows { id displayName }
        skippedFlows { id displayName }
        connectionsNeedingAttention { id }
      }
      ... on OperationError { code message field }
    }
  }
`);
const ReplaceEverywhere = graphql(`
  mutation BulkReplaceEverywhere($input: ReplaceConnectionEverywhereInput!) {
    replaceConnectionEverywhere(input: $input) {
      __typename
      ... on ReplaceConnectionEverywhereSuccess { dryRun flows { id displayName connectionReferences { connection { id } } } }
      ... on OperationError { code message field }
    }
  }
`);
const BulkAudit = graphql(`
  query BulkAudit($environmentId: ID!) {
    sharingAudit(environmentId: $environmentId) { findings { kind flow { id displayName } connection { id connector { id } } } }
  }
`);
const BulkFlow = graphql(`
  query BulkFlow($id: ID!) {
    node(id: $id) {
      ... on Flow {
        state
        primaryOwner { id }
        owners(first: 50) { edges { node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } }
        runOnlyUsers(first: 50) { edges { node { __typename ... on User { id } ... on Group { id } } } }
        connectionReferences { connection { id } }
      }
    }
  }
`);

let app: TestApp;
/** A server that allows 2 flows per bulk call. */
let small: TestApp;
beforeAll(async () => {
  [app, small] = await Promise.all([startTestApp(), startTestApp({ server: { limits: { ...DEFAULT_LIMITS, bulkFlows: 2 } } })]);
});
afterAll(async () => {
  await app?.close();
  await small?.close();
});

const uuid = (gid: string) => parseGlobalId(gid)!.id;

async function reassign(input: Record<string, unknown>, token: string, on = app) {
  return ok(await on.gql(Reassign, { input: input as never }, token)).reassignFlows;
}
async function removePrincipal(input: Record<string, unknown>, token: string, on = app) {
  return ok(await on.gql(RemovePrincipal, { input: input as never }, token)).removePrincipalFromFlows;
}
async function replaceEverywhere(input: Record<string, unknown>, token: string, on = app) {
  return ok(await on.gql(ReplaceEverywhere, { input: input as never }, token)).replaceConnectionEverywhere;
}
/** What a bulk answer says will change: the ids in each of its lists (a dry run shows each flow as it is now). */
function idsOf(result: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(result)
      .filter(([, value]) => Array.isArray(value))
      .map(([field, list]) => [field, (list as { id: string }[]).map((x) => x.id)]),
  );
}
function success<T extends { __typename?: string }>(result: T) {
  if (result.__typename === 'OperationError') throw new Error(`expected a success, got ${JSON.stringify(result)}`);
  return result as Exclude<T, { __typename?: 'OperationError' }>;
}
async function flowNow(id: string, token: string, on = app) {
  const node = ok(await on.gql(BulkFlow, { id }, token)).node;
  if (!node || !('state' in node)) throw new Error('flow not visible');
  return {
    state: node.state,
    primaryOwner: node.primaryOwner.id,
    owners: node.owners.edges.map((e) => ('id' in e.node ? e.node.id : '')).sort(),
    runOnly: node.runOnlyUsers.edges.map((e) => ('id' in e.node ? e.node.id : '')).sort(),
    connections: node.connectionReferences.map((r) => r.connection?.id ?? null),
  };
}
async function depart(on: TestApp, t: Tenant, person: Person) {
  const user = t.directory.users.find((u) => u.id === t.ext(person))!;
  await importDirectory(on.database.db, { users: [{ ...user, status: 'DEPARTED' }] });
}

/** Grants, events, references and environment members of flows: what a call wrote, if anything. */
async function writtenFor(on: TestApp, t: Tenant, flowIds: string[]) {
  const { db } = on.database;
  const ids = flowIds.map(uuid);
  const [[owners], [runners], [events], [members], refs] = await Promise.all([
    db.select({ n: count() }).from(ownerGrants).where(inArray(ownerGrants.flowId, ids)),
    db.select({ n: count() }).from(runOnlyGrants).where(inArray(runOnlyGrants.flowId, ids)),
    db.select({ n: count() }).from(sharingEvents).where(inArray(sharingEvents.flowId, ids)),
    db
      .select({ n: count() })
      .from(environmentUsers)
      .where(inArray(environmentUsers.environmentId, [...t.rows.environments.values()])),
    db.select().from(connectionReferences).where(inArray(connectionReferences.flowId, ids)).orderBy(connectionReferences.id),
  ]);
  return { owners: owners!.n, runners: runners!.n, events: events!.n, members: members!.n, refs };
}
async function lastPosition(on: TestApp): Promise<number> {
  const [row] = await on.database.db.select({ position: max(sharingEvents.position) }).from(sharingEvents);
  return row?.position ?? 0;
}

/**
 * The events a tenant's flows got after `after`, per flow (by name) in the order written, with
 * every user id (actor, principal, recipients, audience) as the tenant's person name: two
 * tenants changed the same way compare equal.
 */
async function eventsByFlow(on: TestApp, t: Tenant, after: number, names: Map<string, string>) {
  const person = new Map([...t.rows.users].map(([name, id]) => [id, name]));
  const as = (id: string | null) => (id === null ? null : (person.get(id) ?? (t.rows.groups.get('team') === id ? 'team' : 'other')));
  const { db } = on.database;
  const rows = await db
    .select()
    .from(sharingEvents)
    .where(and(gt(sharingEvents.position, after), inArray(sharingEvents.flowId, [...names.keys()].map(uuid))))
    .orderBy(sharingEvents.position);
  const recipients = await db
    .select()
    .from(sharingEventRecipients)
    .where(inArray(sharingEventRecipients.position, rows.length ? rows.map((r) => r.position) : [-1]));
  const out: Record<string, unknown[]> = {};
  for (const r of rows) {
    const name = names.get(globalId('Flow', r.flowId))!;
    const events = out[name] ?? [];
    out[name] = events;
    events.push({
      kind: r.kind,
      actor: as(r.actorId),
      actorRole: r.actorRole,
      principal: as(r.principalId),
      recipients: recipients
        .filter((x) => x.position === r.position)
        .map((x) => as(x.userId))
        .sort(),
      watchers: (r.watchers ?? []).map(as).sort(),
      admins: (r.admins ?? []).map(as).sort(),
    });
  }
  return out;
}

// ------------------------------------------------------------------ reassignFlows

/**
 * The departed-user fixture: the maker's solution-aware flow and classic flow on her connection,
 * the co-owner's flow she co-owns, the co-owner's own flow, her flow in the secured environment;
 * then she leaves (her two flows are suspended: no active owner).
 */
async function departedMaker(on: TestApp) {
  const t = await makeTenant(on);
  const sp = await connectionOf(on, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint, displayName: 'Maker SP' });
  const aware = await flowOf(on, t.tokens.maker, {
    environmentId: t.defaultEnv,
    displayName: 'Aware',
    solutionAware: true,
    actions: [{ name: 'Get', connectionId: sp }],
  });
  const classic = await flowOf(on, t.tokens.maker, {
    environmentId: t.defaultEnv,
    displayName: 'Classic',
    actions: [{ name: 'Get', connectionId: sp }],
  });
  const shared = await flowOf(on, t.tokens.coowner, { environmentId: t.defaultEnv, displayName: 'Shared' });
  ok(await on.gql(TryModifyFlowOwners, { input: { flowId: shared.id, add: [t.users.maker] } }, t.tokens.coowner));
  const untouched = await flowOf(on, t.tokens.coowner, { environmentId: t.defaultEnv, displayName: 'Untouched' });
  const elsewhere = await flowOf(on, t.tokens.maker, { environmentId: t.securedEnv, displayName: 'Elsewhere' });
  await depart(on, t, 'maker');
  const flows = { aware, classic, shared, untouched, elsewhere };
  const names = new Map(Object.entries(flows).map(([name, f]) => [f.id, name]));
  return { t, sp, ...flows, names };
}

describe('reassignFlows', () => {
  it("hands over the departed user's flows: a new primary owner where solution-aware (S13), a co-owner elsewhere; suspended flows resume; the same events as one flow at a time", async () => {
    const [bulk, twin] = await Promise.all([departedMaker(app), departedMaker(app)]);
    expect((await flowNow(bulk.aware.id, bulk.t.tokens.admin)).state).toBe('SUSPENDED');
    const input = {
      environmentId: bulk.t.defaultEnv,
      fromUserId: bulk.t.users.maker,
      toUserId: bulk.t.users.coowner,
      removeFromUser: true,
    };
    const start = await lastPosition(app);

    // The dry run answers what the real call does, and writes nothing.
    const before = await writtenFor(app, bulk.t, [...bulk.names.keys()]);
    const dry = success(await reassign({ ...input, dryRun: true }, bulk.t.tokens.admin));
    expect(await writtenFor(app, bulk.t, [...bulk.names.keys()])).toEqual(before);
    expect((await flowNow(bulk.aware.id, bulk.t.tokens.admin)).state).toBe('SUSPENDED');
    const real = success(await reassign(input, bulk.t.tokens.admin));
    expect(idsOf(dry)).toEqual(idsOf(real));
    expect([dry.dryRun, dry.eventCursor, real.dryRun]).toEqual([true, null, false]);
    // The dry run shows each flow as it is: still suspended, the maker still primary owner.
    expect(dry.resumedFlows.map((f) => f.state)).toEqual(['SUSPENDED', 'SUSPENDED']);
    expect(real.eventCursor).toEqual(expect.any(String));

    const byName = (list: { id: string }[]) => list.map((f) => bulk.names.get(f.id)).sort();
    expect(byName(real.flows)).toEqual(['aware', 'classic', 'shared']);
    expect(byName(real.resumedFlows)).toEqual(['aware', 'classic']);
    expect(real.resumedFlows.map((f) => f.state)).toEqual(['OFF', 'OFF']);
    expect(real.connectionsNeedingAttention).toEqual([{ id: bulk.sp, owner: { id: bulk.t.users.maker } }]);

    const { users } = bulk.t;
    expect(await flowNow(bulk.aware.id, bulk.t.tokens.admin)).toMatchObject({
      state: 'OFF',
      primaryOwner: users.coowner,
      owners: [users.coowner],
    });
    // S13, S4: a classic flow keeps its primary owner, who can't be removed; the co-owner joins.
    expect(await flowNow(bulk.classic.id, bulk.t.tokens.admin)).toMatchObject({
      state: 'OFF',
      primaryOwner: users.maker,
      owners: [users.maker, users.coowner].sort(),
    });
    expect(await flowNow(bulk.shared.id, bulk.t.tokens.admin)).toMatchObject({ primaryOwner: users.coowner, owners: [users.coowner] });
    expect((await flowNow(bulk.elsewhere.id, bulk.t.tokens.admin)).owners).toEqual([users.maker]);

    // The twin, one flow at a time with the single-flow mutations, as the admin.
    const single = async (doc: typeof TryModifyFlowOwners | typeof TryChangePrimaryOwner, variables: Record<string, unknown>) =>
      expect(
        Object.values(ok(await app.gql(doc as typeof TryModifyFlowOwners, { input: variables as never }, twin.t.tokens.admin)))[0]!
          .__typename,
      ).not.toBe('OperationError');
    const twinStart = await lastPosition(app);
    await single(TryChangePrimaryOwner, { flowId: twin.aware.id, newOwnerId: twin.t.users.coowner });
    await single(TryModifyFlowOwners, { flowId: twin.aware.id, remove: [twin.t.users.maker] });
    await single(TryModifyFlowOwners, { flowId: twin.classic.id, add: [twin.t.users.coowner] });
    await single(TryModifyFlowOwners, { flowId: twin.shared.id, add: [twin.t.users.coowner], remove: [twin.t.users.maker] });

    const bulkEvents = await eventsByFlow(app, bulk.t, start, bulk.names);
    expect(bulkEvents).toEqual(await eventsByFlow(app, twin.t, twinStart, twin.names));
    expect(
      Object.fromEntries(Object.entries(bulkEvents).map(([flow, events]) => [flow, events.map((e) => (e as { kind: string }).kind)])),
    ).toEqual({
      aware: ['PRIMARY_OWNER_CHANGED', 'FLOW_RESUMED', 'OWNER_REMOVED'],
      classic: ['OWNER_ADDED', 'FLOW_RESUMED'],
      shared: ['OWNER_REMOVED'],
    });
    for (const events of Object.values(bulkEvents)) for (const e of events) expect(e).toMatchObject({ actor: 'admin', actorRole: 'ADMIN' });
  });

  it("keeps fromUser's grants without removeFromUser, and changes nothing the second time", async () => {
    const { t, names, aware, classic, shared } = await departedMaker(app);
    const input = { environmentId: t.defaultEnv, fromUserId: t.users.maker, toUserId: t.users.guest };
    const first = success(await reassign(input, t.tokens.admin));
    expect(first.flows.map((f) => names.get(f.id)).sort()).toEqual(['aware', 'classic', 'shared']);
    expect((await flowNow(aware.id, t.tokens.admin)).owners).toEqual([t.users.maker, t.users.guest].sort());
    expect((await flowNow(shared.id, t.tokens.admin)).owners).toEqual([t.users.coowner, t.users.maker, t.users.guest].sort());
    // Again: the maker still co-owns them all, the guest owns them already; no event.
    const again = success(await reassign(input, t.tokens.admin));
    expect(again.flows.map((f) => names.get(f.id)).sort()).toEqual(['aware', 'classic', 'shared']);
    expect([again.resumedFlows, again.eventCursor]).toEqual([[], null]);
    expect((await flowNow(classic.id, t.tokens.admin)).state).toBe('OFF');
  });

  it('is for admins of the environment, between two users of the tenant, the new owner active', async () => {
    const { t } = await departedMaker(app);
    const other = await makeTenant(app);
    const input = { environmentId: t.defaultEnv, fromUserId: t.users.maker, toUserId: t.users.coowner };
    const refused = async (change: Record<string, unknown>, token = t.tokens.admin) =>
      failure(await reassign({ ...input, ...change }, token));
    expect(await refused({}, t.tokens.coowner)).toMatchObject({ code: 'NOT_AUTHORIZED', field: ['input', 'environmentId'] });
    expect(await refused({}, other.tokens.admin)).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'environmentId'] });
    expect(await refused({ toUserId: t.users.maker })).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'toUserId'] });
    expect(await refused({ fromUserId: t.users.coowner, toUserId: t.users.maker })).toMatchObject({
      code: 'INVALID_INPUT',
      field: ['input', 'toUserId'],
      message: expect.stringMatching(/left the organization/),
    });
    expect(await refused({ toUserId: other.users.maker })).toMatchObject({ code: 'CROSS_TENANT', field: ['input', 'toUserId'] });
    expect(await refused({ fromUserId: other.users.maker })).toMatchObject({ code: 'CROSS_TENANT', field: ['input', 'fromUserId'] });
    expect(await refused({ fromUserId: globalId('User', '00000000-0000-4000-8000-000000000000') })).toMatchObject({
      code: 'NOT_FOUND',
      field: ['input', 'fromUserId'],
    });
    expect(await refused({ toUserId: t.team })).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'toUserId'] });
    // S1: an admin with the free license can't share.
    ok(
      await app.gql(
        TrySetEnvironmentRole,
        { input: { environmentId: t.defaultEnv, userId: t.users.free, role: 'ENVIRONMENT_ADMIN' } },
        t.tokens.admin,
      ),
    );
    const unlicensed = await refused({}, t.tokens.free);
    expect(unlicensed).toMatchObject({ code: 'LICENSE_REQUIRED', field: ['input', 'flows', expect.any(String)] });
  });

  it('refuses the whole call when one flow is refused, naming that flow, and writes nothing', async () => {
    // In the secured environment the co-owner has no role: they can't become primary owner of
    // the solution-aware flow (ROLE_REQUIRED), though the classic flow could take them as co-owner.
    const t = await makeTenant(app);
    const classic = await flowOf(app, t.tokens.maker, { environmentId: t.securedEnv, displayName: 'Classic' });
    const aware = await flowOf(app, t.tokens.maker, { environmentId: t.securedEnv, displayName: 'Aware', solutionAware: true });
    const before = await writtenFor(app, t, [classic.id, aware.id]);
    for (const dryRun of [true, false]) {
      const refused = failure(
        await reassign({ environmentId: t.securedEnv, fromUserId: t.users.maker, toUserId: t.users.coowner, dryRun }, t.tokens.admin),
      );
      expect(refused).toMatchObject({ code: 'ROLE_REQUIRED', field: ['input', 'flows', aware.id] });
      expect(refused.message).toMatch(/^Flow "Aware": /);
    }
    expect(await writtenFor(app, t, [classic.id, aware.id])).toEqual(before);
    expect((await flowNow(classic.id, t.tokens.admin)).owners).toEqual([t.users.maker]);
  });

  it(`is refused whole over the bound (FLOWSHARE_MAX_BULK_FLOWS), with the count, writing nothing`, async () => {
    const t = await makeTenant(small);
    const flows = [];
    for (let i = 0; i < 3; i++) flows.push(await flowOf(small, t.tokens.maker, { environmentId: t.defaultEnv, displayName: `F${i}` }));
    const before = await writtenFor(
      small,
      t,
      flows.map((f) => f.id),
    );
    const input = { environmentId: t.defaultEnv, fromUserId: t.users.maker, toUserId: t.users.coowner };
    for (const dryRun of [true, false]) {
      const refused = failure(await reassign({ ...input, dryRun }, t.tokens.admin, small));
      expect(refused).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'fromUserId'] });
      expect(refused.message).toMatch(/3 flows, more than the 2/);
    }
    expect(
      await writtenFor(
        small,
        t,
        flows.map((f) => f.id),
      ),
    ).toEqual(before);
    // At the bound it goes through.
    expect(ok(await small.gql(DeleteFlow, { input: { flowId: flows[0]!.id } }, t.tokens.maker)).deleteFlow.__typename).toBe(
      'DeleteFlowSuccess',
    );
    expect(success(await reassign(input, t.tokens.admin, small)).flows).toHaveLength(2);
  });

  it("two admins reassigning the same user's flows at once: each call succeeds or is a typed error; each flow gets one grant and one change's events", async () => {
    const t = await makeTenant(app);
    ok(
      await app.gql(
        TrySetEnvironmentRole,
        { input: { environmentId: t.defaultEnv, userId: t.users.coowner, role: 'ENVIRONMENT_ADMIN' } },
        t.tokens.admin,
      ),
    );
    const flows = [];
    for (let i = 0; i < 6; i++) {
      flows.push(await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: `Flow ${i}`, solutionAware: i % 2 === 0 }));
    }
    const start = await lastPosition(app);
    const input = { environmentId: t.defaultEnv, fromUserId: t.users.maker, toUserId: t.users.guest, removeFromUser: true };
    const results = await Promise.all([
      reassign(input, t.tokens.admin),
      reassign(input, t.tokens.coowner),
      reassign(input, t.tokens.admin),
    ]);
    for (const r of results) expect(['ReassignFlowsSuccess', 'OperationError']).toContain(r.__typename);
    for (const r of results) if (r.__typename === 'OperationError') expect(r.code).toBe('CONFLICT');
    expect(results.some((r) => r.__typename === 'ReassignFlowsSuccess')).toBe(true);

    const { db } = app.database;
    const guestGrants = await db
      .select({ flowId: ownerGrants.flowId })
      .from(ownerGrants)
      .where(
        and(
          inArray(
            ownerGrants.flowId,
            flows.map((f) => uuid(f.id)),
          ),
          eq(ownerGrants.userId, t.rows.users.get('guest')!),
        ),
      );
    expect(guestGrants.map((g) => globalId('Flow', g.flowId)).sort()).toEqual(flows.map((f) => f.id).sort());
    const names = new Map(flows.map((f, i) => [f.id, String(i)]));
    const events = await eventsByFlow(app, t, start, names);
    for (const [name, list] of Object.entries(events)) {
      const kinds = list.map((e) => (e as { kind: string }).kind);
      // Solution-aware: a new primary owner, the old one removed; classic: the guest joins, the maker stays primary.
      expect(kinds, `flow ${name}`).toEqual(Number(name) % 2 === 0 ? ['PRIMARY_OWNER_CHANGED', 'OWNER_REMOVED'] : ['OWNER_ADDED']);
    }
    expect(Object.keys(events)).toHaveLength(6);
  });
});

// ------------------------------------------------------------------ removePrincipalFromFlows

describe('removePrincipalFromFlows', () => {
  it("removes a user's owner and run-only grants from every flow of the environment, skips the flows they are primary owner of, as one flow at a time would", async () => {
    const t = await makeTenant(app);
    const guestSp = await connectionOf(app, t.tokens.guest, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
    const owned = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: 'Co-owned' });
    ok(await app.gql(TryModifyFlowOwners, { input: { flowId: owned.id, add: [t.users.guest] } }, t.tokens.maker));
    // The guest, a co-owner, brings their own connection into it (S11: it needs attention once they go).
    const { updateFlow } = ok(
      await app.gql(
        graphql(`mutation BulkGuestEdits($input: UpdateFlowInput!) { updateFlow(input: $input) { __typename } }`),
        { input: { flowId: owned.id, actions: [{ name: 'Get', connectionId: guestSp }] } },
        t.tokens.guest,
      ),
    );
    expect(updateFlow.__typename).toBe('UpdateFlowSuccess');
    const runs = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: 'Run-only' });
    ok(await app.gql(TryModifyRunOnlyUsers, { input: { flowId: runs.id, add: [t.users.guest] } }, t.tokens.maker));
    const theirs = await flowOf(app, t.tokens.guest, { environmentId: t.defaultEnv, displayName: 'Their own' });
    const elsewhere = await flowOf(app, t.tokens.maker, { environmentId: t.securedEnv, displayName: 'Elsewhere' });
    ok(await app.gql(TryModifyFlowOwners, { input: { flowId: elsewhere.id, add: [t.users.guest] } }, t.tokens.maker));
    const names = new Map([owned, runs, theirs, elsewhere].map((f) => [f.id, f.displayName]));

    const input = { environmentId: t.defaultEnv, principalId: t.users.guest };
    const before = await writtenFor(app, t, [...names.keys()]);
    const start = await lastPosition(app);
    const dry = success(await removePrincipal({ ...input, dryRun: true }, t.tokens.admin));
    expect(await writtenFor(app, t, [...names.keys()])).toEqual(before);
    const real = success(await removePrincipal(input, t.tokens.admin));
    expect(idsOf(dry)).toEqual(idsOf(real));
    expect([dry.dryRun, dry.eventCursor]).toEqual([true, null]);
    expect(real).toMatchObject({
      dryRun: false,
      eventCursor: expect.any(String),
      skippedFlows: [{ id: theirs.id }],
      connectionsNeedingAttention: [{ id: guestSp }],
    });
    expect(real.flows.map((f) => f.displayName).sort()).toEqual(['Co-owned', 'Run-only']);
    expect((await flowNow(owned.id, t.tokens.admin)).owners).toEqual([t.users.maker]);
    expect((await flowNow(runs.id, t.tokens.admin)).runOnly).toEqual([]);
    expect((await flowNow(theirs.id, t.tokens.admin)).owners).toEqual([t.users.guest]);
    expect((await flowNow(elsewhere.id, t.tokens.admin)).owners).toEqual([t.users.maker, t.users.guest].sort());

    const events = await eventsByFlow(app, t, start, names);
    expect(Object.keys(events).sort()).toEqual(['Co-owned', 'Run-only']);
    expect(events['Co-owned']).toEqual([
      expect.objectContaining({
        kind: 'OWNER_REMOVED',
        actor: 'admin',
        actorRole: 'ADMIN',
        principal: 'guest',
        recipients: ['guest', 'maker'],
      }),
    ]);
    expect(events['Run-only']).toEqual([
      expect.objectContaining({
        kind: 'RUN_ONLY_REMOVED',
        actor: 'admin',
        actorRole: 'ADMIN',
        principal: 'guest',
        recipients: ['guest', 'maker'],
      }),
    ]);
  });

  it('removes a group and a list, is for admins only, and names what is wrong', async () => {
    const t = await makeTenant(app);
    const other = await makeTenant(app);
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: 'Team flow' });
    ok(await app.gql(TryModifyFlowOwners, { input: { flowId: flow.id, add: [t.team, t.list] } }, t.tokens.maker));
    ok(await app.gql(TryModifyRunOnlyUsers, { input: { flowId: flow.id, add: [t.team] } }, t.tokens.maker));
    const refused = async (input: Record<string, unknown>, token = t.tokens.admin) =>
      failure(await removePrincipal({ environmentId: t.defaultEnv, ...input }, token));
    expect(await refused({ principalId: t.team }, t.tokens.maker)).toMatchObject({
      code: 'NOT_AUTHORIZED',
      field: ['input', 'environmentId'],
    });
    expect(await refused({ principalId: other.team })).toMatchObject({ code: 'CROSS_TENANT', field: ['input', 'principalId'] });
    expect(await refused({ principalId: globalId('Group', '00000000-0000-4000-8000-000000000000') })).toMatchObject({
      code: 'NOT_FOUND',
      field: ['input', 'principalId'],
    });
    expect(await refused({ principalId: t.defaultEnv })).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'principalId'] });

    const group = success(await removePrincipal({ environmentId: t.defaultEnv, principalId: t.team }, t.tokens.admin));
    expect(group.flows.map((f) => f.id)).toEqual([flow.id]);
    expect(success(await removePrincipal({ environmentId: t.defaultEnv, principalId: t.list }, t.tokens.admin)).flows).toHaveLength(1);
    expect(await flowNow(flow.id, t.tokens.admin)).toMatchObject({ owners: [t.users.maker], runOnly: [] });
    // Nothing left to remove: a success that changed nothing.
    expect(success(await removePrincipal({ environmentId: t.defaultEnv, principalId: t.team }, t.tokens.admin))).toMatchObject({
      flows: [],
      eventCursor: null,
    });
  });

  it('is refused whole over the bound; the skipped flows do not count', async () => {
    const t = await makeTenant(small);
    const flows = [];
    for (let i = 0; i < 3; i++) flows.push(await flowOf(small, t.tokens.maker, { environmentId: t.defaultEnv, displayName: `F${i}` }));
    for (const f of flows) ok(await small.gql(TryModifyFlowOwners, { input: { flowId: f.id, add: [t.users.coowner] } }, t.tokens.maker));
    const refused = failure(await removePrincipal({ environmentId: t.defaultEnv, principalId: t.users.coowner }, t.tokens.admin, small));
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'principalId'] });
    expect(refused.message).toMatch(/3 flows/);
    // The maker is primary owner of all three: each is skipped, none counts.
    expect(
      success(await removePrincipal({ environmentId: t.defaultEnv, principalId: t.users.maker }, t.tokens.admin, small)),
    ).toMatchObject({ flows: [] });
  });
});

// ------------------------------------------------------------------ replaceConnectionEverywhere

describe('replaceConnectionEverywhere', () => {
  async function connectionFixture(on = app) {
    const t = await makeTenant(on);
    const old = await connectionOf(on, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint, displayName: 'Old' });
    const mine = await flowOf(on, t.tokens.maker, {
      environmentId: t.defaultEnv,
      displayName: 'Mine',
      actions: [{ name: 'a', connectionId: old }],
    });
    const shared = await flowOf(on, t.tokens.maker, {
      environmentId: t.defaultEnv,
      displayName: 'Shared',
      actions: [{ name: 'a', connectionId: old }],
    });
    ok(await on.gql(TryModifyFlowOwners, { input: { flowId: shared.id, add: [t.users.coowner] } }, t.tokens.maker));
    const notTheirs = await flowOf(on, t.tokens.maker, {
      environmentId: t.defaultEnv,
      displayName: 'Not theirs',
      actions: [{ name: 'a', connectionId: old }],
    });
    const fresh = await connectionOf(on, t.tokens.coowner, {
      environmentId: t.defaultEnv,
      connectorId: t.sharepoint,
      displayName: 'Fresh',
    });
    return { t, old, mine, shared, notTheirs, fresh };
  }

  it('an owner replaces a connection in the flows they own (only those); a dry run first answers the same and writes nothing', async () => {
    const { t, old, mine, shared, notTheirs, fresh } = await connectionFixture();
    const ownNew = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint, displayName: 'New' });
    // The co-owner owns Shared only: with their own connection, only Shared changes.
    const before = await writtenFor(app, t, [mine.id, shared.id, notTheirs.id]);
    const dry = success(await replaceEverywhere({ connectionId: old, newConnectionId: fresh, dryRun: true }, t.tokens.coowner));
    expect(await writtenFor(app, t, [mine.id, shared.id, notTheirs.id])).toEqual(before);
    const real = success(await replaceEverywhere({ connectionId: old, newConnectionId: fresh }, t.tokens.coowner));
    expect(idsOf(dry)).toEqual(idsOf(real));
    expect(dry.dryRun).toBe(true);
    expect(dry.flows[0]!.connectionReferences).toEqual([{ connection: { id: old } }]);
    expect(real.flows.map((f) => f.displayName)).toEqual(['Shared']);
    expect((await flowNow(shared.id, t.tokens.maker)).connections).toEqual([fresh]);
    expect((await flowNow(mine.id, t.tokens.maker)).connections).toEqual([old]);
    // The maker, owner of all three, moves the rest to her new connection.
    const hers = success(await replaceEverywhere({ connectionId: old, newConnectionId: ownNew }, t.tokens.maker));
    expect(hers.flows.map((f) => f.displayName).sort()).toEqual(['Mine', 'Not theirs']);
    expect(hers.flows.every((f) => f.connectionReferences.every((r) => r.connection?.id === ownNew))).toBe(true);
  });

  it("an environment admin replaces it in every flow of the environment, with a connection of the admin's", async () => {
    const { t, old, mine, shared, notTheirs } = await connectionFixture();
    const admins = await connectionOf(app, t.tokens.admin, {
      environmentId: t.defaultEnv,
      connectorId: t.sharepoint,
      displayName: 'Admin SP',
    });
    const result = success(await replaceEverywhere({ connectionId: old, newConnectionId: admins }, t.tokens.admin));
    expect(result.flows.map((f) => f.id).sort()).toEqual([mine.id, shared.id, notTheirs.id].sort());
    for (const f of [mine, shared, notTheirs]) expect((await flowNow(f.id, t.tokens.admin)).connections).toEqual([admins]);
  });

  it('refuses what the single-flow change refuses (S5, S6, S15), naming the field or the flow, and writes nothing', async () => {
    const { t, old, mine, shared, notTheirs, fresh } = await connectionFixture();
    const other = await makeTenant(app);
    const outlook = await connectionOf(app, t.tokens.coowner, { environmentId: t.defaultEnv, connectorId: t.outlook });
    const secured = await connectionOf(app, t.tokens.maker, { environmentId: t.securedEnv, connectorId: t.sharepoint });
    const makersNew = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
    const scoped = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint, flowId: mine.id });
    const ids = [mine.id, shared.id, notTheirs.id];
    const before = await writtenFor(app, t, ids);
    const refused = async (input: Record<string, unknown>, token = t.tokens.coowner) =>
      failure(await replaceEverywhere({ connectionId: old, newConnectionId: fresh, ...input }, token));
    expect(await refused({ newConnectionId: makersNew })).toMatchObject({
      code: 'CONNECTION_NOT_OWNED',
      field: ['input', 'newConnectionId'],
    });
    expect(await refused({ newConnectionId: outlook })).toMatchObject({ code: 'CONNECTOR_MISMATCH', field: ['input', 'newConnectionId'] });
    expect(await refused({ newConnectionId: secured }, t.tokens.maker)).toMatchObject({
      code: 'INVALID_INPUT',
      field: ['input', 'newConnectionId'],
    });
    expect(await refused({ newConnectionId: old })).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'newConnectionId'] });
    expect(await refused({ newConnectionId: globalId('Connection', '00000000-0000-4000-8000-000000000000') })).toMatchObject({
      code: 'NOT_FOUND',
      field: ['input', 'newConnectionId'],
    });
    // S24: a connection used in no flow of theirs, not theirs, in an environment they don't administer.
    expect(await refused({}, t.tokens.guest)).toMatchObject({
      code: 'NOT_FOUND',
      field: ['input', 'connectionId'],
      message: 'No such connection.',
    });
    expect(await refused({}, other.tokens.admin)).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'connectionId'] });
    // S6: made inside Mine, it can't go into the others: the first other flow is named.
    const outside = await refused({ newConnectionId: scoped }, t.tokens.maker);
    expect(outside).toMatchObject({ code: 'CONNECTION_SCOPED_TO_OTHER_FLOW', field: ['input', 'flows', expect.any(String)] });
    expect([shared.id, notTheirs.id]).toContain(outside.field![2]);
    expect(await writtenFor(app, t, ids)).toEqual(before);

    // S15: an owner without the maker role can't change a flow's connections.
    const basics = await connectionOf(app, t.tokens.basic, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
    ok(await app.gql(TryModifyFlowOwners, { input: { flowId: notTheirs.id, add: [t.users.basic] } }, t.tokens.maker));
    const roleless = await refused({ newConnectionId: basics }, t.tokens.basic);
    expect(roleless).toMatchObject({ code: 'ROLE_REQUIRED', field: ['input', 'flows', notTheirs.id] });
    expect(roleless.message).toMatch(/^Flow "Not theirs": /);
  });

  it('is refused whole over the bound, with the count', async () => {
    const { t, old, fresh } = await connectionFixture(small);
    const refused = failure(await replaceEverywhere({ connectionId: old, newConnectionId: fresh }, t.tokens.admin, small));
    expect(refused).toMatchObject({ code: 'CONNECTION_NOT_OWNED', field: ['input', 'newConnectionId'] });
    const admins = await connectionOf(small, t.tokens.admin, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
    const over = failure(await replaceEverywhere({ connectionId: old, newConnectionId: admins }, t.tokens.admin, small));
    expect(over).toMatchObject({
      code: 'INVALID_INPUT',
      field: ['input', 'connectionId'],
      message: expect.stringMatching(/3 flows, more than the 2/),
    });
    // The co-owner owns one of the three: within the bound.
    expect(success(await replaceEverywhere({ connectionId: old, newConnectionId: fresh }, t.tokens.coowner, small)).flows).toHaveLength(1);
  });
});

// ------------------------------------------------------------------ the departed-user story

describe('when a user leaves: the audit, one reassignFlows, one replaceConnectionEverywhere per connection', () => {
  it("leaves the audit clean of flows with no active owner and of the departed user's connections", async () => {
    const t = await makeTenant(app);
    const sp = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint, displayName: 'Maker SP' });
    const mail = await connectionOf(app, t.tokens.maker, {
      environmentId: t.defaultEnv,
      connectorId: t.outlook,
      displayName: 'Maker Outlook',
    });
    const both = [
      { name: 'Get item', connectionId: sp },
      { name: 'Send', connectionId: mail },
    ];
    await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: 'Approvals', solutionAware: true, actions: both });
    await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: 'Reminders', actions: [both[1]!] });
    await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: 'Inventory', actions: [both[0]!] });
    // A flow of the co-owner's that the maker co-owned and put her connection in.
    const teamFlow = await flowOf(app, t.tokens.coowner, { environmentId: t.defaultEnv, displayName: 'Team' });
    ok(await app.gql(TryModifyFlowOwners, { input: { flowId: teamFlow.id, add: [t.users.maker] } }, t.tokens.coowner));
    const { updateFlow } = ok(
      await app.gql(
        graphql(`mutation BulkMakerEdits($input: UpdateFlowInput!) { updateFlow(input: $input) { __typename } }`),
        { input: { flowId: teamFlow.id, actions: [{ name: 'Get item', connectionId: sp }] } },
        t.tokens.maker,
      ),
    );
    expect(updateFlow.__typename).toBe('UpdateFlowSuccess');
    await depart(app, t, 'maker');

    // 1. The audit: flows to hand over, connections to replace.
    const audit = async () => ok(await app.gql(BulkAudit, { environmentId: t.defaultEnv }, t.tokens.admin)).sharingAudit.findings;
    const findings = await audit();
    const toHandOver = findings
      .filter((f) => f.kind === 'NO_ACTIVE_OWNER')
      .map((f) => f.flow.displayName)
      .sort();
    expect(toHandOver).toEqual(['Approvals', 'Inventory', 'Reminders']);
    const toReplace = new Map(
      findings.filter((f) => f.kind === 'DEPARTED_CONNECTION_OWNER').map((f) => [f.connection!.id, f.connection!.connector.id]),
    );
    expect([...toReplace.keys()].sort()).toEqual([sp, mail].sort());

    // 2. One reassignFlows, to the co-owner.
    const handed = success(
      await reassign(
        { environmentId: t.defaultEnv, fromUserId: t.users.maker, toUserId: t.users.coowner, removeFromUser: true },
        t.tokens.admin,
      ),
    );
    expect(handed.flows.map((f) => f.displayName).sort()).toEqual(['Approvals', 'Inventory', 'Reminders', 'Team']);
    expect(handed.resumedFlows).toHaveLength(3);
    expect(handed.connectionsNeedingAttention.map((c) => c.id).sort()).toEqual([sp, mail].sort());

    // 3. The new owner replaces each connection the audit listed with one of their own.
    for (const [connectionId, connectorId] of toReplace) {
      const theirs = await connectionOf(app, t.tokens.coowner, { environmentId: t.defaultEnv, connectorId, displayName: 'Mine now' });
      const replaced = success(await replaceEverywhere({ connectionId, newConnectionId: theirs }, t.tokens.coowner));
      expect(replaced.flows.length).toBeGreaterThan(0);
    }

    // 4. The audit no longer lists them.
    const after = await audit();
    expect(after.filter((f) => f.kind === 'NO_ACTIVE_OWNER' || f.kind === 'DEPARTED_CONNECTION_OWNER')).toEqual([]);
  });
});
