// Modify a connection with one the flow already holds (S5, "if you have a connection already,
// select it"): replaceFlowConnection merges the two references, in one transaction.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharingEvents } from '../src/db/tables.js';
import { parseGlobalId } from '../src/graphql/ids.js';
import { graphql } from './gql/index.js';
import type { ReplaceFlowConnectionInput } from './gql/graphql.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { connectionOf, failure, flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const Merge = graphql(`
  mutation MergeReferences($input: ReplaceFlowConnectionInput!) {
    replaceFlowConnection(input: $input) {
      __typename
      ... on ReplaceFlowConnectionSuccess {
        flow {
          id
          actions { name connectionReference { id connection { id } } }
          connectionReferences { id usage runOnlySource connection { id } }
        }
      }
      ... on OperationError { code message field }
    }
  }
`);
const Share = graphql(`
  mutation MergeShare($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);
const Sources = graphql(`
  mutation MergeSources($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }
`);

let app: TestApp;
let t: Tenant;
beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
});
afterAll(() => app?.close());

const merge = async (input: ReplaceFlowConnectionInput, token: string) => ok(await app.gql(Merge, { input }, token)).replaceFlowConnection;
const eventsOf = async (flowId: string) =>
  (
    await app.database.db
      .select({ n: count() })
      .from(sharingEvents)
      .where(eq(sharingEvents.flowId, parseGlobalId(flowId)!.id))
  )[0]!.n;

async function twoSharePointReferences(tenant: Tenant) {
  const sp = await connectionOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, connectorId: tenant.sharepoint });
  const spToo = await connectionOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, connectorId: tenant.sharepoint });
  const mail = await connectionOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, connectorId: tenant.outlook });
  const flow = await flowOf(app, tenant.tokens.maker, {
    environmentId: tenant.defaultEnv,
    actions: [
      { name: 'Get', connectionId: sp },
      { name: 'Mail', connectionId: mail },
      { name: 'List', connectionId: spToo },
    ],
  });
  const refOf = (connection: string) => flow.connectionReferences.find((r) => r.connection?.id === connection)!.id;
  return { flow, sp, spToo, mail, refOf };
}

describe('replaceFlowConnection with a connection another reference holds', () => {
  it('merges the references: the actions use the chosen one, the replaced one goes, no event is written', async () => {
    const { flow, sp, spToo, mail, refOf } = await twoSharePointReferences(t);
    const before = await eventsOf(flow.id);
    const result = await merge({ connectionReferenceId: refOf(sp), connectionId: spToo }, t.tokens.maker);
    if (result.__typename !== 'ReplaceFlowConnectionSuccess') throw new Error(JSON.stringify(result));
    expect(result.flow.actions!.map((a) => [a.name, a.connectionReference?.id, a.connectionReference?.connection?.id])).toEqual([
      ['Get', refOf(spToo), spToo],
      ['Mail', refOf(mail), mail],
      ['List', refOf(spToo), spToo],
    ]);
    expect(result.flow.connectionReferences.map((r) => [r.id, r.connection?.id, r.usage])).toEqual([
      [refOf(mail), mail, 'EMBEDDED'],
      [refOf(spToo), spToo, 'EMBEDDED'],
    ]);
    expect(await eventsOf(flow.id)).toBe(before);
    // The replaced reference is gone: naming it again is NOT_FOUND.
    expect(failure(await merge({ connectionReferenceId: refOf(sp), connectionId: spToo }, t.tokens.maker)).code).toBe('NOT_FOUND');
  });

  it("merges into an OTHER reference, which becomes EMBEDDED, and keeps the chosen reference's run-only source", async () => {
    const tenant = await makeTenant(app);
    const sp = await connectionOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, connectorId: tenant.sharepoint });
    const spToo = await connectionOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, connectorId: tenant.sharepoint });
    const flow = await flowOf(app, tenant.tokens.maker, {
      environmentId: tenant.defaultEnv,
      actions: [{ name: 'Get', connectionId: sp }],
      otherConnectionIds: [spToo],
    });
    const refOf = (connection: string) => flow.connectionReferences.find((r) => r.connection?.id === connection)!.id;
    expect(
      ok(
        await app.gql(
          Sources,
          {
            input: { flowId: flow.id, connectionSources: [{ connectionReferenceId: refOf(spToo), source: 'INVOKER' }] },
          },
          tenant.tokens.maker,
        ),
      ).modifyRunOnlyUsers.__typename,
    ).toBe('ModifyRunOnlyUsersSuccess');
    const result = await merge({ connectionReferenceId: refOf(sp), connectionId: spToo }, tenant.tokens.maker);
    expect(result).toMatchObject({
      __typename: 'ReplaceFlowConnectionSuccess',
      flow: {
        actions: [{ name: 'Get', connectionReference: { id: refOf(spToo) } }],
        connectionReferences: [{ id: refOf(spToo), usage: 'EMBEDDED', runOnlySource: 'INVOKER', connection: { id: spToo } }],
      },
    });
  });

  it("lets a co-owner select a connection of another owner's that the flow holds already (S5)", async () => {
    const tenant = await makeTenant(app);
    const { flow, sp, spToo, refOf } = await twoSharePointReferences(tenant);
    ok(await app.gql(Share, { input: { flowId: flow.id, add: [tenant.users.coowner] } }, tenant.tokens.maker));
    const result = await merge({ connectionReferenceId: refOf(spToo), connectionId: sp }, tenant.tokens.coowner);
    expect(result).toMatchObject({ __typename: 'ReplaceFlowConnectionSuccess' });
    if (result.__typename !== 'ReplaceFlowConnectionSuccess') return;
    expect(result.flow.actions!.filter((a) => a.connectionReference?.connection?.id === sp).map((a) => a.name)).toEqual(['Get', 'List']);
    expect(result.flow.connectionReferences.map((r) => r.id)).not.toContain(refOf(spToo));
  });

  it('still refuses what S5 refuses: another connector, even one in the flow', async () => {
    const tenant = await makeTenant(app);
    const { sp, mail, refOf } = await twoSharePointReferences(tenant);
    const refused = failure(await merge({ connectionReferenceId: refOf(sp), connectionId: mail }, tenant.tokens.maker));
    expect(refused).toMatchObject({ code: 'CONNECTOR_MISMATCH', field: ['input', 'connectionId'] });
  });
});
