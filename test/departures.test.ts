// Users who leave (S17), told as the source document's story: Terry, an external co-owner
// added for a project; the creator leaving; the flow running on the remaining owner's
// connections; an admin fixing a flow left with no active owner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDirectory } from '../src/directory/import.js';
import { graphql } from './gql/index.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { SetFlowState } from './support/documents.js';
import { connectionOf, failure, flowOf } from './support/fixtures.js';
import { makeTenant, type Person, type Tenant } from './support/tenant.js';

const Owners = graphql(`
  mutation Owners($input: ModifyFlowOwnersInput!) {
    modifyFlowOwners(input: $input) { __typename ... on OperationError { code } }
  }
`);
const Run = graphql(`
  mutation Run($input: TriggerFlowInput!) {
    triggerFlow(input: $input) {
      __typename
      ... on TriggerFlowSuccess { run { status failures { actionName reason } } }
      ... on OperationError { code message }
    }
  }
`);
const Swap = graphql(`
  mutation Swap($input: ReplaceFlowConnectionInput!) { replaceFlowConnection(input: $input) { __typename } }
`);
const FlowState = graphql(`
  query FlowState($id: ID!) { node(id: $id) { ... on Flow { state suspensionReason connectionReferences { id connection { id status } } } } }
`);
const Suspensions = graphql(`
  query Suspensions { sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole } } } }
`);

let app: TestApp;
let t: Tenant;
beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
});
afterAll(() => app?.close());

async function depart(person: Person) {
  const user = t.directory.users.find((u) => u.id === t.ext(person))!;
  return importDirectory(app.database.db, { users: [{ ...user, status: 'DEPARTED' }] });
}
const state = async (flowId: string, token: string) =>
  ok(await app.gql(FlowState, { id: flowId }, token)).node as {
    state: string;
    suspensionReason: string | null;
    connectionReferences: { id: string; connection: { id: string; status: string } }[];
  };

