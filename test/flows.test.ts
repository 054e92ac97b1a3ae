// createFlow, updateFlow, setFlowState, deleteFlow over HTTP: success and every error code.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connections, ownerGrants, runOnlyGrants, sharingEventRecipients, sharingEvents } from '../src/db/tables.js';
import { parseGlobalId } from '../src/graphql/ids.js';
import type { CreateFlowInput, UpdateFlowInput } from './gql/graphql.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { CreateFlow, DeleteFlow, FlowById, MyFlows, SetFlowState, UpdateFlow } from './support/documents.js';
import { connectionOf, failure, flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

let app: TestApp;
let t: Tenant;
let other: Tenant;
let sp: string; // the maker's SharePoint connection in the default environment
let outlook: string; // the maker's Outlook connection in the default environment

beforeAll(async () => {
  app = await startTestApp();
  [t, other] = await Promise.all([makeTenant(app), makeTenant(app)]);
  sp = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
  outlook = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.outlook });
});
afterAll(() => app?.close());

const uuid = (gid: string) => parseGlobalId(gid)!.id;

/** Fixture grants, written directly: the mutations that make them belong to later issues. */
async function grantOwnerToTeam(flowId: string) {
  await app.database.db.insert(ownerGrants).values({ flowId: uuid(flowId), principalKind: 'GROUP', groupId: t.rows.groups.get('team')! });
}
async function grantRunOnly(flowId: string, person: 'outsider' | 'free') {
  await app.database.db.insert(runOnlyGrants).values({ flowId: uuid(flowId), principalKind: 'USER', userId: t.rows.users.get(person)! });
}

async function countMyFlows(token: string) {
  return ok(await app.gql(MyFlows, { first: 1 }, token)).myFlows.totalCount;
}

