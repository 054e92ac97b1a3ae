// What SCIM changes beyond users and groups (issue 16): a deleted group takes its grants with
// it (with removal events; a flow left with no active owner is suspended); tokens stored as
// digests; and the record of every directory change, by which token, in the same transaction.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryChanges, scimTokens } from '../src/db/tables.js';
import { listChanges } from '../src/directory/changes.js';
import { globalId } from '../src/graphql/ids.js';
import { createScimToken, listScimTokens, revokeScimToken } from '../src/scim/tokens.js';
import { graphql } from './gql/index.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { flowOf } from './support/fixtures.js';
import { byUserName, CORE_GROUP, oktaUser, PATCH_OP, scimClient } from './support/scim.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const AddOwners = graphql(`
  mutation ScimDirOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);
const AddRunners = graphql(`
  mutation ScimDirRunners($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }
`);
const AccessOf = graphql(`
  query ScimDirAccess($id: ID!, $userId: ID!) { node(id: $id) { ... on Flow { state suspensionReason accessFor(userId: $userId) { level } } } }
`);
const Log = graphql(`
  query ScimDirLog { sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole } } } }
`);

let app: TestApp;
let t: Tenant;
let token: string;
let tokenId: string;
const scim = (method: string, path: string, body?: unknown) => scimClient(app.url)(token, method, path, body);

beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
  const made = (await createScimToken(app.database.db, `tenant-${t.tag}`))!;
  ({ token, id: tokenId } = made);
});
afterAll(() => app?.close());

const scimId = async (person: string) => (await scim('GET', byUserName(`${person}.${t.tag}@example.com`))).body.Resources[0].id as string;
const newGroup = async (displayName: string, members: string[]) => {
  const made = await scim('POST', '/Groups', { schemas: [CORE_GROUP], displayName, members: members.map((value) => ({ value })) });
  expect(made.status).toBe(201);
  return made.body.id as string;
};
const flowState = async (flowId: string, userId: string) =>
  ok(await app.gql(AccessOf, { id: flowId, userId }, t.tokens.admin)).node as {
    state: string;
    suspensionReason: string | null;
    accessFor: { level: string };
  };
const eventsOf = async (token: string, flowId: string) =>
  ok(await app.gql(Log, {}, token))
    .sharingEvents.edges.map((e) => e.node)
    .filter((e) => e.flowId === flowId);

