// Co-owners over HTTP: modifyFlowOwners with every rule and error code, Flow.owners,
// teamFlows, accessFor, the sharing log, and concurrent changes.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environmentUsers, ownerGrants, sharingEvents } from '../src/db/tables.js';
import { importDirectory } from '../src/directory/import.js';
import { globalId, parseGlobalId } from '../src/graphql/ids.js';
import { graphql } from './gql/index.js';
import type { ModifyFlowOwnersInput, SharingEventsQuery } from './gql/graphql.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { DeleteFlow, UpdateFlow } from './support/documents.js';
import { connectionOf, failure, flowOf } from './support/fixtures.js';
import { makeTenant, type Person, type Tenant } from './support/tenant.js';
import { writtenIn } from './support/written.js';

const ModifyFlowOwners = graphql(`
  mutation ModifyFlowOwners($input: ModifyFlowOwnersInput!) {
    modifyFlowOwners(input: $input) {
      __typename
      ... on ModifyFlowOwnersSuccess {
        eventCursor
        connectionsNeedingAttention { id owner { id } }
        usersAddedToEnvironment { id }
        flow { id owners { totalCount edges { isPrimaryOwner expiresAt node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } } }
      }
      ... on OperationError { code message field }
    }
  }
`);
const FlowOwners = graphql(`
  query FlowOwners($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      ... on Flow {
        viewerAccess { level paths { kind via { __typename } expiresAt } }
        owners(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { cursor isPrimaryOwner addedAt expiresAt addedBy { id } node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } }
        }
      }
    }
  }
`);
const TeamFlows = graphql(`
  query TeamFlows($environmentId: ID) { teamFlows(environmentId: $environmentId) { totalCount edges { node { id } } } }
`);
const AccessFor = graphql(`
  query AccessFor($id: ID!, $userId: ID!) {
    node(id: $id) { ... on Flow { accessFor(userId: $userId) { level canEdit blockedReason paths { kind } } } }
  }
`);
const SharingEvents = graphql(`
  query SharingEvents($after: String, $first: Int) {
    sharingEvents(after: $after, first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { cursor kind actorRole flowId flowDisplayName flow { id } actor { id } principal { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } }
    }
  }
`);

let app: TestApp;
let t: Tenant;
let other: Tenant;

beforeAll(async () => {
  app = await startTestApp();
  [t, other] = await Promise.all([makeTenant(app), makeTenant(app)]);
});
afterAll(() => app?.close());

const uuid = (gid: string) => parseGlobalId(gid)!.id;

async function modify(input: ModifyFlowOwnersInput, token: string) {
  return ok(await app.gql(ModifyFlowOwners, { input }, token)).modifyFlowOwners;
}
async function modified(input: ModifyFlowOwnersInput, token = t.tokens.maker) {
  const result = await modify(input, token);
  if (result.__typename !== 'ModifyFlowOwnersSuccess') throw new Error(JSON.stringify(result));
  return result;
}
async function owners(flowId: string, token = t.tokens.maker) {
  const node = ok(await app.gql(FlowOwners, { id: flowId }, token)).node;
  if (!node || !('owners' in node)) throw new Error('flow not visible');
  return node;
}
async function eventsOf(token: string) {
  const all = [];
  let after: string | null | undefined = null;
  for (;;) {
    const page: SharingEventsQuery['sharingEvents'] = ok(await app.gql(SharingEvents, { after, first: 100 }, token)).sharingEvents;
    all.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return all;
    after = page.pageInfo.endCursor;
  }
}
const newFlow = (token = t.tokens.maker, solutionAware = false, environmentId = t.defaultEnv) =>
  flowOf(app, token, { environmentId, solutionAware });