describe('createFlow', () => {
  it('makes a flow whose creator is its primary owner, with embedded and other connections (S7)', async () => {
    const flow = await flowOf(app, t.tokens.maker, {
      environmentId: t.defaultEnv,
      displayName: '  Approve expenses  ',
      description: 'Asks a manager',
      trigger: 'INSTANT',
      solutionAware: true,
      actions: [{ name: 'Get item', connectionId: sp }, { name: 'Compose' }],
      otherConnectionIds: [outlook],
    });
    expect(flow).toMatchObject({
      displayName: 'Approve expenses',
      description: 'Asks a manager',
      trigger: 'INSTANT',
      state: 'ON',
      suspensionReason: null,
      solutionAware: true,
      environment: { id: t.defaultEnv },
      creator: { id: t.users.maker },
      primaryOwner: { id: t.users.maker },
    });
    expect(flow.actions).toEqual([
      { name: 'Get item', connectionReference: { id: expect.any(String), connection: { id: sp } } },
      { name: 'Compose', connectionReference: null },
    ]);
    expect(flow.connectionReferences.map((r) => [r.connection?.id, r.usage, r.runOnlySource])).toEqual([
      [sp, 'EMBEDDED', 'EMBEDDED'],
      [outlook, 'OTHER', 'EMBEDDED'],
    ]);
    expect(flow.viewerAccess).toMatchObject({ level: 'OWNER', canEdit: true, canShare: true, blockedReason: null });
    expect(flow.viewerAccess.paths.map((p) => p.kind)).toEqual(['CREATOR', 'PRIMARY_OWNER']);
  });

  it('refuses users without the maker or admin role (S15): ROLE_REQUIRED', async () => {
    for (const person of ['basic', 'outsider'] as const) {
      const { createFlow } = ok(await app.gql(CreateFlow, { input: newFlow() }, t.tokens[person]));
      expect(failure(createFlow)).toMatchObject({ code: 'ROLE_REQUIRED', field: null });
    }
  });

  it('lets environment admins create flows', async () => {
    const flow = await flowOf(app, t.tokens.admin, { environmentId: t.defaultEnv });
    expect(flow.primaryOwner.id).toBe(t.users.admin);
  });

  it('refuses an environment of another tenant as NOT_FOUND (S20)', async () => {
    const { createFlow } = ok(await app.gql(CreateFlow, { input: newFlow({ environmentId: other.defaultEnv }) }, t.tokens.maker));
    expect(failure(createFlow)).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'environmentId'] });
  });

  it('refuses a maker outside the security group of a secured environment (S16): NOT_AUTHORIZED', async () => {
    // The guest has the maker role in the secured environment but is not in its security group.
    const { createFlow } = ok(await app.gql(CreateFlow, { input: newFlow({ environmentId: t.securedEnv }) }, t.tokens.guest));
    expect(failure(createFlow)).toMatchObject({ code: 'NOT_AUTHORIZED', field: ['input', 'environmentId'] });
    const inside = await flowOf(app, t.tokens.maker, { environmentId: t.securedEnv });
    expect(inside.environment.id).toBe(t.securedEnv);
  });

  it('checks its input: INVALID_INPUT naming the field', async () => {
    const cases: [Parameters<typeof newFlow>[0], string[]][] = [
      [{ environmentId: 'not-an-id' }, ['input', 'environmentId']],
      [{ environmentId: t.sharepoint }, ['input', 'environmentId']],
      [{ displayName: '   ' }, ['input', 'displayName']],
      [{ displayName: 'x'.repeat(257) }, ['input', 'displayName']],
      [{ actions: [{ name: 'A' }, { name: 'A' }] }, ['input', 'actions', '1', 'name']],
      [{ actions: [{ name: 'A', connectionId: 'bogus' }] }, ['input', 'actions', '0', 'connectionId']],
      [{ otherConnectionIds: [t.defaultEnv] }, ['input', 'otherConnectionIds', '0']],
    ];
    for (const [input, field] of cases) {
      const { createFlow } = ok(await app.gql(CreateFlow, { input: newFlow(input) }, t.tokens.maker));
      expect(failure(createFlow), JSON.stringify(input)).toMatchObject({ code: 'INVALID_INPUT', field });
    }
  });

  it("refuses someone else's connection (S5): CONNECTION_NOT_OWNED, and writes nothing", async () => {
    const before = await countMyFlows(t.tokens.coowner);
    const { createFlow } = ok(
      await app.gql(CreateFlow, { input: newFlow({ actions: [{ name: 'Mine?', connectionId: sp }] }) }, t.tokens.coowner),
    );
    expect(failure(createFlow)).toMatchObject({ code: 'CONNECTION_NOT_OWNED', field: ['input', 'actions', '0', 'connectionId'] });
    expect(await countMyFlows(t.tokens.coowner)).toBe(before);
  });

  it('refuses a connection made inside another flow (S6): CONNECTION_SCOPED_TO_OTHER_FLOW', async () => {
    const host = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    const scoped = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint, flowId: host.id });
    const { createFlow } = ok(await app.gql(CreateFlow, { input: newFlow({ otherConnectionIds: [scoped] }) }, t.tokens.maker));
    expect(failure(createFlow)).toMatchObject({ code: 'CONNECTION_SCOPED_TO_OTHER_FLOW', field: ['input', 'otherConnectionIds', '0'] });
  });

  it('refuses a connection of another environment (INVALID_INPUT) or tenant (NOT_FOUND)', async () => {
    const securedConnection = await connectionOf(app, t.tokens.maker, { environmentId: t.securedEnv, connectorId: t.sharepoint });
    const foreign = await connectionOf(app, other.tokens.maker, { environmentId: other.defaultEnv, connectorId: other.sharepoint });
    const wrongEnv = ok(
      await app.gql(CreateFlow, { input: newFlow({ actions: [{ name: 'A', connectionId: securedConnection }] }) }, t.tokens.maker),
    );
    expect(failure(wrongEnv.createFlow)).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'actions', '0', 'connectionId'] });
    const wrongTenant = ok(
      await app.gql(CreateFlow, { input: newFlow({ actions: [{ name: 'A', connectionId: foreign }] }) }, t.tokens.maker),
    );
    expect(failure(wrongTenant.createFlow)).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'actions', '0', 'connectionId'] });
  });

  it('answers UNAUTHENTICATED (401) without a token, as every field but viewer does', async () => {
    const anonymous = await app.gql(CreateFlow, { input: newFlow() }, null);
    expect([anonymous.status, anonymous.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('every flow mutation', () => {
  it('answers UNAUTHENTICATED without a token and INVALID_INPUT for a malformed flow id', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    for (const anonymous of [
      await app.gql(UpdateFlow, { input: { flowId: flow.id, displayName: 'x' } }, null),
      await app.gql(SetFlowState, { input: { flowId: flow.id, state: 'OFF' } }, null),
      await app.gql(DeleteFlow, { input: { flowId: flow.id } }, null),
    ]) {
      expect([anonymous.status, anonymous.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
    const flowId = 'junk';
    const token = t.tokens.maker;
    const code = 'INVALID_INPUT';
    expect(failure(ok(await app.gql(UpdateFlow, { input: { flowId, displayName: 'x' } }, token)).updateFlow).code).toBe(code);
    expect(failure(ok(await app.gql(SetFlowState, { input: { flowId, state: 'OFF' } }, token)).setFlowState).code).toBe(code);
    expect(failure(ok(await app.gql(DeleteFlow, { input: { flowId } }, token)).deleteFlow).code).toBe(code);
    const bad = ok(await app.gql(UpdateFlow, { input: { flowId: flow.id, displayName: '' } }, t.tokens.maker));
    expect(failure(bad.updateFlow)).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'displayName'] });
  });
});

describe('updateFlow', () => {
  it('keeps a reference that no action uses as OTHER until one uses it again (S7)', async () => {
    const flow = await flowOf(app, t.tokens.maker, {
      environmentId: t.defaultEnv,
      actions: [
        { name: 'Get item', connectionId: sp },
        { name: 'Mail', connectionId: outlook },
      ],
    });
    const refId = flow.connectionReferences.find((r) => r.connection?.id === outlook)!.id;
    const unused = await update({ flowId: flow.id, actions: [{ name: 'Get item', connectionId: sp }] });
    expect(unused.connectionReferences.map((r) => [r.id === refId ? 'outlook' : 'sp', r.usage])).toEqual([
      ['sp', 'EMBEDDED'],
      ['outlook', 'OTHER'],
    ]);
    const again = await update({ flowId: flow.id, actions: [{ name: 'Mail again', connectionId: outlook }] });
    expect(again.connectionReferences.find((r) => r.id === refId)!.usage).toBe('EMBEDDED');
    expect(again.connectionReferences.find((r) => r.connection?.id === sp)!.usage).toBe('OTHER');
    expect(again.actions).toEqual([{ name: 'Mail again', connectionReference: { id: refId, connection: { id: outlook } } }]);
    // Leaving a reference out of otherConnectionIds drops it, when no action uses it.
    const trimmed = await update({ flowId: flow.id, otherConnectionIds: [] });
    expect(trimmed.connectionReferences.map((r) => r.connection?.id)).toEqual([outlook]);
  });

  it('renames, clears the description, and moves modifiedAt', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, description: 'old' });
    const updated = await update({ flowId: flow.id, displayName: 'Renamed', description: null });
    expect(updated).toMatchObject({ displayName: 'Renamed', description: null });
    expect(Date.parse(updated.modifiedAt)).toBeGreaterThanOrEqual(Date.parse(flow.modifiedAt));
    const untouched = await update({ flowId: flow.id });
    expect(untouched).toMatchObject({ displayName: 'Renamed', description: null });
  });

  it('accepts a connection made inside this very flow (S6)', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    const scoped = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.outlook, flowId: flow.id });
    const updated = await update({ flowId: flow.id, actions: [{ name: 'Mail', connectionId: scoped }] });
    expect(updated.connectionReferences.map((r) => [r.connection?.id, r.usage])).toEqual([[scoped, 'EMBEDDED']]);
  });

  it("lets a co-owner through a group edit, using the flow's connections and their own (S3, S5)", async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, actions: [{ name: 'Get', connectionId: sp }] });
    await grantOwnerToTeam(flow.id);
    const own = await connectionOf(app, t.tokens.coowner, { environmentId: t.defaultEnv, connectorId: t.outlook });
    const { updateFlow } = ok(
      await app.gql(
        UpdateFlow,
        {
          input: {
            flowId: flow.id,
            actions: [
              { name: 'Get', connectionId: sp },
              { name: 'Mail', connectionId: own },
            ],
          },
        },
        t.tokens.coowner,
      ),
    );
    if (updateFlow.__typename !== 'UpdateFlowSuccess') throw new Error(JSON.stringify(updateFlow));
    expect(updateFlow.flow.viewerAccess.level).toBe('OWNER');
    expect(updateFlow.flow.viewerAccess.paths.map((p) => p.kind)).toEqual(['GROUP_OWNER']);
    expect(updateFlow.flow.connectionReferences.map((r) => r.connection?.owner.id)).toEqual([t.users.maker, t.users.coowner]);
    // ... but not someone else's connection that is not in the flow yet.
    const makersOutlook = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.outlook });
    const refused = ok(await app.gql(UpdateFlow, { input: { flowId: flow.id, otherConnectionIds: [makersOutlook] } }, t.tokens.coowner));
    expect(failure(refused.updateFlow)).toMatchObject({ code: 'CONNECTION_NOT_OWNED' });
  });

  it('refuses a co-owner without the maker role (S15): ROLE_REQUIRED', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    await grantOwnerToTeam(flow.id); // the basic user is in the team
    const { updateFlow } = ok(await app.gql(UpdateFlow, { input: { flowId: flow.id, displayName: 'x' } }, t.tokens.basic));
    expect(failure(updateFlow)).toMatchObject({ code: 'ROLE_REQUIRED' });
  });

  it('refuses a run-only user (NOT_AUTHORIZED) and hides the flow from others (NOT_FOUND)', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    await grantRunOnly(flow.id, 'free');
    const runOnly = ok(await app.gql(UpdateFlow, { input: { flowId: flow.id, displayName: 'x' } }, t.tokens.free));
    expect(failure(runOnly.updateFlow)).toMatchObject({ code: 'NOT_AUTHORIZED', field: ['input', 'flowId'] });
    for (const token of [t.tokens.coowner, other.tokens.maker]) {
      const hidden = ok(await app.gql(UpdateFlow, { input: { flowId: flow.id, displayName: 'x' } }, token));
      expect(failure(hidden.updateFlow)).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'flowId'] });
    }
  });

  it('lets an environment admin who does not own the flow edit it, as ADMIN', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    const edited = await update({ flowId: flow.id, displayName: 'Fixed by admin' }, t.tokens.admin);
    expect(edited.viewerAccess).toMatchObject({ level: 'ADMIN', paths: [{ kind: 'ENVIRONMENT_ADMIN' }] });
  });
});

