// SCIM 2.0 under /scim/v2 (issue 16): a plain-fetch client sends what Entra ID and Okta send.
// Two tenants, each with its own token; users and groups land in the directory through its one
// write path, so a deactivated user is refused at once and their open streams end (S26).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { importDirectory } from '../src/directory/import.js';
import { encodeEventCursor } from '../src/events/cursor.js';
import { globalId } from '../src/graphql/ids.js';
import { gqlAt, startTestApp, type TestApp } from './support/app.js';
import { sseSubscribe, typedDocument, wsClient } from './support/live.js';
import {
  byUserName,
  CORE_GROUP,
  CORE_USER,
  ENTERPRISE,
  entraUser,
  ERROR,
  FLOWSHARE,
  oktaUser,
  PATCH_OP,
  scimClient,
} from './support/scim.js';
import { tenantDirectory } from './support/tenant.js';

const Viewer = typedDocument<{ viewer: { id: string; displayName: string; license: string } | null }, Record<string, never>>(
  'query ScimViewer { viewer { id displayName license } }',
);
const NewFlow = typedDocument<{ createFlow: { __typename: string; flow?: { id: string } } }, { environmentId: string }>(
  `mutation ScimNewFlow($environmentId: ID!) {
    createFlow(input: { environmentId: $environmentId, displayName: "Shared", trigger: INSTANT, actions: [] }) { __typename ... on CreateFlowSuccess { flow { id } } }
  }`,
);
const Owners = typedDocument<{ modifyFlowOwners: { __typename: string } }, { flowId: string; add: string[] }>(
  'mutation ScimOwners($flowId: ID!, $add: [ID!]) { modifyFlowOwners(input: { flowId: $flowId, add: $add }) { __typename } }',
);
const AccessFor = typedDocument<
  { node: { accessFor: { level: string; paths: { kind: string }[] } } | null },
  { id: string; userId: string }
>('query ScimAccessFor($id: ID!, $userId: ID!) { node(id: $id) { ... on Flow { accessFor(userId: $userId) { level paths { kind } } } } }');
const MyEvents = typedDocument<{ sharingEvents: { kind: string } }, { after?: string | null }>(
  'subscription ScimMine($after: String) { sharingEvents(after: $after) { kind } }',
);
const Environments = typedDocument<{ environments: { id: string; isDefault: boolean }[] }, Record<string, never>>(
  'query ScimEnvironments { environments { id isDefault } }',
);

let app: TestApp;
const tags = { a: randomUUID().slice(0, 8), b: randomUUID().slice(0, 8) };
const tokens = { a: `scim-a-${randomUUID()}`, b: `scim-b-${randomUUID()}` };
const directories = { a: tenantDirectory(tags.a), b: tenantDirectory(tags.b) };

beforeAll(async () => {
  app = await startTestApp({
    server: { scim: { tokens: { [`tenant-${tags.a}`]: tokens.a, [`tenant-${tags.b}`]: tokens.b } } },
  });
  await importDirectory(app.database.db, directories.a);
  await importDirectory(app.database.db, directories.b);
});
afterAll(() => app?.close());

const scim = (token: string | null, method: string, path: string, body?: unknown) => scimClient(app.url)(token, method, path, body);
const A = (method: string, path: string, body?: unknown) => scim(tokens.a, method, path, body);
const B = (method: string, path: string, body?: unknown) => scim(tokens.b, method, path, body);

async function viewerAs(sub: string) {
  return gqlAt(app.url, Viewer, {}, await app.token(sub));
}