describe('adding owners', () => {
  it('adds users, groups and lists in one call; each gets access by its path and an OWNER_ADDED event', async () => {
    const tenant = await makeTenant(app);
    const flow = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, displayName: 'Shared' });
    const result = await modified({ flowId: flow.id, add: [tenant.users.guest, tenant.team, tenant.list] }, tenant.tokens.maker);
    expect(result.eventCursor).toEqual(expect.any(String));
    const listed = await owners(flow.id, tenant.tokens.maker);
    expect(listed.owners.totalCount).toBe(4);
    expect(listed.owners.edges.map((e) => [e.node.__typename, e.isPrimaryOwner, e.addedBy?.id])).toEqual([
      ['User', true, tenant.users.maker],
      ['User', false, tenant.users.maker],
      ['Group', false, tenant.users.maker],
      ['SharePointList', false, tenant.users.maker],
    ]);
    const paths = async (p: Person) => (await owners(flow.id, tenant.tokens[p])).viewerAccess.paths.map((x) => x.kind);
    expect(await paths('guest')).toEqual(['DIRECT_OWNER']);
    expect(await paths('basic')).toEqual(['GROUP_OWNER']); // the basic user is in the team
    expect(await paths('coowner')).toEqual(['GROUP_OWNER', 'LIST_OWNER']); // in the team and edits the list

    // The guest hears of their own grant; the team's members hear of the group's.
    const guestEvents = await eventsOf(tenant.tokens.guest);
    expect(guestEvents.map((e) => [e.kind, e.principal?.__typename])).toEqual([
      ['OWNER_ADDED', 'User'],
      ['OWNER_ADDED', 'Group'],
      ['OWNER_ADDED', 'SharePointList'],
    ]);
    expect(guestEvents[0]).toMatchObject({
      actorRole: 'OWNER',
      actor: { id: tenant.users.maker },
      flowId: flow.id,
      flowDisplayName: 'Shared',
      flow: { id: flow.id },
    });
    expect(guestEvents.at(-1)!.cursor).toBe(result.eventCursor);
    // Someone the flow was not shared with hears nothing.
    expect(await eventsOf(tenant.tokens.outsider)).toEqual([]);
  });

  it('adding someone twice is a no-op: no second grant, no event, no cursor', async () => {
    const flow = await newFlow();
    await modified({ flowId: flow.id, add: [t.users.coowner] });
    const again = await modified({ flowId: flow.id, add: [t.users.coowner, t.users.maker] });
    expect(again.eventCursor).toBeNull();
    expect(again.flow.owners.totalCount).toBe(2);
    const logged = await app.database.db
      .select()
      .from(sharingEvents)
      .where(eq(sharingEvents.flowId, uuid(flow.id)));
    expect(logged).toHaveLength(1);
  });

  it('shows added co-owners the flow in teamFlows, not the primary owner', async () => {
    const flow = await newFlow();
    await modified({ flowId: flow.id, add: [t.users.coowner] });
    const team = ok(await app.gql(TeamFlows, {}, t.tokens.coowner)).teamFlows.edges.map((e) => e.node.id);
    expect(team).toContain(flow.id);
    expect(ok(await app.gql(TeamFlows, {}, t.tokens.maker)).teamFlows.edges.map((e) => e.node.id)).not.toContain(flow.id);
    expect(ok(await app.gql(TeamFlows, { environmentId: t.securedEnv }, t.tokens.coowner)).teamFlows.totalCount).toBe(0);
  });

  it('grants with expiresAt end by themselves (S19)', async () => {
    const flow = await newFlow();
    const later = new Date(Date.now() + 3_600_000).toISOString();
    await modified({ flowId: flow.id, add: [t.users.guest], expiresAt: later });
    const listed = await owners(flow.id);
    expect(listed.owners.edges[1]).toMatchObject({ expiresAt: later });
    expect((await owners(flow.id, t.tokens.guest)).viewerAccess.paths[0]).toMatchObject({ kind: 'DIRECT_OWNER', expiresAt: later });
    // Time passes (the clock of the database, moved for this grant).
    await app.database.db
      .update(ownerGrants)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(ownerGrants.flowId, uuid(flow.id)), eq(ownerGrants.userId, t.rows.users.get('guest')!)));
    expect(ok(await app.gql(FlowOwners, { id: flow.id }, t.tokens.guest)).node).toBeNull();
    expect((await owners(flow.id)).owners.totalCount).toBe(1);
    expect(ok(await app.gql(TeamFlows, {}, t.tokens.guest)).teamFlows.edges.map((e) => e.node.id)).not.toContain(flow.id);
  });

  it('adds users to the environment when the flow is solution-aware (S14)', async () => {
    const tenant = await makeTenant(app);
    // Default environment: the outsider joins as a maker.
    const flow = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, solutionAware: true });
    const result = await modified({ flowId: flow.id, add: [tenant.users.outsider, tenant.users.coowner] }, tenant.tokens.maker);
    expect(result.usersAddedToEnvironment.map((u) => u.id)).toEqual([tenant.users.outsider]);
    const role = async (env: string, person: Person) =>
      (
        await app.database.db
          .select()
          .from(environmentUsers)
          .where(and(eq(environmentUsers.environmentId, uuid(env)), eq(environmentUsers.userId, tenant.rows.users.get(person)!)))
      )[0]?.role;
    expect(await role(tenant.defaultEnv, 'outsider')).toBe('ENVIRONMENT_MAKER');
    // Another environment: the team's members join with no role.
    const secured = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.securedEnv, solutionAware: true });
    const joined = await modified({ flowId: secured.id, add: [tenant.team] }, tenant.tokens.maker);
    expect(joined.usersAddedToEnvironment.map((u) => u.id).sort()).toEqual([tenant.users.basic, tenant.users.coowner].sort());
    expect(await role(tenant.securedEnv, 'coowner')).toBeNull();
    // Not solution-aware: nobody is added.
    const plain = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.securedEnv });
    expect((await modified({ flowId: plain.id, add: [tenant.users.free] }, tenant.tokens.maker)).usersAddedToEnvironment).toEqual([]);
  });

  it('lets an environment admin who is no owner manage owners, logged as ADMIN', async () => {
    const flow = await newFlow();
    await modified({ flowId: flow.id, add: [t.users.free] }, t.tokens.admin);
    const events = await eventsOf(t.tokens.free);
    expect(events.find((e) => e.flowId === flow.id)).toMatchObject({
      kind: 'OWNER_ADDED',
      actorRole: 'ADMIN',
      actor: { id: t.users.admin },
    });
  });
});

