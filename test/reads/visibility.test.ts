// The SQL predicates of src/reads/visibility.ts decide exactly what the pure rules of policy/
// decide, on the same fixtures: every user of a tenant against both its environments (S16),
// grants around their expiry (S19), and "a live grant reaches you inside the environment".
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environments, environmentUsers, flows, ownerGrants, users } from '../../src/db/tables.js';
import { isGrantActive } from '../../src/policy/access.js';
import { isInsideEnvironment } from '../../src/policy/environments.js';
import { grantedTo, insideEnvironment, liveGrant } from '../../src/reads/visibility.js';
import { loadFlowFacts, loadMemberships } from '../../src/sharing/access.js';
import { parseGlobalId } from '../../src/graphql/ids.js';
import { ok, startTestApp, type TestApp } from '../support/app.js';
import { TryModifyFlowOwners } from '../support/documents.js';
import { flowOf } from '../support/fixtures.js';
import { makeTenant, type Tenant } from '../support/tenant.js';

let app: TestApp;
let t: Tenant;
let flowIds: string[];

beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
  // A flow in each environment, shared with the group, the list and a user, one grant expiring.
  const shared = [];
  for (const env of [t.defaultEnv, t.securedEnv]) {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: env });
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    for (const input of [{ add: [t.team] }, { add: [t.list] }, { add: [t.users.guest], expiresAt }, { add: [t.users.free] }]) {
      ok(await app.gql(TryModifyFlowOwners, { input: { flowId: flow.id, ...input } }, t.tokens.maker));
    }
    shared.push(parseGlobalId(flow.id)!.id);
  }
  flowIds = shared;
});
afterAll(() => app.close());

const tenantUsers = () => [...t.rows.users.values()];

describe('insideEnvironment (S16) is isInsideEnvironment', () => {
  it('for every user of the tenant in both environments, with columns and with values', async () => {
    const { db } = app.database;
    const envs = await db
      .select()
      .from(environments)
      .where(inArray(environments.id, [...t.rows.environments.values()]));
    const rows = await db
      .select({ environmentId: environments.id, userId: users.id, inside: sql<boolean>`${insideEnvironment(db, environments, users.id)}` })
      .from(environments)
      .innerJoin(users, inArray(users.id, tenantUsers()))
      .where(
        inArray(
          environments.id,
          envs.map((e) => e.id),
        ),
      );
    expect(rows).toHaveLength(envs.length * tenantUsers().length);
    let outside = 0;
    for (const row of rows) {
      const env = envs.find((e) => e.id === row.environmentId)!;
      const [role] = await db
        .select({ role: environmentUsers.role })
        .from(environmentUsers)
        .where(and(eq(environmentUsers.environmentId, env.id), eq(environmentUsers.userId, row.userId)));
      const { groupIds } = await loadMemberships(db, row.userId);
      const expected = isInsideEnvironment(env, { role: role?.role ?? null, groupIds });
      expect({ ...row, inside: Boolean(row.inside) }).toEqual({ ...row, inside: expected });
      const [byValue] = await db
        .select({ inside: sql<boolean>`${insideEnvironment(db, { id: env.id, securityGroupId: env.securityGroupId }, row.userId)}` })
        .from(sql`(select 1) one`);
      expect(Boolean(byValue!.inside)).toBe(expected);
      if (!expected) outside++;
    }
    expect(outside).toBeGreaterThan(0); // the fixture has people outside the secured environment
  });
});

describe('liveGrant (S19) is isGrantActive', () => {
  it('before, at and after a grant expires, and for grants that never expire', async () => {
    const { db } = app.database;
    const grants = await db.select().from(ownerGrants).where(inArray(ownerGrants.flowId, flowIds));
    const expiring = grants.find((g) => g.expiresAt)!;
    for (const now of [
      new Date(expiring.expiresAt!.getTime() - 1000),
      expiring.expiresAt!,
      new Date(expiring.expiresAt!.getTime() + 1000),
    ]) {
      const live = await db
        .select({ id: ownerGrants.id })
        .from(ownerGrants)
        .where(and(inArray(ownerGrants.flowId, flowIds), liveGrant(ownerGrants, now)));
      expect(new Set(live.map((g) => g.id))).toEqual(new Set(grants.filter((g) => isGrantActive(g, now)).map((g) => g.id)));
    }
  });
});

describe('grantedTo is "a live grant reaches the user, inside the environment"', () => {
  it('for every user of the tenant, against the facts policy decides on', async () => {
    const { db } = app.database;
    const facts = await loadFlowFacts(db, flowIds);
    const envs = await db
      .select()
      .from(environments)
      .where(inArray(environments.id, [...t.rows.environments.values()]));
    for (const userId of tenantUsers()) {
      const memberships = await loadMemberships(db, userId);
      const found = await db
        .select({ id: flows.id })
        .from(flows)
        .where(and(inArray(flows.id, flowIds), grantedTo(db, ownerGrants, userId, memberships)));
      const now = new Date();
      const expected = [];
      for (const [flowId, f] of facts) {
        const env = envs.find((e) => e.id === f.flow.environmentId)!;
        const [role] = await db
          .select({ role: environmentUsers.role })
          .from(environmentUsers)
          .where(and(eq(environmentUsers.environmentId, env.id), eq(environmentUsers.userId, userId)));
        const reaches = f.ownerGrants.some(
          (g) =>
            isGrantActive(g, now) &&
            ((g.principal.kind === 'USER' && g.principal.id === userId) ||
              (g.principal.kind === 'GROUP' && memberships.groupIds.has(g.principal.id)) ||
              (g.principal.kind === 'LIST' && memberships.listIds.has(g.principal.id))),
        );
        if (reaches && isInsideEnvironment(env, { role: role?.role ?? null, groupIds: memberships.groupIds })) expected.push(flowId);
      }
      expect(found.map((r) => r.id).sort()).toEqual(expected.sort());
    }
  });
});
