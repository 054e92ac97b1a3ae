// #12 items 8 and 9: sharing into a secured environment adds only users inside its security
// group (S14, S16); an owner adding themselves as a run-only user changes nothing.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environmentUsers, runOnlyGrants, sharingEvents } from '../src/db/tables.js';
import { parseGlobalId } from '../src/graphql/ids.js';
import { graphql } from './gql/index.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { FlowSharing } from './support/documents.js';
import { flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const EdgeShare = graphql(`
  mutation EdgeShare($input: ModifyFlowOwnersInput!) {
    modifyFlowOwners(input: $input) {
      __typename
      ... on ModifyFlowOwnersSuccess { usersAddedToEnvironment { id } }
      ... on OperationError { code message }
    }
  }
`);
const EdgeRunOnly = graphql(`
  mutation EdgeRunOnly($input: ModifyRunOnlyUsersInput!) {
    modifyRunOnlyUsers(input: $input) {
      __typename
      ... on ModifyRunOnlyUsersSuccess { eventCursor }
      ... on OperationError { code message }
    }
  }
`);
const EdgeAccessFor = graphql(`
  query EdgeAccessFor($id: ID!, $userId: ID!) {
    node(id: $id) { ... on Flow { accessFor(userId: $userId) { level blockedReason paths { kind } } } }
  }
`);
const EdgeAudit = graphql(`
  query EdgeAudit($environmentId: ID!) {
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

const uuid = (gid: string) => parseGlobalId(gid)!.id;

describe('S14 + S16: sharing into a secured environment', () => {
  it('adds (and lists) only users inside the security group; the others get an inert grant', async () => {
    // The secured environment's group is the team (maker, coowner, basic); maker is in the
    // environment, coowner and basic are not yet, free and outsider are outside the group.
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.securedEnv, displayName: 'Secured', solutionAware: true });
    const shared = ok(
      await app.gql(EdgeShare, { input: { flowId: flow.id, add: [t.users.coowner, t.users.free, t.users.outsider] } }, t.tokens.maker),
    ).modifyFlowOwners;
    expect(shared).toEqual({ __typename: 'ModifyFlowOwnersSuccess', usersAddedToEnvironment: [{ id: t.users.coowner }] });

    const members = await app.database.db
      .select({ userId: environmentUsers.userId, role: environmentUsers.role })
      .from(environmentUsers)
      .where(eq(environmentUsers.environmentId, t.rows.environments.get('secured')!));
    const ids = members.map((m) => m.userId);
    expect(ids).toContain(t.rows.users.get('coowner'));
    expect(ids).not.toContain(t.rows.users.get('free'));
    expect(ids).not.toContain(t.rows.users.get('outsider'));
    expect(members.find((m) => m.userId === t.rows.users.get('coowner'))!.role).toBeNull(); // not the default environment (S14)

    // Their grants are kept but inert (S16), and the audit reports them.
    const explain = async (userId: string) => ok(await app.gql(EdgeAccessFor, { id: flow.id, userId }, t.tokens.maker)).node;
    for (const outside of [t.users.free, t.users.outsider]) {
      expect(await explain(outside)).toEqual({
        accessFor: { level: 'NONE', blockedReason: expect.stringMatching(/security group/), paths: [{ kind: 'DIRECT_OWNER' }] },
      });
    }
    expect(await explain(t.users.coowner)).toEqual({
      accessFor: { level: 'OWNER', blockedReason: null, paths: [{ kind: 'DIRECT_OWNER' }] },
    });
    const { findings } = ok(await app.gql(EdgeAudit, { environmentId: t.securedEnv }, t.tokens.admin)).sharingAudit;
    const outsideHere = findings
      .filter((f) => f.kind === 'OUTSIDE_ENVIRONMENT' && f.flow.id === flow.id)
      .map((f) => (f.principal?.__typename === 'User' ? f.principal.id : null))
      .sort();
    expect(outsideHere).toEqual([t.users.free, t.users.outsider].sort());
  });

  it('a group shared into it adds only its members not yet there (all inside: the group is the security group)', async () => {
    const flow = await flowOf(app, t.tokens.maker, {
      environmentId: t.securedEnv,
      displayName: 'Secured for the team',
      solutionAware: true,
    });
    const shared = ok(await app.gql(EdgeShare, { input: { flowId: flow.id, add: [t.team] } }, t.tokens.maker)).modifyFlowOwners;
    if (shared.__typename !== 'ModifyFlowOwnersSuccess') throw new Error(JSON.stringify(shared));
    // coowner joined in the test above (when it ran first) or joins now; basic joins now.
    expect(shared.usersAddedToEnvironment.map((u) => u.id)).toContain(t.users.basic);
    expect(shared.usersAddedToEnvironment.map((u) => u.id)).not.toContain(t.users.free);
  });
});

describe('an owner adding themselves as a run-only user', () => {
  it('is a no-op: no grant, no event', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: 'Mine to run', trigger: 'INSTANT' });
    const result = ok(await app.gql(EdgeRunOnly, { input: { flowId: flow.id, add: [t.users.maker] } }, t.tokens.maker)).modifyRunOnlyUsers;
    expect(result).toEqual({ __typename: 'ModifyRunOnlyUsersSuccess', eventCursor: null });
    const grants = await app.database.db
      .select()
      .from(runOnlyGrants)
      .where(eq(runOnlyGrants.flowId, uuid(flow.id)));
    expect(grants).toEqual([]);
    const events = await app.database.db
      .select()
      .from(sharingEvents)
      .where(and(eq(sharingEvents.flowId, uuid(flow.id)), eq(sharingEvents.kind, 'RUN_ONLY_ADDED')));
    expect(events).toEqual([]);
    const seen = ok(await app.gql(FlowSharing, { id: flow.id }, t.tokens.maker)).node;
    expect(seen).toMatchObject({ runOnlyUsers: { totalCount: 0 } });

    // Adding someone else in the same call still works.
    const both = ok(
      await app.gql(EdgeRunOnly, { input: { flowId: flow.id, add: [t.users.maker, t.users.basic] } }, t.tokens.maker),
    ).modifyRunOnlyUsers;
    expect(both.__typename).toBe('ModifyRunOnlyUsersSuccess');
    const after = await app.database.db
      .select()
      .from(runOnlyGrants)
      .where(eq(runOnlyGrants.flowId, uuid(flow.id)));
    expect(after.map((g) => g.userId)).toEqual([t.rows.users.get('basic')]);
  });
});