describe('removing owners', () => {
  it("removes an owner, returns the flow's connections with their credentials (S11), and tells them", async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: 'Handover' });
    await modified({ flowId: flow.id, add: [t.users.coowner] });
    const theirs = await connectionOf(app, t.tokens.coowner, { environmentId: t.defaultEnv, connectorId: t.outlook });
    ok(await app.gql(UpdateFlow, { input: { flowId: flow.id, actions: [{ name: 'Mail', connectionId: theirs }] } }, t.tokens.coowner));
    const result = await modified({ flowId: flow.id, remove: [t.users.coowner] });
    expect(result.connectionsNeedingAttention).toEqual([{ id: theirs, owner: { id: t.users.coowner } }]);
    expect(result.flow.owners.totalCount).toBe(1);
    expect(ok(await app.gql(FlowOwners, { id: flow.id }, t.tokens.coowner)).node).toBeNull();
    const removedEvent = (await eventsOf(t.tokens.coowner)).filter((e) => e.flowId === flow.id).at(-1);
    expect(removedEvent).toMatchObject({
      kind: 'OWNER_REMOVED',
      flow: null,
      flowDisplayName: 'Handover',
      principal: { id: t.users.coowner },
    });
  });

  it('a removed group takes away only those who are not owners some other way', async () => {
    const flow = await newFlow();
    const theirs = await connectionOf(app, t.tokens.coowner, { environmentId: t.defaultEnv, connectorId: t.outlook });
    await modified({ flowId: flow.id, add: [t.team, t.users.coowner] });
    ok(await app.gql(UpdateFlow, { input: { flowId: flow.id, otherConnectionIds: [theirs] } }, t.tokens.coowner));
    const result = await modified({ flowId: flow.id, remove: [t.team] });
    expect(result.connectionsNeedingAttention).toEqual([]); // coowner is still a direct owner
    expect((await owners(flow.id, t.tokens.coowner)).viewerAccess.level).toBe('OWNER');
    expect(ok(await app.gql(FlowOwners, { id: flow.id }, t.tokens.basic)).node).toBeNull();
  });

  it('refuses to remove the primary owner (S4), and the whole call changes nothing', async () => {
    const flow = await newFlow();
    const refused = await modify({ flowId: flow.id, add: [t.users.guest], remove: [t.users.maker] }, t.tokens.maker);
    expect(failure(refused)).toMatchObject({ code: 'CANNOT_REMOVE_PRIMARY_OWNER', field: ['input', 'remove', '0'] });
    expect((await owners(flow.id)).owners.totalCount).toBe(1);
    // Not even through a co-owner.
    await modified({ flowId: flow.id, add: [t.users.coowner] });
    expect(failure(await modify({ flowId: flow.id, remove: [t.users.maker] }, t.tokens.coowner)).code).toBe('CANNOT_REMOVE_PRIMARY_OWNER');
  });

  it('removing someone who is not an owner is a no-op', async () => {
    const flow = await newFlow();
    const result = await modified({ flowId: flow.id, remove: [t.users.guest] });
    expect(result).toMatchObject({ eventCursor: null, connectionsNeedingAttention: [] });
  });
});