describe('discovery', () => {
  it('ServiceProviderConfig, ResourceTypes and Schemas answer in application/scim+json', async () => {
    const config = await scim(null, 'GET', '/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.type).toMatch(/^application\/scim\+json/);
    expect(config.body).toMatchObject({
      patch: { supported: true },
      filter: { supported: true, maxResults: 200 },
      bulk: { supported: false },
    });
    expect(config.body.authenticationSchemes[0]).toMatchObject({ type: 'oauthbearertoken' });

    const types = await scim(null, 'GET', '/ResourceTypes');
    expect(types.body.Resources.map((r: { name: string }) => r.name).sort()).toEqual(['Group', 'User']);
    const user = types.body.Resources.find((r: { name: string }) => r.name === 'User');
    expect(user.schemaExtensions.map((e: { schema: string }) => e.schema).sort()).toEqual([ENTERPRISE, FLOWSHARE].sort());

    const schemas = await scim(null, 'GET', '/Schemas');
    expect(schemas.body.Resources.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([CORE_USER, CORE_GROUP, FLOWSHARE]));
    const ours = await scim(null, 'GET', `/Schemas/${FLOWSHARE}`);
    expect(ours.body.attributes[0]).toMatchObject({ name: 'license', canonicalValues: ['FREE', 'PREMIUM', 'SEEDED'] });
  });
});

describe('tokens', () => {
  it('no token or a bad one is 401 with a SCIM error', async () => {
    for (const token of [null, 'not-a-token']) {
      const reply = await scim(token, 'GET', '/Users');
      expect(reply.status).toBe(401);
      expect(reply.type).toMatch(/^application\/scim\+json/);
      expect(reply.body).toMatchObject({ schemas: [ERROR], status: '401' });
    }
  });

  it("one tenant's token sees and touches nothing of another's: 404, and its lists hold only its own", async () => {
    const created = await A('POST', '/Users', entraUser(`x${randomUUID().slice(0, 6)}`));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await B('GET', `/Users/${id}`)).status).toBe(404);
    expect((await B('PUT', `/Users/${id}`, { schemas: [CORE_USER], userName: 'x@example.com', active: false })).status).toBe(404);
    expect(
      (await B('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] })).status,
    ).toBe(404);
    expect((await B('DELETE', `/Users/${id}`)).status).toBe(404);
    expect((await B('GET', byUserName(created.body.userName))).body.totalResults).toBe(0);
    // Nor may a group of B's hold A's user.
    const group = await B('POST', '/Groups', { schemas: [CORE_GROUP], displayName: 'Mixed', members: [{ value: id }] });
    expect(group.status).toBe(400);
    expect(group.body.scimType).toBe('invalidValue');
    expect((await A('GET', `/Users/${id}`)).body.active).toBe(true);
  });
});

describe('Entra ID', () => {
  it('looks the user up by userName, creates, patches with "Replace" and "False", and the user is refused at once', async () => {
    const tag = randomUUID().slice(0, 8);
    const body = entraUser(tag);
    const before = await A('GET', byUserName(body.userName));
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ totalResults: 0, Resources: [] });

    const created = await A('POST', '/Users', body);
    expect(created.status).toBe(201);
    expect(created.location).toMatch(new RegExp(`/scim/v2/Users/${created.body.id}$`));
    expect(created.body).toMatchObject({
      externalId: body.externalId,
      userName: body.userName,
      active: true,
      [FLOWSHARE]: { license: 'SEEDED' },
    });

    // The JWT sub is the externalId; the names obey what was sent.
    const signedIn = await viewerAs(body.externalId);
    expect(signedIn.data?.viewer).toMatchObject({ displayName: `Dana ${tag}`, license: 'SEEDED' });

    // userName is case-insensitive, for lookups and for uniqueness.
    const found = await A('GET', byUserName(body.userName.toLowerCase()));
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0].id).toBe(created.body.id);
    const byExternal = await A('GET', `/Users?filter=${encodeURIComponent(`externalId eq "${body.externalId}"`)}`);
    expect(byExternal.body.Resources.map((u: { id: string }) => u.id)).toEqual([created.body.id]);
    const duplicate = await A('POST', '/Users', { ...body, externalId: `entra-${randomUUID()}`, userName: body.userName.toUpperCase() });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ schemas: [ERROR], status: '409', scimType: 'uniqueness' });

    const renamed = await A('PATCH', `/Users/${created.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'Replace', path: 'displayName', value: `Dana Q ${tag}` },
        { op: 'Add', path: `${FLOWSHARE}:license`, value: 'PREMIUM' },
      ],
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ displayName: `Dana Q ${tag}`, [FLOWSHARE]: { license: 'PREMIUM' } });
    expect((await viewerAs(body.externalId)).data?.viewer).toMatchObject({ displayName: `Dana Q ${tag}`, license: 'PREMIUM' });

    const disabled = await A('PATCH', `/Users/${created.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.active).toBe(false);
    const refused = await viewerAs(body.externalId);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Still a SCIM resource, inactive.
    expect((await A('GET', `/Users/${created.body.id}`)).body.active).toBe(false);

    const enabled = await A('PATCH', `/Users/${created.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'True' }],
    });
    expect(enabled.body.active).toBe(true);
    expect((await viewerAs(body.externalId)).data?.viewer?.displayName).toBe(`Dana Q ${tag}`);
  });

  it('refuses names that S27 refuses, naming the attribute', async () => {
    const body = { ...entraUser(randomUUID().slice(0, 8)), displayName: 'Invoice \u202Egpj.exe' };
    const reply = await A('POST', '/Users', body);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ scimType: 'invalidValue' });
    expect(reply.body.detail).toMatch(/^displayName: must not contain bidirectional/);
  });
});

describe('Okta', () => {
  it('looks up, creates with no externalId (the userName is the directory id), and deactivates with PUT active: false', async () => {
    const tag = randomUUID().slice(0, 8);
    const body = oktaUser(tag);
    expect((await A('GET', byUserName(body.userName))).body.totalResults).toBe(0);
    const created = await A('POST', '/Users', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ userName: body.userName, externalId: body.userName, displayName: `Omar ${tag}`, active: true });
    expect((await viewerAs(body.userName)).data?.viewer?.displayName).toBe(`Omar ${tag}`);

    const put = await A('PUT', `/Users/${created.body.id}`, { ...oktaUser(tag, false), id: created.body.id });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ active: false, externalId: body.userName });
    expect((await viewerAs(body.userName)).status).toBe(401);
  });
});

describe('DELETE', () => {
  it('makes the user DEPARTED and gone from SCIM; a later POST of the same userName brings the same user back (201)', async () => {
    const tag = randomUUID().slice(0, 8);
    const body = entraUser(tag);
    const created = await A('POST', '/Users', body);
    const id = created.body.id as string;
    const deleted = await A('DELETE', `/Users/${id}`);
    expect(deleted.status).toBe(204);
    expect((await A('GET', `/Users/${id}`)).status).toBe(404);
    expect((await A('DELETE', `/Users/${id}`)).status).toBe(404);
    expect((await A('GET', byUserName(body.userName))).body.totalResults).toBe(0);
    expect((await viewerAs(body.externalId)).status).toBe(401);

    const again = await A('POST', '/Users', body);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id, active: true });
    expect((await viewerAs(body.externalId)).data?.viewer?.displayName).toBe(body.displayName);
  });
});

describe('groups', () => {
  it('membership by PATCH (add; remove by value filter and by value) counts for access at once', async () => {
    const people = directories.a;
    const maker = await app.token(`maker-${tags.a}`);
    const { environments } = (await gqlAt(app.url, Environments, {}, maker)).data!;
    const { createFlow } = (await gqlAt(app.url, NewFlow, { environmentId: environments.find((e) => e.isDefault)!.id }, maker)).data!;
    const flowId = createFlow.flow!.id;

    const member = await A('POST', '/Users', entraUser(randomUUID().slice(0, 8)));
    const other = await A('POST', '/Users', oktaUser(randomUUID().slice(0, 8)));
    const group = await A('POST', '/Groups', {
      schemas: [CORE_GROUP],
      displayName: `Approvers ${tags.a}`,
      externalId: `entra-group-${randomUUID()}`,
      members: [],
    });
    expect(group.status).toBe(201);
    expect(group.body).toMatchObject({ displayName: `Approvers ${tags.a}` });
    expect(group.body.members ?? []).toEqual([]);

    // The maker makes the group a co-owner of the flow; the group has no members yet.
    const owners = await gqlAt(app.url, Owners, { flowId, add: [globalId('Group', group.body.id)] }, maker);
    expect(owners.data?.modifyFlowOwners.__typename).toBe('ModifyFlowOwnersSuccess');
    const accessOf = async (userId: string) =>
      (await gqlAt(app.url, AccessFor, { id: flowId, userId: globalId('User', userId) }, maker)).data?.node?.accessFor.level;
    expect(await accessOf(member.body.id)).toBe('NONE');

    // Entra adds members this way.
    const added = await A('PATCH', `/Groups/${group.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Add', path: 'members', value: [{ value: member.body.id }, { value: other.body.id }] }],
    });
    expect(added.status).toBe(200);
    expect(added.body.members.map((m: { value: string }) => m.value).sort()).toEqual([member.body.id, other.body.id].sort());
    expect(await accessOf(member.body.id)).toBe('OWNER');

    // Removal by a value filter in the path (Entra and Okta) ...
    const removed = await A('PATCH', `/Groups/${group.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Remove', path: `members[value eq "${member.body.id}"]` }],
    });
    expect(removed.body.members.map((m: { value: string }) => m.value)).toEqual([other.body.id]);
    expect(await accessOf(member.body.id)).toBe('NONE');
    // ... and by value.
    const emptied = await A('PATCH', `/Groups/${group.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'remove', path: 'members', value: [{ value: other.body.id }] }],
    });
    expect(emptied.body.members ?? []).toEqual([]);

    // Lookup by displayName, rename by PUT.
    const found = await A('GET', `/Groups?filter=${encodeURIComponent(`displayName eq "approvers ${tags.a}"`)}`);
    expect(found.body.Resources.map((g: { id: string }) => g.id)).toEqual([group.body.id]);
    const put = await A('PUT', `/Groups/${group.body.id}`, {
      schemas: [CORE_GROUP],
      displayName: `Approvers 2 ${tags.a}`,
      members: [{ value: member.body.id }],
    });
    expect(put.body).toMatchObject({ displayName: `Approvers 2 ${tags.a}`, members: [{ value: member.body.id }] });
    expect(people.groups.length).toBe(1);
  });

  it('concurrent member adds to one group (as Entra sends them in parallel) lose none', async () => {
    const group = await B('POST', '/Groups', { schemas: [CORE_GROUP], displayName: 'Busy' });
    const people = await Promise.all(Array.from({ length: 8 }, () => B('POST', '/Users', oktaUser(`c-${randomUUID().slice(0, 8)}`))));
    const replies = await Promise.all(
      people.map((p) =>
        B('PATCH', `/Groups/${group.body.id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'Add', path: 'members', value: [{ value: p.body.id }] }],
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(people.map(() => 200));
    const members = (await B('GET', `/Groups/${group.body.id}`)).body.members.map((m: { value: string }) => m.value).sort();
    expect(members).toEqual(people.map((p) => p.body.id).sort());
  });

  it('DELETE removes a group that holds no grant', async () => {
    const group = await A('POST', '/Groups', { schemas: [CORE_GROUP], displayName: 'Short-lived' });
    expect(group.status).toBe(201);
    expect((await A('DELETE', `/Groups/${group.body.id}`)).status).toBe(204);
    expect((await A('GET', `/Groups/${group.body.id}`)).status).toBe(404);
  });
});

describe('lists and errors', () => {
  it('pages with startIndex and count, each resource once', async () => {
    for (let i = 0; i < 3; i++) expect((await B('POST', '/Users', oktaUser(`p${i}-${randomUUID().slice(0, 6)}`))).status).toBe(201);
    const first = await B('GET', '/Users?startIndex=1&count=4');
    const total = first.body.totalResults as number;
    expect(total).toBeGreaterThanOrEqual(10); // 7 imported, 3 made here
    expect(first.body).toMatchObject({ startIndex: 1, itemsPerPage: 4 });
    const seen: string[] = [];
    for (let start = 1; start <= total; start += 4) {
      const page = await B('GET', `/Users?startIndex=${start}&count=4`);
      expect(page.body.startIndex).toBe(start);
      expect(page.body.totalResults).toBe(total);
      seen.push(...page.body.Resources.map((u: { id: string }) => u.id));
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect((await B('GET', '/Users?count=0')).body).toMatchObject({ totalResults: total, Resources: [] });
  });

  it('a bad filter is 400 invalidFilter; an unknown id is 404; a filter we do not index still answers', async () => {
    const bad = await A('GET', `/Users?filter=${encodeURIComponent('userName foo "x"')}`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ schemas: [ERROR], scimType: 'invalidFilter' });
    expect((await A('GET', `/Users/${randomUUID()}`)).status).toBe(404);
    expect((await A('GET', '/Users/not-an-id')).status).toBe(404);
    expect((await A('GET', `/Groups/${randomUUID()}`)).status).toBe(404);
    const sw = await A('GET', `/Users?filter=${encodeURIComponent(`userName sw "maker.${tags.a}"`)}`);
    expect(sw.body.Resources.map((u: { userName: string }) => u.userName)).toEqual([`maker.${tags.a}@example.com`]);
  });
});

describe('departure by SCIM (S26)', () => {
  it("ends the user's open streams (graphql-ws and SSE) with UNAUTHENTICATED within 5 s", async () => {
    const maker = await app.token(`maker-${tags.b}`);
    const coowner = await app.token(`coowner-${tags.b}`);
    const { environments } = (await gqlAt(app.url, Environments, {}, maker)).data!;
    const { createFlow } = (await gqlAt(app.url, NewFlow, { environmentId: environments.find((e) => e.isDefault)!.id }, maker)).data!;
    const me = (await gqlAt(app.url, Viewer, {}, coowner)).data!.viewer!;
    await gqlAt(app.url, Owners, { flowId: createFlow.flow!.id, add: [me.id] }, maker);

    const ws = wsClient(app.url, coowner);
    const overWs = ws.subscribe(MyEvents, { after: encodeEventCursor(0) });
    const overSse = sseSubscribe(app.url, coowner, MyEvents, { after: encodeEventCursor(0) });
    try {
      await overWs.waitFor(1);
      await overSse.waitFor(1);
      const [user] = (await B('GET', byUserName(`coowner.${tags.b}@example.com`))).body.Resources;
      const started = Date.now();
      const reply = await B('PATCH', `/Users/${user.id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
      });
      expect(reply.status).toBe(200);
      await Promise.all([overWs.ended(5000), overSse.ended(5000)]);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(overWs.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(overSse.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await gqlAt(app.url, Viewer, {}, coowner)).status).toBe(401);
    } finally {
      overSse.stop();
      await ws.close();
    }
  });
});

describe('FLOWSHARE_SCIM_TOKENS', () => {
  it('is a JSON object of non-empty strings, one token per tenant; anything else stops the start naming the variable', () => {
    expect(loadConfig({ FLOWSHARE_SCIM_TOKENS: '{"contoso": "t1", "fabrikam": "t2"}' }).scimTokens).toEqual({
      contoso: 't1',
      fabrikam: 't2',
    });
    expect(loadConfig({}).scimTokens).toEqual({});
    for (const bad of ['not json', '["t1"]', '{"contoso": ""}', '{"contoso": 3}', '{"a": "same", "b": "same"}']) {
      expect(() => loadConfig({ FLOWSHARE_SCIM_TOKENS: bad }), bad).toThrow(/FLOWSHARE_SCIM_TOKENS/);
    }
  });
});
