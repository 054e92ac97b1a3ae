// The wider statements of the read side (#13) read exactly what the narrow ones did: sign-in's
// memberships and roles, users/groups/lists as JSON, grants and definitions by UNION ALL; a
// page of flows answers exactly what the same flows answer one by one (unprimed loaders); and
// the directory loader waits for the other batches of its request.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { asc, inArray } from 'drizzle-orm';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionReferences, flowActions, groups, ownerGrants, runOnlyGrants, sharePointLists, users } from '../../src/db/tables.js';
import { parseGlobalId } from '../../src/graphql/ids.js';
import { BatchTracker, trackedLoader } from '../../src/reads/batching.js';
import { loadDirectoryObjects, userByExternalId, type DirectoryKey } from '../../src/reads/directory.js';
import { loadDefinitionsOf } from '../../src/reads/flows.js';
import { loadEnvironmentRolesOf, loadGrantsOf, loadMembershipsOf } from '../../src/sharing/access.js';
import DataLoader from 'dataloader';
import { ok, startTestApp, type TestApp } from '../support/app.js';
import { TryModifyFlowOwners, TryModifyRunOnlyUsers } from '../support/documents.js';
import { connectionOf, flowOf } from '../support/fixtures.js';
import { makeTenant, type Tenant } from '../support/tenant.js';

const FLOW_FIELDS = `
  id displayName
  creator { id displayName email status }
  environment { id displayName viewerRole securityGroup { id } }
  owners(first: 10, includeExpired: true) { totalCount edges { isPrimaryOwner addedAt expiresAt addedBy { id displayName }
    node { __typename ... on User { id displayName email } ... on Group { id displayName } ... on SharePointList { id title } } } }
  runOnlyUsers(first: 10) { totalCount edges { addedBy { id } node { __typename ... on User { id } ... on Group { id } } } }
  connectionReferences { id usage runOnlySource connector { displayName } connection { id displayName status owner { id displayName } connector { id displayName } } }
  actions { name connectionReference { id } }
  viewerAccess { level canView canEdit canRun canShare canManageOwners canDelete canViewRunHistory blockedReason paths { kind expiresAt via { __typename } } }
`;
type Answer = Record<string, unknown>;
const doc = (text: string) => parse(text) as unknown as TypedDocumentNode<Answer, Record<string, unknown>>;
const MyFlows = doc(`query { myFlows(first: 10) { edges { node { ${FLOW_FIELDS} } } } }`);
const TeamFlows = doc(`query { teamFlows(first: 10) { edges { node { ${FLOW_FIELDS} } } } }`);
const OneFlow = doc(`query ($id: ID!) { node(id: $id) { ... on Flow { ${FLOW_FIELDS} } } }`);

let app: TestApp;
let t: Tenant;
let flowIds: string[];

beforeAll(async () => {
  app = await startTestApp({ pollMs: 3_600_000 });
  t = await makeTenant(app);
  const sp = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
  const mail = await connectionOf(app, t.tokens.coowner, { environmentId: t.defaultEnv, connectorId: t.outlook });
  const unused = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.outlook });
  const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
  const made = [];
  for (const [i, env] of [t.defaultEnv, t.securedEnv, t.defaultEnv].entries()) {
    const flow = await flowOf(app, t.tokens.maker, {
      environmentId: env,
      displayName: `Flow ${i}`,
      actions:
        env === t.defaultEnv ? [{ name: 'Get', connectionId: sp }, { name: 'Compose' }, { name: 'Get again', connectionId: sp }] : [],
      otherConnectionIds: env === t.defaultEnv ? [unused] : [],
    });
    for (const input of [{ add: [t.users.coowner, t.team] }, { add: [t.list], expiresAt }, { add: [t.users.guest] }]) {
      ok(await app.gql(TryModifyFlowOwners, { input: { flowId: flow.id, ...input } }, t.tokens.maker));
    }
    ok(await app.gql(TryModifyRunOnlyUsers, { input: { flowId: flow.id, add: [t.users.basic] } }, t.tokens.maker));
    made.push(flow.id);
  }
  // One flow of the co-owner's, using the maker's connection... of their own.
  const theirs = await flowOf(app, t.tokens.coowner, { environmentId: t.defaultEnv, actions: [{ name: 'Mail', connectionId: mail }] });
  ok(await app.gql(TryModifyFlowOwners, { input: { flowId: theirs.id, add: [t.users.maker, t.list] } }, t.tokens.coowner));
  made.push(theirs.id);
  flowIds = made.map((id) => parseGlobalId(id)!.id);
}, 120_000);
afterAll(() => app?.close());

describe('a page of flows answers what each flow answers alone', () => {
  const onEach = async (token: string, page: Answer[]) =>
    Promise.all(page.map(async (node) => ok(await app.gql(OneFlow, { id: node.id }, token)).node));

  it('myFlows, for its owner', async () => {
    const page = (ok(await app.gql(MyFlows, {}, t.tokens.maker)) as { myFlows: { edges: { node: Answer }[] } }).myFlows.edges.map(
      (e) => e.node,
    );
    expect(page).toHaveLength(3);
    expect(page).toEqual(await onEach(t.tokens.maker, page));
  });

  it('teamFlows, for a co-owner through a user, a group and a list grant, and an admin of no grant', async () => {
    for (const person of ['coowner', 'maker', 'guest', 'basic'] as const) {
      const page = (ok(await app.gql(TeamFlows, {}, t.tokens[person])) as { teamFlows: { edges: { node: Answer }[] } }).teamFlows.edges.map(
        (e) => e.node,
      );
      expect(page).toEqual(await onEach(t.tokens[person], page));
      if (person !== 'basic') expect(page.length).toBeGreaterThan(0);
    }
  });
});

