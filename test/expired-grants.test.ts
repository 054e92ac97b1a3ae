// Owners clean up the expired grants the audit reports (EXPIRED_GRANT): Flow.owners and
// Flow.runOnlyUsers list them, with expiresAt, when asked with includeExpired (default false).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGlobalId } from '../src/graphql/ids.js';
import { graphql } from './gql/index.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const Grants = graphql(`
  query ExpiredGrants($id: ID!, $includeExpired: Boolean) {
    node(id: $id) {
      ... on Flow {
        owners(first: 10, includeExpired: $includeExpired) {
          totalCount
          edges { isPrimaryOwner expiresAt node { __typename ... on Node { id } } }
        }
        runOnlyUsers(first: 10, includeExpired: $includeExpired) {
          totalCount
          edges { expiresAt node { __typename ... on Node { id } } }
        }
      }
    }
  }
`);
const Owners = graphql(`
  mutation ExpiredGrantsOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);
const Runners = graphql(`
  mutation ExpiredGrantsRunners($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }
`);

let app: TestApp;
let t: Tenant;
let flowId: string;
const soon = () => new Date(Date.now() + 3_600_000).toISOString();

beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
  flowId = (await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, trigger: 'INSTANT' })).id;
  const owners = (input: object) => app.gql(Owners, { input: { flowId, ...input } }, t.tokens.maker);
  const runners = (input: object) => app.gql(Runners, { input: { flowId, ...input } }, t.tokens.maker);
  expect(ok(await owners({ add: [t.users.coowner] })).modifyFlowOwners.__typename).toBe('ModifyFlowOwnersSuccess');
  expect(ok(await owners({ add: [t.users.guest], expiresAt: soon() })).modifyFlowOwners.__typename).toBe('ModifyFlowOwnersSuccess');
  expect(ok(await runners({ add: [t.users.basic] })).modifyRunOnlyUsers.__typename).toBe('ModifyRunOnlyUsersSuccess');
  expect(ok(await runners({ add: [t.team], expiresAt: soon() })).modifyRunOnlyUsers.__typename).toBe('ModifyRunOnlyUsersSuccess');
  // Time passes: the guest's owner grant and the team's run-only grant expire (S19).
  const flow = parseGlobalId(flowId)!.id;
  await app.database.db.execute(
    sql`update owner_grants set expires_at = now() - interval '1 hour' where flow_id = ${flow} and user_id = ${t.rows.users.get('guest')!}`,
  );
  await app.database.db.execute(
    sql`update run_only_grants set expires_at = now() - interval '1 hour' where flow_id = ${flow} and group_id = ${t.rows.groups.get('team')!}`,
  );
});
afterAll(() => app?.close());

const grantsAs = async (token: string, includeExpired?: boolean | null) => {
  const { node } = ok(await app.gql(Grants, { id: flowId, ...(includeExpired === undefined ? {} : { includeExpired }) }, token));
  if (!node || !('owners' in node)) throw new Error(`no flow: ${JSON.stringify(node)}`);
  return node;
};
const ids = (edges: { node: { id?: string } }[]) => edges.map((e) => e.node.id);

describe('Flow.owners / Flow.runOnlyUsers (includeExpired)', () => {
  it('hides expired grants by default (and with false or null): they no longer count', async () => {
    for (const flag of [undefined, false, null]) {
      const flow = await grantsAs(t.tokens.maker, flag);
      expect(ids(flow.owners.edges), String(flag)).toEqual([t.users.maker, t.users.coowner]);
      expect(flow.owners.totalCount).toBe(2);
      expect(ids(flow.runOnlyUsers.edges)).toEqual([t.users.basic]);
      expect(flow.runOnlyUsers.totalCount).toBe(1);
    }
  });

  it('lists them, with expiresAt in the past, for owners and admins who ask', async () => {
    for (const token of [t.tokens.maker, t.tokens.coowner, t.tokens.admin]) {
      const flow = await grantsAs(token, true);
      expect(ids(flow.owners.edges)).toEqual([t.users.maker, t.users.coowner, t.users.guest]);
      expect(flow.owners.totalCount).toBe(3);
      const guest = flow.owners.edges[2]!;
      expect(guest.isPrimaryOwner).toBe(false);
      expect(new Date(guest.expiresAt!).getTime()).toBeLessThan(Date.now());
      expect(flow.owners.edges.slice(0, 2).map((e) => e.expiresAt)).toEqual([null, null]);
      expect(ids(flow.runOnlyUsers.edges)).toEqual([t.users.basic, t.team]);
      expect(flow.runOnlyUsers.totalCount).toBe(2);
      expect(flow.runOnlyUsers.edges[1]!.node.__typename).toBe('Group');
      expect(new Date(flow.runOnlyUsers.edges[1]!.expiresAt!).getTime()).toBeLessThan(Date.now());
    }
  });

  it('shows a run-only user no grant, expired or not', async () => {
    const flow = await grantsAs(t.tokens.basic, true);
    expect(flow.owners).toEqual({ totalCount: 0, edges: [] });
    expect(flow.runOnlyUsers).toEqual({ totalCount: 0, edges: [] });
  });

  it('the expired owner sees the flow no more, even asking', async () => {
    expect(ok(await app.gql(Grants, { id: flowId, includeExpired: true }, t.tokens.guest)).node).toBeNull();
  });
});
