// S21 (#12 item 1): creating a flow gives access only while its creator is primary owner or
// holds a grant. alice creates a solution-aware flow, hands it to bob (she stays a
// co-owner), bob removes her: she has no access, creator or not, and accessFor and the
// audit say the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { DeleteFlow, FlowById, TryChangePrimaryOwner, TryModifyFlowOwners, UpdateFlow } from './support/documents.js';
import { failure, flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const CreatorAccessFor = graphql(`
  query CreatorAccessFor($id: ID!, $userId: ID!) {
    node(id: $id) {
      ... on Flow {
        accessFor(userId: $userId) { level canView canEdit canDelete canManageOwners blockedReason paths { kind } }
      }
    }
  }
`);
const CreatorAudit = graphql(`
  query CreatorAudit($environmentId: ID!) {
    sharingAudit(environmentId: $environmentId) { findings { kind flow { id } principal { __typename ... on User { id } } } }
  }
`);

let app: TestApp;
let t: Tenant;

beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
});
afterAll(() => app?.close());

describe('S21: a removed owner has no access, creator or not', () => {
  it('alice creates, hands over to bob, bob removes her: she can neither see nor delete the flow', async () => {
    const alice = t.tokens.maker;
    const bob = t.tokens.coowner;
    const flow = await flowOf(app, alice, { environmentId: t.defaultEnv, displayName: 'Handed over', solutionAware: true });
    expect(flow.viewerAccess.paths.map((p) => p.kind)).toEqual(['CREATOR', 'PRIMARY_OWNER']);

    const handed = ok(await app.gql(TryChangePrimaryOwner, { input: { flowId: flow.id, newOwnerId: t.users.coowner } }, alice));
    expect(handed.changePrimaryOwner.__typename).toBe('ChangePrimaryOwnerSuccess');
    // Still a co-owner: CREATOR is listed beside the grant that gives her access.
    const asCoOwner = ok(await app.gql(CreatorAccessFor, { id: flow.id, userId: t.users.maker }, bob)).node;
    expect(asCoOwner).toMatchObject({
      accessFor: { level: 'OWNER', canDelete: true, paths: [{ kind: 'CREATOR' }, { kind: 'DIRECT_OWNER' }] },
    });

    const removed = ok(await app.gql(TryModifyFlowOwners, { input: { flowId: flow.id, remove: [t.users.maker] } }, bob));
    expect(removed.modifyFlowOwners.__typename).toBe('ModifyFlowOwnersSuccess');

    // Her view: no such flow, and no mutation finds it.
    expect(ok(await app.gql(FlowById, { id: flow.id }, alice)).node).toBeNull();
    expect(failure(ok(await app.gql(DeleteFlow, { input: { flowId: flow.id } }, alice)).deleteFlow)).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      failure(ok(await app.gql(UpdateFlow, { input: { flowId: flow.id, displayName: 'Mine again' } }, alice)).updateFlow),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      failure(ok(await app.gql(TryModifyFlowOwners, { input: { flowId: flow.id, add: [t.users.maker] } }, alice)).modifyFlowOwners),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });

    // accessFor agrees: nothing, and nothing blocked (there is no grant to block).
    const explained = ok(await app.gql(CreatorAccessFor, { id: flow.id, userId: t.users.maker }, bob)).node;
    expect(explained).toEqual({
      accessFor: {
        level: 'NONE',
        canView: false,
        canEdit: false,
        canDelete: false,
        canManageOwners: false,
        blockedReason: null,
        paths: [],
      },
    });
    // The audit reports no access of hers to this flow: there is none to miss.
    const { findings } = ok(await app.gql(CreatorAudit, { environmentId: t.defaultEnv }, t.tokens.admin)).sharingAudit;
    expect(findings.filter((f) => f.flow.id === flow.id && f.principal?.__typename === 'User' && f.principal.id === t.users.maker)).toEqual(
      [],
    );

    // The flow is bob's, untouched.
    const asBob = ok(await app.gql(FlowById, { id: flow.id }, bob)).node;
    expect(asBob).toMatchObject({ __typename: 'Flow', creator: { id: t.users.maker }, primaryOwner: { id: t.users.coowner } });
  });
});