describe('setFlowState', () => {
  it('turns a flow off and on', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    for (const state of ['OFF', 'ON'] as const) {
      const { setFlowState } = ok(await app.gql(SetFlowState, { input: { flowId: flow.id, state } }, t.tokens.maker));
      expect(setFlowState).toMatchObject({ __typename: 'SetFlowStateSuccess', flow: { state, suspensionReason: null } });
    }
  });

  it('refuses SUSPENDED (INVALID_INPUT), run-only users (NOT_AUTHORIZED) and strangers (NOT_FOUND)', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    await grantRunOnly(flow.id, 'outsider');
    const cases = [
      [t.tokens.maker, 'SUSPENDED', 'INVALID_INPUT'],
      [t.tokens.outsider, 'OFF', 'NOT_AUTHORIZED'],
      [t.tokens.coowner, 'OFF', 'NOT_FOUND'],
    ] as const;
    for (const [token, state, code] of cases) {
      const { setFlowState } = ok(await app.gql(SetFlowState, { input: { flowId: flow.id, state } }, token));
      expect(failure(setFlowState).code).toBe(code);
    }
  });
});

describe('deleteFlow', () => {
  it('deletes the flow, its scoped connections, and logs FLOW_DELETED to its owners', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: 'Doomed' });
    await grantOwnerToTeam(flow.id);
    const scoped = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint, flowId: flow.id });
    const { deleteFlow } = ok(await app.gql(DeleteFlow, { input: { flowId: flow.id } }, t.tokens.coowner));
    expect(deleteFlow).toEqual({ __typename: 'DeleteFlowSuccess', deletedFlowId: flow.id });
    expect(ok(await app.gql(FlowById, { id: flow.id }, t.tokens.maker)).node).toBeNull();
    const left = await app.database.db
      .select()
      .from(connections)
      .where(eq(connections.id, uuid(scoped)));
    expect(left).toEqual([]);

    const events = await app.database.db
      .select({
        kind: sharingEvents.kind,
        name: sharingEvents.flowDisplayName,
        actorRole: sharingEvents.actorRole,
        userId: sharingEventRecipients.userId,
      })
      .from(sharingEvents)
      .innerJoin(sharingEventRecipients, eq(sharingEventRecipients.position, sharingEvents.position))
      .where(and(eq(sharingEvents.flowId, uuid(flow.id))));
    const recipients = events.map((e) => e.userId).sort();
    const team = ['maker', 'coowner', 'basic'].map((p) => t.rows.users.get(p)!).sort();
    expect(recipients).toEqual(team);
    expect(events.every((e) => e.kind === 'FLOW_DELETED' && e.name === 'Doomed' && e.actorRole === 'OWNER')).toBe(true);
  });

  it('refuses run-only users (NOT_AUTHORIZED) and strangers or a second delete (NOT_FOUND)', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    await grantRunOnly(flow.id, 'free');
    expect(failure(ok(await app.gql(DeleteFlow, { input: { flowId: flow.id } }, t.tokens.free)).deleteFlow).code).toBe('NOT_AUTHORIZED');
    expect(failure(ok(await app.gql(DeleteFlow, { input: { flowId: flow.id } }, other.tokens.admin)).deleteFlow).code).toBe('NOT_FOUND');
    ok(await app.gql(DeleteFlow, { input: { flowId: flow.id } }, t.tokens.maker));
    expect(failure(ok(await app.gql(DeleteFlow, { input: { flowId: flow.id } }, t.tokens.maker)).deleteFlow).code).toBe('NOT_FOUND');
  });
});

function newFlow(overrides: Partial<CreateFlowInput> = {}): CreateFlowInput {
  return { environmentId: t.defaultEnv, displayName: 'Flow', trigger: 'INSTANT' as const, actions: [], ...overrides };
}

async function update(input: UpdateFlowInput, token = t.tokens.maker) {
  const { updateFlow } = ok(await app.gql(UpdateFlow, { input }, token));
  if (updateFlow.__typename !== 'UpdateFlowSuccess') throw new Error(JSON.stringify(updateFlow));
  return updateFlow.flow;
}
