// Modify a connection (S5, S6): replaceFlowConnection and updateConnectionCredentials.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connections } from '../src/db/tables.js';
import { parseGlobalId } from '../src/graphql/ids.js';
import { graphql } from './gql/index.js';
import type { ReplaceFlowConnectionInput } from './gql/graphql.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { connectionOf, failure, flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const Replace = graphql(`
  mutation Replace($input: ReplaceFlowConnectionInput!) {
    replaceFlowConnection(input: $input) {
      __typename
      ... on ReplaceFlowConnectionSuccess { flow { id actions { name connectionReference { id connection { id owner { id } } } } } }
      ... on OperationError { code message field }
    }
  }
`);
const Reauthenticate = graphql(`
  mutation Reauthenticate($input: UpdateConnectionCredentialsInput!) {
    updateConnectionCredentials(input: $input) {
      __typename
      ... on UpdateConnectionCredentialsSuccess { connection { id status } }
      ... on OperationError { code message field }
    }
  }
`);
const Share = graphql(`
  mutation Share($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);

let app: TestApp;
let t: Tenant;
let other: Tenant;
beforeAll(async () => {
  app = await startTestApp();
  [t, other] = await Promise.all([makeTenant(app), makeTenant(app)]);
});
afterAll(() => app?.close());

const replace = async (input: ReplaceFlowConnectionInput, token: string) =>
  ok(await app.gql(Replace, { input }, token)).replaceFlowConnection;

describe('replaceFlowConnection', () => {
  it("lets a co-owner swap the creator's connection for their own, same connector", async () => {
    const makers = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, actions: [{ name: 'Get', connectionId: makers }] });
    ok(await app.gql(Share, { input: { flowId: flow.id, add: [t.users.coowner] } }, t.tokens.maker));
    const mine = await connectionOf(app, t.tokens.coowner, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
    const ref = flow.connectionReferences[0]!.id;
    const result = await replace({ connectionReferenceId: ref, connectionId: mine }, t.tokens.coowner);
    expect(result).toMatchObject({
      __typename: 'ReplaceFlowConnectionSuccess',
      flow: { actions: [{ name: 'Get', connectionReference: { id: ref, connection: { id: mine, owner: { id: t.users.coowner } } } }] },
    });
  });

  it('refuses what S5 and S6 forbid, and strangers', async () => {
    const tenant = await makeTenant(app);
    const sp = await connectionOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, connectorId: tenant.sharepoint });
    const mail = await connectionOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, connectorId: tenant.outlook });
    const spToo = await connectionOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, connectorId: tenant.sharepoint });
    const flow = await flowOf(app, tenant.tokens.maker, {
      environmentId: tenant.defaultEnv,
      actions: [
        { name: 'Get', connectionId: sp },
        { name: 'Mail', connectionId: mail },
      ],
      otherConnectionIds: [spToo],
    });
    const ref = flow.connectionReferences.find((r) => r.connection?.id === sp)!.id;
    ok(await app.gql(Share, { input: { flowId: flow.id, add: [tenant.users.basic] } }, tenant.tokens.maker));
    await app.database.db.execute(
      sql`insert into run_only_grants (flow_id, principal_kind, user_id) values (${parseGlobalId(flow.id)!.id}, 'USER', ${tenant.rows.users.get('guest')!})`,
    );
    const host = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv });
    const scoped = await connectionOf(app, tenant.tokens.maker, {
      environmentId: tenant.defaultEnv,
      connectorId: tenant.sharepoint,
      flowId: host.id,
    });
    const secured = await connectionOf(app, tenant.tokens.maker, { environmentId: tenant.securedEnv, connectorId: tenant.sharepoint });
    const coownersSp = await connectionOf(app, tenant.tokens.coowner, { environmentId: tenant.defaultEnv, connectorId: tenant.sharepoint });
    const cases: [string, string, ReplaceFlowConnectionInput, string, string[]][] = [
      [
        'another connector',
        tenant.tokens.maker,
        { connectionReferenceId: ref, connectionId: mail },
        'CONNECTOR_MISMATCH',
        ['input', 'connectionId'],
      ],
      [
        "someone else's connection",
        tenant.tokens.maker,
        { connectionReferenceId: ref, connectionId: coownersSp },
        'CONNECTION_NOT_OWNED',
        ['input', 'connectionId'],
      ],
      [
        'one made inside another flow',
        tenant.tokens.maker,
        { connectionReferenceId: ref, connectionId: scoped },
        'CONNECTION_SCOPED_TO_OTHER_FLOW',
        ['input', 'connectionId'],
      ],
      [
        'one of another environment',
        tenant.tokens.maker,
        { connectionReferenceId: ref, connectionId: secured },
        'INVALID_INPUT',
        ['input', 'connectionId'],
      ],
      [
        'a run-only user',
        tenant.tokens.guest,
        { connectionReferenceId: ref, connectionId: sp },
        'NOT_AUTHORIZED',
        ['input', 'connectionReferenceId'],
      ],
      ['a co-owner without the maker role', tenant.tokens.basic, { connectionReferenceId: ref, connectionId: sp }, 'ROLE_REQUIRED', []],
      ['a stranger', other.tokens.admin, { connectionReferenceId: ref, connectionId: sp }, 'NOT_FOUND', ['input', 'connectionReferenceId']],
      [
        'a malformed reference',
        tenant.tokens.maker,
        { connectionReferenceId: flow.id, connectionId: sp },
        'INVALID_INPUT',
        ['input', 'connectionReferenceId'],
      ],
    ];
    for (const [what, token, input, code, field] of cases) {
      const error = failure(await replace(input, token));
      expect(error.code, what).toBe(code);
      if (field.length) expect(error.field, what).toEqual(field);
    }
  });
});

describe('updateConnectionCredentials', () => {
  it('lets the owner only bring a connection back to CONNECTED (S5)', async () => {
    const mine = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.outlook });
    await app.database.db
      .update(connections)
      .set({ status: 'ERROR' })
      .where(eq(connections.id, parseGlobalId(mine)!.id));
    const refused = ok(await app.gql(Reauthenticate, { input: { connectionId: mine } }, t.tokens.coowner)).updateConnectionCredentials;
    expect(failure(refused)).toMatchObject({ code: 'CONNECTION_NOT_OWNED', field: ['input', 'connectionId'] });
    const hidden = ok(await app.gql(Reauthenticate, { input: { connectionId: mine } }, other.tokens.maker)).updateConnectionCredentials;
    expect(failure(hidden).code).toBe('NOT_FOUND');
    const anonymous = await app.gql(Reauthenticate, { input: { connectionId: mine } }, null);
    expect([anonymous.status, anonymous.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    const fixed = ok(await app.gql(Reauthenticate, { input: { connectionId: mine } }, t.tokens.maker)).updateConnectionCredentials;
    expect(fixed).toEqual({ __typename: 'UpdateConnectionCredentialsSuccess', connection: { id: mine, status: 'CONNECTED' } });
  });
});