describe('DELETE of a group that holds grants', () => {
  it('removes its owner and run-only grants with OWNER_REMOVED / RUN_ONLY_REMOVED to its members and the owners', async () => {
    const coowner = await scimId('coowner');
    const group = await newGroup(`Reviewers ${t.tag}`, [coowner]);
    const owned = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, trigger: 'INSTANT', actions: [] });
    const run = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, trigger: 'INSTANT', actions: [] });
    ok(await app.gql(AddOwners, { input: { flowId: owned.id, add: [globalId('Group', group)] } }, t.tokens.maker));
    ok(await app.gql(AddRunners, { input: { flowId: run.id, add: [globalId('Group', group)] } }, t.tokens.maker));
    expect((await flowState(owned.id, t.users.coowner)).accessFor.level).toBe('OWNER');
    expect((await flowState(run.id, t.users.coowner)).accessFor.level).toBe('RUN_ONLY');

    expect((await scim('DELETE', `/Groups/${group}`)).status).toBe(204);
    expect((await scim('GET', `/Groups/${group}`)).status).toBe(404);
    expect((await flowState(owned.id, t.users.coowner)).accessFor.level).toBe('NONE');
    expect((await flowState(run.id, t.users.coowner)).accessFor.level).toBe('NONE');
    for (const who of [t.tokens.coowner, t.tokens.maker]) {
      expect((await eventsOf(who, owned.id)).at(-1)).toEqual({ kind: 'OWNER_REMOVED', flowId: owned.id, actor: null, actorRole: 'NONE' });
      expect((await eventsOf(who, run.id)).at(-1)).toEqual({ kind: 'RUN_ONLY_REMOVED', flowId: run.id, actor: null, actorRole: 'NONE' });
    }
  });

  it('suspends a flow the group kept alive after its primary owner left (NO_ACTIVE_OWNER, FLOW_SUSPENDED to admins)', async () => {
    const group = await newGroup(`Keepers ${t.tag}`, [await scimId('coowner')]);
    const flow = await flowOf(app, t.tokens.guest, { environmentId: t.defaultEnv, trigger: 'INSTANT', actions: [] });
    ok(await app.gql(AddOwners, { input: { flowId: flow.id, add: [globalId('Group', group)] } }, t.tokens.guest));
    const guest = await scimId('guest');
    const left = await scim('PATCH', `/Users/${guest}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(left.status).toBe(200);
    expect(await flowState(flow.id, t.users.coowner)).toMatchObject({ state: 'ON', accessFor: { level: 'OWNER' } });

    expect((await scim('DELETE', `/Groups/${group}`)).status).toBe(204);
    expect(await flowState(flow.id, t.users.coowner)).toMatchObject({
      state: 'SUSPENDED',
      suspensionReason: 'NO_ACTIVE_OWNER',
      accessFor: { level: 'NONE' },
    });
    expect((await eventsOf(t.tokens.admin, flow.id)).map((e) => e.kind)).toContain('FLOW_SUSPENDED');
  });

  it("refuses an environment's security group (409, naming the environment), changing nothing", async () => {
    const team = t.rows.groups.get('team')!;
    const refused = await scim('DELETE', `/Groups/${team}`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain(`Secured ${t.tag}`);
    expect((await scim('GET', `/Groups/${team}`)).status).toBe(200);
  });
});

describe('stored SCIM tokens', () => {
  it('keep only a digest; a revoked token is 401; a token for an unknown tenant is not made', async () => {
    const stored = await app.database.db.select().from(scimTokens).where(eq(scimTokens.id, tokenId));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.digest).not.toContain(token);
    expect((await listScimTokens(app.database.db, `tenant-${t.tag}`)).map((s) => s.id)).toContain(tokenId);
    expect(await createScimToken(app.database.db, 'no-such-tenant')).toBeNull();

    const spare = (await createScimToken(app.database.db, `tenant-${t.tag}`))!;
    expect((await scimClient(app.url)(spare.token, 'GET', '/Users?count=1')).status).toBe(200);
    expect(await revokeScimToken(app.database.db, spare.id)).toBe(true);
    expect((await scimClient(app.url)(spare.token, 'GET', '/Users?count=1')).status).toBe(401);
    expect(await revokeScimToken(app.database.db, spare.id)).toBe(false);
  });

  it("of one tenant can't reach another's users", async () => {
    const other = await makeTenant(app);
    const foreign = other.rows.users.get('maker')!;
    expect((await scim('GET', `/Users/${foreign}`)).status).toBe(404);
    expect((await scim('DELETE', `/Users/${foreign}`)).status).toBe(404);
  });
});

describe('the record of directory changes', () => {
  it('names the token and what changed, in order, for SCIM writes and departures; never the token; reads record nothing', async () => {
    const before = (await listChanges(app.database.db, `tenant-${t.tag}`, { limit: 1 }))![0]!.position;
    const created = await scim('POST', '/Users', oktaUser(`rec-${t.tag}`));
    await scim('GET', `/Users/${created.body.id}`);
    await scim('PATCH', `/Users/${created.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
    const after = (await listChanges(app.database.db, `tenant-${t.tag}`, { limit: 10 }))!.filter((c) => c.position > before);
    const credential = `token:${tokenId}`;
    expect(after.reverse().map((c) => [c.source, c.credential, c.action, c.resourceId])).toEqual([
      ['SCIM', credential, 'USER_CREATED', created.body.id],
      ['SCIM', credential, 'USER_PATCHED', created.body.id],
      ['SCIM', credential, 'USER_DEPARTED', created.body.id],
    ]);
    expect(after[0]!.detail).toBe(`userName "omar.rec-${t.tag}@example.com", active true`);
    expect(after[1]!.detail).toBe('replace active');
    const everything = await app.database.db.select().from(directoryChanges);
    expect(JSON.stringify(everything)).not.toContain(token);
  });

  it('records the import: what the file held per tenant, and each departure', async () => {
    const changes = (await listChanges(app.database.db, `tenant-${t.tag}`, { limit: 1000 }))!;
    const imported = changes.filter((c) => c.source === 'IMPORT');
    expect(imported.at(-1)).toMatchObject({
      action: 'IMPORTED',
      credential: null,
      detail: '7 users, 1 groups, 1 lists, 2 environments written',
    });
    expect(await listChanges(app.database.db, 'no-such-tenant', { limit: 1 })).toBeNull();
  });
});