describe('when the creator of a shared flow leaves', () => {
  it("the flow keeps running on the remaining owners; actions on the creator's connections fail until replaced", async () => {
    // The creator (maker) builds the flow on her SharePoint connection; Bob (coowner) adds
    // his Outlook; Terry (guest) is added as an external co-owner for the project.
    const creators = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
    const flow = await flowOf(app, t.tokens.maker, {
      environmentId: t.defaultEnv,
      trigger: 'INSTANT',
      actions: [{ name: 'Get item', connectionId: creators }],
    });
    const projectEnds = new Date(Date.now() + 90 * 86_400_000).toISOString();
    ok(await app.gql(Owners, { input: { flowId: flow.id, add: [t.users.coowner] } }, t.tokens.maker));
    ok(await app.gql(Owners, { input: { flowId: flow.id, add: [t.users.guest], expiresAt: projectEnds } }, t.tokens.maker));

    const summary = await depart('maker');
    expect(summary).toMatchObject({ departedUsers: [t.ext('maker')], suspendedFlows: 0 });
    const after = await state(flow.id, t.tokens.coowner);
    expect(after).toMatchObject({
      state: 'ON',
      suspensionReason: null,
      connectionReferences: [{ connection: { id: creators, status: 'ERROR' } }],
    });

    const failing = ok(await app.gql(Run, { input: { flowId: flow.id } }, t.tokens.coowner)).triggerFlow;
    expect(failing).toMatchObject({
      run: { status: 'FAILED', failures: [{ actionName: 'Get item', reason: 'CONNECTION_OWNER_DEPARTED' }] },
    });

    // Modify a connection: Bob points the reference at his own SharePoint connection.
    const bobs = await connectionOf(app, t.tokens.coowner, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
    ok(await app.gql(Swap, { input: { connectionReferenceId: after.connectionReferences[0]!.id, connectionId: bobs } }, t.tokens.coowner));
    const fixed = ok(await app.gql(Run, { input: { flowId: flow.id } }, t.tokens.guest)).triggerFlow;
    expect(fixed).toMatchObject({ run: { status: 'SUCCEEDED', failures: [] } });

    // The project ends: Terry is removed.
    expect(
      ok(await app.gql(Owners, { input: { flowId: flow.id, remove: [t.users.guest] } }, t.tokens.coowner)).modifyFlowOwners.__typename,
    ).toBe('ModifyFlowOwnersSuccess');
  });
});

describe('when the last active owner leaves', () => {
  it('the flow is suspended (NO_ACTIVE_OWNER), admins are told, and an admin brings it back', async () => {
    const flow = await flowOf(app, t.tokens.free, { environmentId: t.defaultEnv, trigger: 'INSTANT', actions: [{ name: 'Compose' }] });
    const summary = await depart('free');
    expect(summary.suspendedFlows).toBe(1);
    expect(await state(flow.id, t.tokens.admin)).toMatchObject({ state: 'SUSPENDED', suspensionReason: 'NO_ACTIVE_OWNER' });
    const told = ok(await app.gql(Suspensions, {}, t.tokens.admin))
      .sharingEvents.edges.map((e) => e.node)
      .filter((e) => e.flowId === flow.id);
    expect(told).toEqual([{ kind: 'FLOW_SUSPENDED', flowId: flow.id, actor: null, actorRole: 'NONE' }]);

    expect(failure(ok(await app.gql(Run, { input: { flowId: flow.id } }, t.tokens.admin)).triggerFlow).code).toBe('FLOW_NOT_RUNNABLE');
    // Not back on while no owner is active.
    const refused = ok(await app.gql(SetFlowState, { input: { flowId: flow.id, state: 'ON' } }, t.tokens.admin)).setFlowState;
    expect(failure(refused)).toMatchObject({ code: 'FLOW_NOT_RUNNABLE', field: ['input', 'flowId'] });

    // An active owner added: the flow is resumed, OFF (FLOW_RESUMED), ready to be turned on.
    ok(await app.gql(Owners, { input: { flowId: flow.id, add: [t.users.coowner] } }, t.tokens.admin));
    expect(await state(flow.id, t.tokens.admin)).toMatchObject({ state: 'OFF', suspensionReason: null });
    for (const token of [t.tokens.admin, t.tokens.coowner]) {
      const resumed = ok(await app.gql(Suspensions, {}, token))
        .sharingEvents.edges.map((e) => e.node)
        .filter((e) => e.flowId === flow.id && e.kind === 'FLOW_RESUMED');
      expect(resumed).toEqual([{ kind: 'FLOW_RESUMED', flowId: flow.id, actor: { id: t.users.admin }, actorRole: 'ADMIN' }]);
    }
    const on = ok(await app.gql(SetFlowState, { input: { flowId: flow.id, state: 'ON' } }, t.tokens.admin)).setFlowState;
    expect(on).toMatchObject({ __typename: 'SetFlowStateSuccess', flow: { state: 'ON', suspensionReason: null } });
    expect(ok(await app.gql(Run, { input: { flowId: flow.id } }, t.tokens.coowner)).triggerFlow).toMatchObject({
      run: { status: 'SUCCEEDED' },
    });
  });
});

const Attention = graphql(`
  query Attention {
    sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole connection { id status owner { id } } } } }
  }
`);
const RunOnly = graphql(`
  mutation RunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }
`);

describe('when the owner of a connection a flow uses leaves', () => {
  it("the flow's active owners get CONNECTION_NEEDS_ATTENTION naming the connection; run-only users and others do not", async () => {
    const u = await makeTenant(app);
    // Terry (guest) co-owns the maker's flow and points its SharePoint reference at his connection.
    const makers = await connectionOf(app, u.tokens.maker, { environmentId: u.defaultEnv, connectorId: u.sharepoint });
    const flow = await flowOf(app, u.tokens.maker, {
      environmentId: u.defaultEnv,
      trigger: 'INSTANT',
      actions: [{ name: 'Get item', connectionId: makers }],
    });
    const untouched = await flowOf(app, u.tokens.maker, {
      environmentId: u.defaultEnv,
      trigger: 'INSTANT',
      actions: [{ name: 'Get item', connectionId: makers }],
    });
    ok(await app.gql(Owners, { input: { flowId: flow.id, add: [u.users.guest, u.list] } }, u.tokens.maker));
    ok(await app.gql(RunOnly, { input: { flowId: flow.id, add: [u.users.basic] } }, u.tokens.maker));
    const terrys = await connectionOf(app, u.tokens.guest, { environmentId: u.defaultEnv, connectorId: u.sharepoint });
    const [reference] = (ok(await app.gql(FlowState, { id: flow.id }, u.tokens.maker)).node as { connectionReferences: { id: string }[] })
      .connectionReferences;
    ok(await app.gql(Swap, { input: { connectionReferenceId: reference!.id, connectionId: terrys } }, u.tokens.guest));

    const guest = u.directory.users.find((x) => x.id === u.ext('guest'))!;
    await importDirectory(app.database.db, { users: [{ ...guest, status: 'DEPARTED' }] });

    const attention = async (token: string) =>
      ok(await app.gql(Attention, {}, token))
        .sharingEvents.edges.map((e) => e.node)
        .filter((e) => e.kind === 'CONNECTION_NEEDS_ATTENTION');
    const expected = [
      {
        kind: 'CONNECTION_NEEDS_ATTENTION',
        flowId: flow.id,
        actor: null,
        actorRole: 'NONE',
        connection: { id: terrys, status: 'ERROR', owner: { id: u.users.guest } },
      },
    ];
    // The maker directly, the coowner as an editor of the list that co-owns the flow.
    expect(await attention(u.tokens.maker)).toEqual(expected);
    expect(await attention(u.tokens.coowner)).toEqual(expected);
    expect(await attention(u.tokens.basic)).toEqual([]);
    expect(await attention(u.tokens.free)).toEqual([]);
    expect((await attention(u.tokens.maker)).some((e) => e.flowId === untouched.id)).toBe(false);
  });
});

const NewPrimary = graphql(`
  mutation NewPrimary($input: ChangePrimaryOwnerInput!) { changePrimaryOwner(input: $input) { __typename ... on ChangePrimaryOwnerSuccess { flow { state suspensionReason } } ... on OperationError { code } } }
`);

describe('a solution-aware flow whose only owner left', () => {
  it('is resumed (OFF, FLOW_RESUMED) when an admin makes an active user its primary owner', async () => {
    const u = await makeTenant(app);
    const flow = await flowOf(app, u.tokens.guest, { environmentId: u.defaultEnv, solutionAware: true, trigger: 'INSTANT', actions: [] });
    const guest = u.directory.users.find((x) => x.id === u.ext('guest'))!;
    await importDirectory(app.database.db, { users: [{ ...guest, status: 'DEPARTED' }] });
    const changed = ok(
      await app.gql(NewPrimary, { input: { flowId: flow.id, newOwnerId: u.users.coowner } }, u.tokens.admin),
    ).changePrimaryOwner;
    expect(changed).toEqual({ __typename: 'ChangePrimaryOwnerSuccess', flow: { state: 'OFF', suspensionReason: null } });
    const told = ok(await app.gql(Suspensions, {}, u.tokens.coowner))
      .sharingEvents.edges.map((e) => e.node)
      .filter((e) => e.flowId === flow.id);
    expect(told.map((e) => e.kind)).toEqual(['PRIMARY_OWNER_CHANGED', 'FLOW_RESUMED']);
  });
});
