// accessibleFlows (issue 14, item 3): every flow a user reaches and how (primary owner, owner
// and run-only grants made to them directly, through a group or a list, environments they
// administer), inert grants with their blockedReason, expired ones absent; who may ask (self,
// admins of the user's environments, NOT_AUTHORIZED, NOT_FOUND); narrowing, paging, cost, and
// statements that don't grow with the page.
import { inArray, sql } from 'drizzle-orm';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flows as flowTable } from '../src/db/tables.js';
import { importDirectory } from '../src/directory/import.js';
import { globalId, parseGlobalId } from '../src/graphql/ids.js';
import { graphql } from './gql/index.js';
import type { AccessibleFlowsQueryVariables } from './gql/graphql.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { TryModifyFlowOwners, TryModifyRunOnlyUsers, TrySetEnvironmentRole } from './support/documents.js';
import { flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const AccessibleFlows = graphql(`
  query AccessibleFlows($userId: ID!, $environmentId: ID, $first: Int, $after: String) {
    accessibleFlows(userId: $userId, environmentId: $environmentId, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node { id displayName viewerAccess { level } }
        access {
          level
          canView
          canEdit
          canRun
          blockedReason
          paths { kind via { __typename ... on Node { id } } }
        }
      }
    }
  }
`);

const AccessibleFlowsInDepth = graphql(`
  query AccessibleFlowsInDepth($userId: ID!, $first: Int) {
    accessibleFlows(userId: $userId, first: $first) {
      totalCount
      edges {
        node {
          id
          displayName
          creator { id displayName }
          environment { id displayName viewerRole }
          owners { totalCount edges { node { __typename ... on Group { id displayName } ... on User { id displayName } } } }
          viewerAccess { level canEdit paths { kind } }
        }
        access { level canEdit blockedReason paths { kind expiresAt via { __typename ... on Group { id displayName } ... on User { id displayName } } } }
      }
    }
  }
`);

let app: TestApp;
let t: Tenant;
let other: Tenant;
type Made = Awaited<ReturnType<typeof flowOf>>;
const flows = {} as Record<'own' | 'direct' | 'group' | 'list' | 'runOnly' | 'groupRunOnly' | 'expired' | 'unshared' | 'secured', Made>;

const share = async (flowId: string, add: string[], expiresAt?: string) => {
  const r = ok(await app.gql(TryModifyFlowOwners, { input: { flowId, add, expiresAt } }, t.tokens.maker)).modifyFlowOwners;
  expect(r.__typename).toBe('ModifyFlowOwnersSuccess');
};
const shareRunOnly = async (flowId: string, add: string[]) => {
  const r = ok(await app.gql(TryModifyRunOnlyUsers, { input: { flowId, add } }, t.tokens.maker)).modifyRunOnlyUsers;
  expect(r.__typename).toBe('ModifyRunOnlyUsersSuccess');
};

beforeAll(async () => {
  app = await startTestApp({ countsStatements: true });
  [t, other] = await Promise.all([makeTenant(app), makeTenant(app)]);
  const inDefault = (displayName: string, token = t.tokens.maker) => flowOf(app, token, { environmentId: t.defaultEnv, displayName });
  // Made one after another: newest first is the reverse of this order.
  flows.own = await inDefault('Own', t.tokens.coowner);
  flows.direct = await inDefault('Direct');
  await share(flows.direct.id, [t.users.coowner]);
  flows.group = await inDefault('Group');
  await share(flows.group.id, [t.team]);
  flows.list = await inDefault('List');
  await share(flows.list.id, [t.list]);
  flows.runOnly = await inDefault('Run-only');
  await shareRunOnly(flows.runOnly.id, [t.users.coowner]);
  flows.groupRunOnly = await inDefault('Group run-only');
  await shareRunOnly(flows.groupRunOnly.id, [t.team]);
  flows.expired = await inDefault('Expired');
  await share(flows.expired.id, [t.users.coowner], new Date(Date.now() + 3_600_000).toISOString());
  // Time passes: that grant expires (S19).
  await app.database.db.execute(
    sql`update owner_grants set expires_at = now() - interval '1 hour' where flow_id = ${uuid(flows.expired.id)} and user_id = ${t.rows.users.get('coowner')!}`,
  );
  flows.unshared = await inDefault('Unshared');
  // The secured environment's group is the team: the co-owner is inside, `free` is not (S16).
  flows.secured = await flowOf(app, t.tokens.maker, { environmentId: t.securedEnv, displayName: 'Secured' });
  await share(flows.secured.id, [t.users.coowner, t.users.free]);
  // `outsider` administers the secured environment only.
  const role = ok(
    await app.gql(
      TrySetEnvironmentRole,
      { input: { environmentId: t.securedEnv, userId: t.users.outsider, role: 'ENVIRONMENT_ADMIN' } },
      t.tokens.admin,
    ),
  ).setEnvironmentRole;
  expect(role.__typename).toBe('SetEnvironmentRoleSuccess');
});
afterAll(() => app?.close());

const uuid = (gid: string) => parseGlobalId(gid)!.id;
const reach = async (vars: Partial<AccessibleFlowsQueryVariables> & { userId: string }, token: string) =>
  ok(await app.gql(AccessibleFlows, vars, token)).accessibleFlows;
const refusal = async (vars: Partial<AccessibleFlowsQueryVariables> & { userId: string }, token: string) => {
  const result = await app.gql(AccessibleFlows, vars, token);
  expect(result.data ?? null).toBeNull();
  const error = result.errors![0]! as { message: string; extensions?: { code?: string; field?: string[] } };
  return { code: error.extensions?.code, field: error.extensions?.field, message: error.message };
};
const names = (page: Awaited<ReturnType<typeof reach>>) => page.edges.map((e) => e.node.displayName);
const byName = (page: Awaited<ReturnType<typeof reach>>, name: string) => page.edges.find((e) => e.node.displayName === name)!;

/** The co-owner's flows, newest first. */
const coownerReaches = ['Secured', 'Group run-only', 'Run-only', 'List', 'Group', 'Direct', 'Own'];

describe('what a user reaches, and how', () => {
  it('lists every way: primary owner, direct, group, list, run-only direct and through a group; newest first; expired grants absent', async () => {
    const page = await reach({ userId: t.users.coowner }, t.tokens.coowner);
    expect(names(page)).toEqual(coownerReaches);
    expect(page.totalCount).toBe(coownerReaches.length);
    const how = (name: string) => {
      const { access } = byName(page, name);
      return { level: access.level, paths: access.paths.map((p) => [p.kind, p.via && 'id' in p.via ? p.via.id : null]) };
    };
    expect(how('Own')).toEqual({
      level: 'OWNER',
      paths: [
        ['CREATOR', t.users.coowner],
        ['PRIMARY_OWNER', t.users.coowner],
      ],
    });
    expect(how('Direct')).toEqual({ level: 'OWNER', paths: [['DIRECT_OWNER', t.users.coowner]] });
    expect(how('Group')).toEqual({ level: 'OWNER', paths: [['GROUP_OWNER', t.team]] });
    expect(how('List')).toEqual({ level: 'OWNER', paths: [['LIST_OWNER', t.list]] });
    expect(how('Run-only')).toEqual({ level: 'RUN_ONLY', paths: [['DIRECT_RUN_ONLY', t.users.coowner]] });
    expect(how('Group run-only')).toEqual({ level: 'RUN_ONLY', paths: [['GROUP_RUN_ONLY', t.team]] });
    expect(how('Secured')).toEqual({ level: 'OWNER', paths: [['DIRECT_OWNER', t.users.coowner]] });
    // The flags are the access decision's (S22): a run-only user runs an instant flow, edits nothing.
    expect(byName(page, 'Run-only').access).toMatchObject({ canView: true, canRun: true, canEdit: false, blockedReason: null });
    // The co-owner has no role in the secured environment: an owner who may not edit there (S15).
    expect(byName(page, 'Secured').access).toMatchObject({ canView: true, canEdit: false, blockedReason: null });
    expect(names(page)).not.toContain('Expired');
    expect(names(page)).not.toContain('Unshared');
  });

  it('includes a grant left inert by the security group, with its blockedReason (S16)', async () => {
    const page = await reach({ userId: t.users.free }, t.tokens.free);
    expect(page.totalCount).toBe(1);
    expect(page.edges[0]!.node.id).toBe(flows.secured.id);
    expect(page.edges[0]!.access).toMatchObject({
      level: 'NONE',
      canView: false,
      blockedReason: expect.stringMatching(/security group/),
      paths: [{ kind: 'DIRECT_OWNER', via: { id: t.users.free } }],
    });
  });

  it('an environment admin reaches every flow of the environments they administer (ENVIRONMENT_ADMIN)', async () => {
    const page = await reach({ userId: t.users.outsider }, t.tokens.outsider);
    expect(names(page)).toEqual(['Secured']);
    expect(page.edges[0]!.access).toMatchObject({ level: 'ADMIN', paths: [{ kind: 'ENVIRONMENT_ADMIN', via: null }] });
    const admin = await reach({ userId: t.users.admin, environmentId: t.defaultEnv, first: 100 }, t.tokens.admin);
    expect(names(admin)).toContain('Unshared');
    expect(byName(admin, 'Unshared').access).toMatchObject({ level: 'ADMIN', paths: [{ kind: 'ENVIRONMENT_ADMIN' }] });
  });

  it('a user with nothing reaches nothing', async () => {
    const page = await reach({ userId: other.users.basic }, other.tokens.basic);
    expect(page).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
  });
});

describe('a departed user', () => {
  it('their flows are still listed to an admin, each with why it is inert (S17)', async () => {
    // basic is in the team: owner of Group, run-only on Group run-only. They leave (directory import).
    const departed = {
      ...t.directory,
      users: t.directory.users.map((u) => (u.id === t.ext('basic') ? { ...u, status: 'DEPARTED' as const } : u)),
    };
    await importDirectory(app.database.db, departed);
    const page = await reach({ userId: t.users.basic }, t.tokens.admin);
    expect(names(page)).toEqual(['Group run-only', 'Group']);
    for (const edge of page.edges) {
      expect(edge.access).toMatchObject({ level: 'NONE', canView: false, blockedReason: 'The user has left the organization.' });
    }
    expect(page.edges.map((e) => e.access.paths.map((p) => p.kind))).toEqual([['GROUP_RUN_ONLY'], ['GROUP_OWNER']]);
  });
});

describe('who may ask', () => {
  it('an admin asks about a user of their tenant: the node as the admin sees it, the access the user has', async () => {
    const page = await reach({ userId: t.users.coowner }, t.tokens.admin);
    expect(names(page)).toEqual(coownerReaches);
    const runOnly = byName(page, 'Run-only');
    expect(runOnly.node.viewerAccess.level).toBe('ADMIN');
    expect(runOnly.access.level).toBe('RUN_ONLY');
  });

  it('environmentId narrows, for the user and for an admin', async () => {
    expect(names(await reach({ userId: t.users.coowner, environmentId: t.securedEnv }, t.tokens.coowner))).toEqual(['Secured']);
    expect(names(await reach({ userId: t.users.coowner, environmentId: t.defaultEnv }, t.tokens.coowner))).toEqual(coownerReaches.slice(1));
    const narrowed = await reach({ userId: t.users.coowner, environmentId: t.securedEnv }, t.tokens.admin);
    expect(names(narrowed)).toEqual(['Secured']);
    expect(narrowed.totalCount).toBe(1);
  });

  it("an admin of one environment sees only that environment's flows, and is NOT_AUTHORIZED for another", async () => {
    const page = await reach({ userId: t.users.coowner }, t.tokens.outsider);
    expect(names(page)).toEqual(['Secured']);
    expect(page.totalCount).toBe(1);
    expect(await refusal({ userId: t.users.coowner, environmentId: t.defaultEnv }, t.tokens.outsider)).toEqual({
      code: 'NOT_AUTHORIZED',
      field: ['environmentId'],
      message: `Only admins of Default ${t.tag} may list the flows another user can reach there.`,
    });
  });

  it('anyone else: NOT_AUTHORIZED for a user of their tenant', async () => {
    expect(await refusal({ userId: t.users.coowner }, t.tokens.maker)).toEqual({
      code: 'NOT_AUTHORIZED',
      field: ['userId'],
      message: 'Only environment admins may list the flows another user can reach.',
    });
  });

  it("NOT_FOUND for another tenant's user or an unknown id, named no further (S20, S24)", async () => {
    const unknown = globalId('User', '00000000-0000-4000-8000-000000000000');
    for (const [userId, token] of [
      [other.users.coowner, t.tokens.maker],
      [other.users.coowner, t.tokens.admin],
      [unknown, t.tokens.admin],
      [unknown, t.tokens.maker],
    ] as const) {
      const r = await refusal({ userId }, token);
      expect(r).toEqual({ code: 'NOT_FOUND', field: ['userId'], message: 'No such user.' });
    }
    // Another tenant's environment, even about oneself and for an admin.
    for (const token of [t.tokens.coowner, t.tokens.admin]) {
      expect(await refusal({ userId: t.users.coowner, environmentId: other.defaultEnv }, token)).toEqual({
        code: 'NOT_FOUND',
        field: ['environmentId'],
        message: 'No such environment.',
      });
    }
  });

  it('INVALID_INPUT for an id of the wrong kind, naming the argument', async () => {
    expect((await refusal({ userId: t.team }, t.tokens.admin)).code).toBe('INVALID_INPUT');
    expect(await refusal({ userId: t.users.coowner, environmentId: t.team }, t.tokens.admin)).toMatchObject({
      code: 'INVALID_INPUT',
      field: ['environmentId'],
    });
  });

  it('UNAUTHENTICATED without a token', async () => {
    const result = await app.gql(AccessibleFlows, { userId: t.users.coowner }, null);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('paging', () => {
  it('pages newest first across pages, each with the whole totalCount, and refuses a bad cursor or size', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 3; i++) {
      const page = await reach({ userId: t.users.coowner, first: 3, after }, t.tokens.coowner);
      expect(page.totalCount).toBe(coownerReaches.length);
      seen.push(...names(page));
      expect(page.pageInfo.hasNextPage).toBe(i < 2);
      after = page.pageInfo.endCursor ?? undefined;
    }
    expect(seen).toEqual(coownerReaches);
    expect((await refusal({ userId: t.users.coowner, after: 'nonsense' }, t.tokens.coowner)).code).toBe('INVALID_INPUT');
    expect((await refusal({ userId: t.users.coowner, first: 101 }, t.tokens.coowner)).code).toBe('INVALID_INPUT');
  });

  it('ties in creation time go by id, descending, across pages', async () => {
    const tiedFlows = [flows.direct, flows.group, flows.list];
    const ids = sql.join(
      tiedFlows.map((f) => sql`${uuid(f.id)}::uuid`),
      sql`, `,
    );
    const saved = await app.database.db
      .select({ id: flowTable.id, at: sql<string>`${flowTable.createdAt}::text` })
      .from(flowTable)
      .where(
        inArray(
          flowTable.id,
          tiedFlows.map((f) => uuid(f.id)),
        ),
      );
    await app.database.db.execute(sql`update flows set created_at = '2020-01-01T00:00:00Z' where id in (${ids})`);
    try {
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await reach({ userId: t.users.coowner, first: 2, after }, t.tokens.coowner);
        seen.push(...page.edges.map((e) => e.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
      } while (after);
      const tied = tiedFlows.map((f) => f.id).sort((a, b) => (uuid(b) < uuid(a) ? -1 : 1));
      expect(seen).toEqual([flows.secured, flows.groupRunOnly, flows.runOnly, flows.own].map((f) => f.id).concat(tied));
    } finally {
      for (const row of saved) {
        await app.database.db.execute(sql`update flows set created_at = ${row.at}::timestamptz where id = ${row.id}::uuid`);
      }
    }
  });

  it('counts for the cost limit once per row asked for', async () => {
    const runs = (inner: string) => `runs(first: 100) { edges { node { id flow { ${inner} } } } }`;
    const query = `query { accessibleFlows(userId: ${JSON.stringify(t.users.coowner)}, first: 100) { edges { node { ${runs(runs('id'))} } } } }`;
    const result = await app.gql(parse(query), {}, t.tokens.coowner);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors?.[0]?.message).toMatch(/costs \d+, more than the limit/);
  });
});

describe('statements', () => {
  it('a page costs the same statements for 2 flows as for 30, for the user and for an admin asking', async () => {
    const many = await makeTenant(app);
    for (let i = 0; i < 30; i++) {
      const flow = await flowOf(app, many.tokens.maker, { environmentId: many.defaultEnv, displayName: `Flow ${i}` });
      const r = ok(
        await app.gql(TryModifyFlowOwners, { input: { flowId: flow.id, add: [many.team, many.users.coowner] } }, many.tokens.maker),
      );
      expect(r.modifyFlowOwners.__typename).toBe('ModifyFlowOwnersSuccess');
    }
    const statementsFor = async (first: number, token: string) => {
      await app.feed.wake(); // the reads that follow the fixtures' mutations, done before counting
      const before = app.database.statementCount();
      const { accessibleFlows } = ok(await app.gql(AccessibleFlowsInDepth, { userId: many.users.coowner, first }, token));
      const statements = app.database.statementCount() - before;
      expect(accessibleFlows.edges).toHaveLength(first);
      expect(accessibleFlows.totalCount).toBe(30);
      expect(accessibleFlows.edges[0]!.access.paths.map((p) => p.kind)).toEqual(['DIRECT_OWNER', 'GROUP_OWNER']);
      return statements;
    };
    for (const token of [many.tokens.coowner, many.tokens.admin]) {
      const [two, thirty] = [await statementsFor(2, token), await statementsFor(30, token)];
      expect(thirty).toBe(two);
      expect(thirty).toBeLessThanOrEqual(10);
      console.log(`accessibleFlows in depth: ${two} statements for 2 flows, ${thirty} for 30`);
    }
  });
});