describe('the wide statements read what the narrow ones did', () => {
  it("sign-in: every user's row, memberships (direct, group and list) and roles in every environment", async () => {
    const { db } = app.database;
    const ids = [...t.rows.users.values()];
    const rows = await db.select().from(users).where(inArray(users.id, ids));
    const environmentIds = [...t.rows.environments.values()];
    const [memberships, roles] = await Promise.all([loadMembershipsOf(db, ids), loadEnvironmentRolesOf(db, ids, environmentIds)]);
    for (const row of rows) {
      const signedIn = (await userByExternalId(db, row.externalId))!;
      expect(signedIn.user).toEqual(row);
      expect(signedIn.memberships).toEqual(memberships.get(row.id));
      for (const environmentId of environmentIds) {
        expect(signedIn.roles.get(environmentId) ?? null).toEqual(roles.get(row.id)!.get(environmentId) ?? null);
      }
    }
    expect(await userByExternalId(db, `nobody-${t.tag}`)).toBeUndefined();
  });

  it('users, groups and lists by id, timestamps as dates, missing ones absent', async () => {
    const { db } = app.database;
    const userIds = [...t.rows.users.values()];
    const [groupId, listId] = [t.rows.groups.get('team')!, t.rows.lists.get('list')!];
    await db
      .update(users)
      .set({ removedAt: new Date('2024-05-06T07:08:09.123Z') })
      .where(inArray(users.id, [t.rows.users.get('outsider')!]));
    const missing = '00000000-0000-4000-8000-000000000000';
    const keys: DirectoryKey[] = [...userIds.map((id) => `U${id}` as const), `G${groupId}`, `L${listId}`, `U${missing}`, `G${userIds[0]}`];
    const found = await loadDirectoryObjects(db, keys);
    for (const row of await db.select().from(users).where(inArray(users.id, userIds))) expect(found.get(`U${row.id}`)).toEqual(row);
    expect(found.get(`U${t.rows.users.get('outsider')!}`)).toMatchObject({ removedAt: new Date('2024-05-06T07:08:09.123Z') });
    expect(found.get(`G${groupId}`)).toEqual(
      (
        await db
          .select()
          .from(groups)
          .where(inArray(groups.id, [groupId]))
      )[0],
    );
    expect(found.get(`L${listId}`)).toEqual(
      (
        await db
          .select()
          .from(sharePointLists)
          .where(inArray(sharePointLists.id, [listId]))
      )[0],
    );
    expect(found.has(`U${missing}`)).toBe(false);
    expect(found.has(`G${userIds[0]}`)).toBe(false);
    expect(found.size).toBe(userIds.length + 2);
    await db
      .update(users)
      .set({ removedAt: null })
      .where(inArray(users.id, [t.rows.users.get('outsider')!]));
  });

  it('grants of both kinds, and references and actions in position order, by flow', async () => {
    const { db } = app.database;
    const missing = '00000000-0000-4000-8000-000000000000';
    const [grants, definitions] = await Promise.all([
      loadGrantsOf(db, [...flowIds, missing]),
      loadDefinitionsOf(db, [...flowIds, missing]),
    ]);
    for (const flowId of flowIds) {
      const owners = await db
        .select()
        .from(ownerGrants)
        .where(inArray(ownerGrants.flowId, [flowId]));
      const runOnly = await db
        .select()
        .from(runOnlyGrants)
        .where(inArray(runOnlyGrants.flowId, [flowId]));
      const ids = (gs: { id: string }[]) => gs.map((g) => g.id).sort();
      expect(ids(grants.get(flowId)!.ownerGrants)).toEqual(ids(owners));
      expect(ids(grants.get(flowId)!.runOnlyGrants)).toEqual(ids(runOnly));
      for (const g of grants.get(flowId)!.ownerGrants) {
        const row = owners.find((o) => o.id === g.id)!;
        expect(g).toEqual({
          id: row.id,
          principal: { kind: row.principalKind, id: row.userId ?? row.groupId ?? row.listId },
          expiresAt: row.expiresAt,
          addedById: row.addedById,
          addedAt: row.addedAt,
        });
      }
      const refs = await db
        .select()
        .from(connectionReferences)
        .where(inArray(connectionReferences.flowId, [flowId]))
        .orderBy(asc(connectionReferences.position));
      const actions = await db
        .select()
        .from(flowActions)
        .where(inArray(flowActions.flowId, [flowId]))
        .orderBy(asc(flowActions.position));
      expect(definitions.get(flowId)).toEqual({ references: refs, actions });
    }
    expect(grants.get(missing)).toEqual({ ownerGrants: [], runOnlyGrants: [] });
    expect(definitions.get(missing)).toEqual({ references: [], actions: [] });
  });
});

describe('the directory loader goes last', () => {
  it('waits until tracked batches, and those their answers set off, have answered', async () => {
    const tracker = new BatchTracker();
    const log: string[] = [];
    const slow = trackedLoader(tracker, async (keys: readonly string[]) => {
      log.push(`slow ${keys.join(',')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return keys.map((k) => `${k}!`);
    });
    const last = new DataLoader<string, string>(
      async (keys) => {
        log.push(`last ${keys.join(',')}`);
        return keys.map((k) => k);
      },
      { batchScheduleFn: tracker.afterOthers },
    );
    const chain = async (k: string) => last.load(await slow.load(await slow.load(k)));
    const results = await Promise.all([last.load('a'), chain('b'), chain('c'), last.load('d')]);
    expect(results).toEqual(['a', 'b!!', 'c!!', 'd']);
    expect(log).toEqual(['slow b,c', 'slow b!,c!', 'last a,d,b!!,c!!']);
    // Nothing in flight: it goes at once (after the current tick's work).
    expect(await last.load('e')).toBe('e');
  });
});