describe('modifyFlowOwners refuses', () => {
  it('each wrong call with its code, and writes nothing', async () => {
    const tenant = await makeTenant(app);
    const gcc = await makeTenant(app, 'GCC_HIGH');
    const flow = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv });
    const gccFlow = await flowOf(app, gcc.tokens.maker, { environmentId: gcc.defaultEnv });
    await modified({ flowId: flow.id, add: [tenant.users.free] }, tenant.tokens.maker); // a FREE co-owner
    const departed = tenant.directory.users.find((u) => u.id === tenant.ext('outsider'))!;
    await importDirectory(app.database.db, { users: [{ ...departed, status: 'DEPARTED' }] });
    const ghost = globalId('User', '00000000-0000-4000-8000-000000000000');
    const past = new Date(Date.now() - 60_000).toISOString();

    const cases: [string, string, ModifyFlowOwnersInput, string, string[] | null][] = [
      ['a FREE license (S1)', tenant.tokens.free, { flowId: flow.id, add: [tenant.users.guest] }, 'LICENSE_REQUIRED', null],
      ['a stranger (S20)', other.tokens.maker, { flowId: flow.id, add: [other.users.guest] }, 'NOT_FOUND', ['input', 'flowId']],
      ['no access (S2)', tenant.tokens.coowner, { flowId: flow.id, add: [tenant.users.guest] }, 'NOT_FOUND', ['input', 'flowId']],
      [
        "another tenant's user (S20)",
        tenant.tokens.maker,
        { flowId: flow.id, add: [other.users.guest] },
        'CROSS_TENANT',
        ['input', 'add', '0'],
      ],
      ['an unknown user', tenant.tokens.maker, { flowId: flow.id, add: [tenant.users.guest, ghost] }, 'NOT_FOUND', ['input', 'add', '1']],
      ['a departed user', tenant.tokens.maker, { flowId: flow.id, add: [tenant.users.outsider] }, 'INVALID_INPUT', ['input', 'add', '0']],
      ['a flow id as a principal', tenant.tokens.maker, { flowId: flow.id, add: [flow.id] }, 'INVALID_INPUT', ['input', 'add', '0']],
      ['a malformed id', tenant.tokens.maker, { flowId: flow.id, remove: ['nope'] }, 'INVALID_INPUT', ['input', 'remove', '0']],
      [
        'add and remove the same',
        tenant.tokens.maker,
        { flowId: flow.id, add: [tenant.users.guest], remove: [tenant.users.guest] },
        'INVALID_INPUT',
        ['input', 'add', '0'],
      ],
      [
        'an expiry in the past',
        tenant.tokens.maker,
        { flowId: flow.id, add: [tenant.users.guest], expiresAt: past },
        'INVALID_INPUT',
        ['input', 'expiresAt'],
      ],
      [
        'a list in GCC High (S10)',
        gcc.tokens.maker,
        { flowId: gccFlow.id, add: [gcc.users.guest, gcc.list] },
        'LIST_OWNER_UNAVAILABLE_IN_CLOUD',
        ['input', 'add', '1'],
      ],
    ];
    const before = await writtenIn(app.database.db, tenant, gcc);
    expect(before.owners).toBeGreaterThan(0); // it counts this tenant's grants (the FREE co-owner's)
    for (const [what, token, input, code, field] of cases) {
      expect(failure(await modify(input, token)), what).toMatchObject({ code, field });
    }
    expect(await writtenIn(app.database.db, tenant, gcc)).toEqual(before);
    const anonymous = await app.gql(ModifyFlowOwners, { input: { flowId: flow.id, add: [tenant.users.guest] } }, null);
    expect([anonymous.status, anonymous.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    // The GCC High tenant may still add groups.
    await modified({ flowId: gccFlow.id, add: [gcc.team] }, gcc.tokens.maker);
  });

  it('a run-only user may not manage owners (NOT_AUTHORIZED)', async () => {
    const flow = await newFlow();
    await app.database.db.execute(
      sql`insert into run_only_grants (flow_id, principal_kind, user_id) values (${uuid(flow.id)}, 'USER', ${t.rows.users.get('guest')!})`,
    );
    expect(failure(await modify({ flowId: flow.id, add: [t.users.coowner] }, t.tokens.guest))).toMatchObject({ code: 'NOT_AUTHORIZED' });
  });
});

