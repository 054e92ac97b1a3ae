// No N+1: a page of flows with their owners, creator, environment, connections and access
// costs the same number of SQL statements for 10 flows as for 100.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { connectionOf, flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const MyFlowsInDepth = graphql(`
  query MyFlowsInDepth {
    myFlows(first: 100) {
      edges {
        node {
          id
          displayName
          creator { id displayName }
          environment { id displayName viewerRole }
          owners {
            totalCount
            edges {
              isPrimaryOwner
              addedBy { id displayName }
              node {
                __typename
                ... on User { id displayName email }
                ... on Group { id displayName }
                ... on SharePointList { id title }
              }
            }
          }
          connectionReferences { id usage connection { id displayName status owner { id displayName } connector { displayName } } }
          actions { name }
          viewerAccess { level canEdit paths { kind via { __typename } } }
        }
      }
    }
  }
`);

const ShareWithTeam = graphql(`
  mutation ShareWithTeam($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ countsStatements: true });
});
afterAll(() => app?.close());

/** A tenant whose maker owns `n` flows, each shared with a user, a group and a list, using two connections. */
async function tenantWithFlows(n: number): Promise<Tenant> {
  const t = await makeTenant(app);
  const sp = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
  const mail = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.outlook });
  for (let i = 0; i < n; i++) {
    const flow = await flowOf(app, t.tokens.maker, {
      environmentId: t.defaultEnv,
      displayName: `Flow ${i}`,
      actions: [
        { name: 'Get', connectionId: sp },
        { name: 'Mail', connectionId: mail },
      ],
    });
    ok(await app.gql(ShareWithTeam, { input: { flowId: flow.id, add: [t.users.coowner, t.team, t.list] } }, t.tokens.maker));
  }
  return t;
}

async function statementsFor(t: Tenant, expectedFlows: number) {
  await app.feed.wake(); // the reads that follow the fixtures' mutations, done before counting
  const before = app.database.statementCount();
  const { myFlows } = ok(await app.gql(MyFlowsInDepth, {}, t.tokens.maker));
  const statements = app.database.statementCount() - before;
  expect(myFlows.edges).toHaveLength(expectedFlows);
  expect(myFlows.edges[0]!.node.owners.totalCount).toBe(4);
  expect(myFlows.edges[0]!.node.connectionReferences).toHaveLength(2);
  return statements;
}

describe('myFlows(first: 100) in depth', () => {
  it('issues the same number of statements for 10 flows as for 100', async () => {
    const [ten, hundred] = [await tenantWithFlows(10), await tenantWithFlows(100)];
    const forTen = await statementsFor(ten, 10);
    const forHundred = await statementsFor(hundred, 100);
    console.log(`statements per request: ${forTen} for 10 flows, ${forHundred} for 100 flows`);
    expect(forHundred).toBe(forTen);
    // Sign-in with the viewer's memberships and roles, the page with its environments, the
    // grants, references with actions, connections with connectors, users/groups/lists (#13).
    expect(forTen).toBeLessThanOrEqual(8);
    expect(forHundred).toBeLessThanOrEqual(8);
  }, 120_000);
});
