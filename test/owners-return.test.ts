// FLOW_RESUMED through the directory (issue 14 item 5): a flow suspended for want of an active
// owner resumes, OFF, when an owner comes back — a departed user active again (SCIM or the
// directory file) or a group that owns it given an active member — with FLOW_RESUMED to its
// owners and admins and no actor (the directory did it), in the directory change's transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDirectory } from '../src/directory/import.js';
import { globalId } from '../src/graphql/ids.js';
import { createScimToken } from '../src/scim/tokens.js';
import { graphql } from './gql/index.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { flowOf } from './support/fixtures.js';
import { byUserName, CORE_GROUP, PATCH_OP, scimClient } from './support/scim.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const AddOwners = graphql(`
  mutation ReturnOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);
const StateOf = graphql(`
  query ReturnState($id: ID!) { node(id: $id) { ... on Flow { state suspensionReason } } }
`);
const Log = graphql(`
  query ReturnLog { sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole } } } }
`);

let app: TestApp;
let t: Tenant;
let token: string;
const scim = (method: string, path: string, body?: unknown) => scimClient(app.url)(token, method, path, body);
const scimId = async (person: string) => (await scim('GET', byUserName(`${person}.${t.tag}@example.com`))).body.Resources[0].id as string;
const setActive = async (scimUserId: string, active: boolean) => {
  const answer = await scim('PATCH', `/Users/${scimUserId}`, {
    schemas: [PATCH_OP],
    Operations: [{ op: 'replace', path: 'active', value: active }],
  });
  expect(answer.status).toBe(200);
};
const stateOf = async (flowId: string) => ok(await app.gql(StateOf, { id: flowId }, t.tokens.admin)).node;
const eventsOf = async (viewer: string, flowId: string) =>
  ok(await app.gql(Log, {}, viewer))
    .sharingEvents.edges.map((e) => e.node)
    .filter((e) => e.flowId === flowId);

beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
  ({ token } = (await createScimToken(app.database.db, `tenant-${t.tag}`))!);
});
afterAll(() => app?.close());

describe('a flow suspended with no active owner', () => {
  it('resumes OFF with FLOW_RESUMED (no actor) to its owners and admins when its departed primary owner is active again (SCIM)', async () => {
    const flow = await flowOf(app, t.tokens.guest, { environmentId: t.defaultEnv, trigger: 'INSTANT', actions: [] });
    const guest = await scimId('guest');
    await setActive(guest, false);
    expect(await stateOf(flow.id)).toEqual({ state: 'SUSPENDED', suspensionReason: 'NO_ACTIVE_OWNER' });

    await setActive(guest, true);
    expect(await stateOf(flow.id)).toEqual({ state: 'OFF', suspensionReason: null });
    const resumed = { kind: 'FLOW_RESUMED', actor: null, actorRole: 'NONE' };
    expect(await eventsOf(t.tokens.admin, flow.id)).toContainEqual(expect.objectContaining(resumed));
    expect(await eventsOf(t.tokens.guest, flow.id)).toContainEqual(expect.objectContaining(resumed));
    // Changing an active user again resumes nothing more.
    await setActive(guest, true);
    expect((await eventsOf(t.tokens.admin, flow.id)).filter((e) => e.kind === 'FLOW_RESUMED')).toHaveLength(1);
  });

  it('resumes when a group that co-owns it is given an active member (SCIM PUT of the group)', async () => {
    const group = await scim('POST', '/Groups', { schemas: [CORE_GROUP], displayName: `Heirs ${t.tag}`, members: [] });
    expect(group.status).toBe(201);
    const flow = await flowOf(app, t.tokens.guest, { environmentId: t.defaultEnv, trigger: 'INSTANT', actions: [] });
    ok(await app.gql(AddOwners, { input: { flowId: flow.id, add: [globalId('Group', group.body.id)] } }, t.tokens.guest));
    const guest = await scimId('guest');
    await setActive(guest, false);
    expect(await stateOf(flow.id)).toMatchObject({ state: 'SUSPENDED' });

    const coowner = await scimId('coowner');
    const filled = await scim('PUT', `/Groups/${group.body.id}`, {
      schemas: [CORE_GROUP],
      displayName: `Heirs ${t.tag}`,
      members: [{ value: coowner }],
    });
    expect(filled.status).toBe(200);
    expect(await stateOf(flow.id)).toEqual({ state: 'OFF', suspensionReason: null });
    expect((await eventsOf(t.tokens.coowner, flow.id)).map((e) => e.kind)).toContain('FLOW_RESUMED');
    await setActive(guest, true);
  });

  it('resumes when the directory file makes its primary owner active again, and says so in the summary', async () => {
    const guest = t.directory.users.find((u) => u.id === t.ext('guest'))!;
    const flow = await flowOf(app, t.tokens.guest, { environmentId: t.defaultEnv, trigger: 'INSTANT', actions: [] });
    await importDirectory(app.database.db, { users: [{ ...guest, status: 'DEPARTED' }] });
    expect(await stateOf(flow.id)).toMatchObject({ state: 'SUSPENDED' });

    const summary = await importDirectory(app.database.db, { users: [{ ...guest, status: 'ACTIVE' }] });
    expect(summary.resumedFlows).toBeGreaterThanOrEqual(1);
    expect(await stateOf(flow.id)).toEqual({ state: 'OFF', suspensionReason: null });
    expect((await eventsOf(t.tokens.admin, flow.id)).map((e) => e.kind)).toEqual(
      expect.arrayContaining(['FLOW_SUSPENDED', 'FLOW_RESUMED']),
    );
  });

  it('stays suspended when the user who comes back owns nothing of it', async () => {
    const flow = await flowOf(app, t.tokens.guest, { environmentId: t.defaultEnv, trigger: 'INSTANT', actions: [] });
    const guest = await scimId('guest');
    const maker = await scimId('maker');
    await setActive(guest, false);
    await setActive(maker, false);
    await setActive(maker, true);
    expect(await stateOf(flow.id)).toMatchObject({ state: 'SUSPENDED', suspensionReason: 'NO_ACTIVE_OWNER' });
    await setActive(guest, true);
  });
});
