// S23: run-only users see a flow's connectors, never its connections (names, owners, status),
// as node(id) hides those connections from them; owners and admins see both.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGlobalId } from '../src/graphql/ids.js';
import { graphql } from './gql/index.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { connectionOf, flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const References = graphql(`
  query ConnectionVisibility($id: ID!) {
    node(id: $id) {
      ... on Flow {
        viewerAccess { level }
        connectionReferences {
          id
          runOnlySource
          connector { id displayName }
          connection { id displayName status owner { email } }
        }
      }
    }
  }
`);
const ConnectionNode = graphql(`
  query ConnectionNode($id: ID!) { node(id: $id) { __typename id } }
`);
const AddRunners = graphql(`
  mutation VisibilityAddRunners($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }
`);
const AddOwners = graphql(`
  mutation VisibilityAddOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);

let app: TestApp;
let t: Tenant;
let flowId: string;
let sp: string;
let mail: string;

beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
  sp = await connectionOf(app, t.tokens.maker, {
    environmentId: t.defaultEnv,
    connectorId: t.sharepoint,
    displayName: 'maker@example.com (SharePoint)',
  });
  mail = await connectionOf(app, t.tokens.maker, {
    environmentId: t.defaultEnv,
    connectorId: t.outlook,
    displayName: 'maker@example.com (Outlook)',
  });
  const flow = await flowOf(app, t.tokens.maker, {
    environmentId: t.defaultEnv,
    trigger: 'INSTANT',
    actions: [
      { name: 'Get', connectionId: sp },
      { name: 'Mail', connectionId: mail },
    ],
  });
  flowId = flow.id;
  const mailRef = flow.connectionReferences.find((r) => r.connection?.id === mail)!.id;
  expect(
    ok(
      await app.gql(
        AddRunners,
        {
          input: { flowId, add: [t.users.basic], connectionSources: [{ connectionReferenceId: mailRef, source: 'INVOKER' }] },
        },
        t.tokens.maker,
      ),
    ).modifyRunOnlyUsers.__typename,
  ).toBe('ModifyRunOnlyUsersSuccess');
  expect(ok(await app.gql(AddOwners, { input: { flowId, add: [t.users.coowner] } }, t.tokens.maker)).modifyFlowOwners.__typename).toBe(
    'ModifyFlowOwnersSuccess',
  );
});
afterAll(() => app?.close());

const referencesAs = async (token: string) => {
  const { node } = ok(await app.gql(References, { id: flowId }, token));
  if (!node || !('connectionReferences' in node)) throw new Error(`no flow: ${JSON.stringify(node)}`);
  return node;
};

describe('ConnectionReference.connection and .connector (S23)', () => {
  it('a run-only user sees each connector, never the connection, and node(id) agrees', async () => {
    const flow = await referencesAs(t.tokens.basic);
    expect(flow.viewerAccess.level).toBe('RUN_ONLY');
    expect(flow.connectionReferences.map((r) => [r.connector.id, r.runOnlySource, r.connection])).toEqual([
      [t.sharepoint, 'EMBEDDED', null],
      [t.outlook, 'INVOKER', null],
    ]);
    expect(JSON.stringify(flow)).not.toContain('maker@example.com');
    for (const connection of [sp, mail]) {
      expect(ok(await app.gql(ConnectionNode, { id: connection }, t.tokens.basic)).node).toBeNull();
    }
  });

  it('a run-only user through a group sees no connection either', async () => {
    const tenant = await makeTenant(app);
    const conn = await connectionOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, connectorId: tenant.sharepoint });
    const flow = await flowOf(app, tenant.tokens.maker, {
      environmentId: tenant.defaultEnv,
      actions: [{ name: 'Get', connectionId: conn }],
    });
    ok(await app.gql(AddRunners, { input: { flowId: flow.id, add: [tenant.team] } }, tenant.tokens.maker));
    // basic is in the team and holds no other path to the flow.
    const { node } = ok(await app.gql(References, { id: flow.id }, tenant.tokens.basic));
    expect(node).toMatchObject({
      viewerAccess: { level: 'RUN_ONLY' },
      connectionReferences: [{ connector: { id: tenant.sharepoint }, connection: null }],
    });
  });

  it('owners and environment admins see the connections', async () => {
    for (const [who, token, level] of [
      ['the primary owner', t.tokens.maker, 'OWNER'],
      ['a co-owner', t.tokens.coowner, 'OWNER'],
      ['an environment admin', t.tokens.admin, 'ADMIN'],
    ] as const) {
      const flow = await referencesAs(token);
      expect(flow.viewerAccess.level, who).toBe(level);
      expect(
        flow.connectionReferences.map((r) => [r.connector.id, r.connection?.id, r.connection?.owner.email]),
        who,
      ).toEqual([
        [t.sharepoint, sp, t.directory.users.find((u) => u.id === t.ext('maker'))!.email],
        [t.outlook, mail, t.directory.users.find((u) => u.id === t.ext('maker'))!.email],
      ]);
    }
  });

  it('an owner whose grant expired sees the flow no more, and no connection', async () => {
    const tenant = await makeTenant(app);
    const conn = await connectionOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, connectorId: tenant.sharepoint });
    const flow = await flowOf(app, tenant.tokens.maker, {
      environmentId: tenant.defaultEnv,
      actions: [{ name: 'Get', connectionId: conn }],
    });
    ok(await app.gql(AddOwners, { input: { flowId: flow.id, add: [tenant.users.coowner] } }, tenant.tokens.maker));
    await app.database.db.execute(
      sql`update owner_grants set expires_at = now() - interval '1 hour' where flow_id = ${parseGlobalId(flow.id)!.id}`,
    );
    expect(ok(await app.gql(References, { id: flow.id }, tenant.tokens.coowner)).node).toBeNull();
  });
});

describe('an owner without a maker role (S3, S23)', () => {
  it('sees the connections and the grants: an owner, though not allowed to edit (S15)', async () => {
    const tenant = await makeTenant(app);
    const conn = await connectionOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, connectorId: tenant.sharepoint });
    const flow = await flowOf(app, tenant.tokens.maker, {
      environmentId: tenant.defaultEnv,
      actions: [{ name: 'Get', connectionId: conn }],
    });
    ok(await app.gql(AddOwners, { input: { flowId: flow.id, add: [tenant.users.basic] } }, tenant.tokens.maker));
    const { node } = ok(await app.gql(References, { id: flow.id }, tenant.tokens.basic));
    expect(node).toMatchObject({
      viewerAccess: { level: 'OWNER' },
      connectionReferences: [{ connector: { id: tenant.sharepoint }, connection: { id: conn } }],
    });
  });
});