describe('accessFor', () => {
  it("explains any user's access to owners and admins, with blocked grants (S16)", async () => {
    const flow = await newFlow(t.tokens.maker, false, t.securedEnv);
    await modified({ flowId: flow.id, add: [t.users.guest, t.team] }); // the guest is outside the security group
    const explain = async (userId: string, token = t.tokens.maker) => ok(await app.gql(AccessFor, { id: flow.id, userId }, token)).node;
    // The co-owner has no role in the secured environment: an owner, who may not edit (S15, S22: updateFlow answers ROLE_REQUIRED).
    expect(await explain(t.users.coowner)).toEqual({
      accessFor: { level: 'OWNER', canEdit: false, blockedReason: null, paths: [{ kind: 'GROUP_OWNER' }] },
    });
    expect(await explain(t.users.guest)).toEqual({
      accessFor: {
        level: 'NONE',
        canEdit: false,
        blockedReason: expect.stringMatching(/security group/),
        paths: [{ kind: 'DIRECT_OWNER' }],
      },
    });
    expect(await explain(t.users.free, t.tokens.admin)).toMatchObject({ accessFor: { level: 'NONE', paths: [] } });
  });

  it('refuses those who may not ask (NOT_AUTHORIZED) and users of another tenant (NOT_FOUND)', async () => {
    const flow = await newFlow();
    await app.database.db.execute(
      sql`insert into run_only_grants (flow_id, principal_kind, user_id) values (${uuid(flow.id)}, 'USER', ${t.rows.users.get('free')!})`,
    );
    const asRunOnly = await app.gql(AccessFor, { id: flow.id, userId: t.users.maker }, t.tokens.free);
    expect(asRunOnly.errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    const foreign = await app.gql(AccessFor, { id: flow.id, userId: other.users.maker }, t.tokens.maker);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('the sharing log', () => {
  it('pages oldest first after a cursor, keeps events of deleted flows, refuses bad cursors', async () => {
    const tenant = await makeTenant(app);
    const flows = [];
    for (let i = 0; i < 3; i++) {
      const flow = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, displayName: `Log ${i}` });
      await modified({ flowId: flow.id, add: [tenant.users.guest] }, tenant.tokens.maker);
      flows.push(flow);
    }
    ok(await app.gql(DeleteFlow, { input: { flowId: flows[0]!.id } }, tenant.tokens.maker));
    const all = await eventsOf(tenant.tokens.guest);
    expect(all.map((e) => [e.kind, e.flowDisplayName])).toEqual([
      ['OWNER_ADDED', 'Log 0'],
      ['OWNER_ADDED', 'Log 1'],
      ['OWNER_ADDED', 'Log 2'],
      ['FLOW_DELETED', 'Log 0'],
    ]);
    expect(all[0]!.flow).toBeNull(); // deleted
    const first = ok(await app.gql(SharingEvents, { first: 2 }, tenant.tokens.guest)).sharingEvents;
    const rest = ok(await app.gql(SharingEvents, { after: first.pageInfo.endCursor }, tenant.tokens.guest)).sharingEvents;
    expect(first).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    expect(rest.edges.map((e) => e.node.kind)).toEqual(['OWNER_ADDED', 'FLOW_DELETED']);
    const bad = await app.gql(SharingEvents, { after: 'bogus' }, tenant.tokens.guest);
    expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });
});

describe('concurrent changes', () => {
  it('20 calls adding the same user at once leave one grant and one event', async () => {
    const flow = await newFlow();
    const results = await Promise.all(Array.from({ length: 20 }, () => modify({ flowId: flow.id, add: [t.users.guest] }, t.tokens.maker)));
    expect(results.every((r) => r.__typename === 'ModifyFlowOwnersSuccess')).toBe(true);
    expect((await owners(flow.id)).owners.totalCount).toBe(2);
    const logged = await app.database.db
      .select()
      .from(sharingEvents)
      .where(eq(sharingEvents.flowId, uuid(flow.id)));
    expect(logged).toHaveLength(1);
  });

  it('two co-owners removing each other at once: one wins, the primary owner remains', async () => {
    for (let round = 0; round < 3; round++) {
      const flow = await newFlow();
      await modified({ flowId: flow.id, add: [t.users.coowner, t.users.guest] });
      const [a, b] = await Promise.all([
        modify({ flowId: flow.id, remove: [t.users.guest] }, t.tokens.coowner),
        modify({ flowId: flow.id, remove: [t.users.coowner] }, t.tokens.guest),
      ]);
      const outcomes = [a.__typename, b.__typename].sort();
      expect(outcomes).toEqual(['ModifyFlowOwnersSuccess', 'OperationError']);
      const loser = [a, b].find((r) => r.__typename === 'OperationError')!;
      expect(['NOT_FOUND', 'NOT_AUTHORIZED']).toContain(failure(loser).code);
      const left = (await owners(flow.id)).owners.edges;
      expect(left).toHaveLength(2);
      expect(left[0]).toMatchObject({ isPrimaryOwner: true, node: { id: t.users.maker } });
    }
  });
});
