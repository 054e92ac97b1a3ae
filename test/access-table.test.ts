// S22 (#12 item 2): every FlowAccess flag is exactly what the matching mutation allows.
// Over roles (ADMIN, MAKER, BASIC_USER, none) x licenses (FREE, PREMIUM) x paths (primary
// owner, direct, group and list co-owner, run-only, environment admin only, outside the
// security group), each row reads viewerAccess, then calls each mutation and checks that the
// flag says whether it succeeded; a refusal is always a permission one (NOT_FOUND when the
// flow can't be seen). Fixtures are built once; mutations are undone where they change sharing.
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environments, flows, groups, ownerGrants, sharePointLists, users } from '../src/db/tables.js';
import type { DirectoryFile } from '../src/directory/format.js';
import { importDirectory } from '../src/directory/import.js';
import { globalId, parseGlobalId } from '../src/graphql/ids.js';
import { graphql } from './gql/index.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { flowOf } from './support/fixtures.js';

const TableAccess = graphql(`
  query TableAccess($id: ID!) {
    node(id: $id) { ... on Flow { viewerAccess { level canView canEdit canRun canShare canManageOwners canDelete canViewRunHistory } } }
  }
`);
const TableOwners = graphql(`
  mutation TableOwners($input: ModifyFlowOwnersInput!) {
    modifyFlowOwners(input: $input) { __typename ... on OperationError { code } }
  }
`);
const TableRunOnly = graphql(`
  mutation TableRunOnly($input: ModifyRunOnlyUsersInput!) {
    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code } }
  }
`);
const TableUpdate = graphql(`
  mutation TableUpdate($input: UpdateFlowInput!) { updateFlow(input: $input) { __typename ... on OperationError { code } } }
`);
const TableCopy = graphql(`
  mutation TableCopy($input: SendFlowCopyInput!) { sendFlowCopy(input: $input) { __typename ... on OperationError { code } } }
`);
const TableTrigger = graphql(`
  mutation TableTrigger($input: TriggerFlowInput!) { triggerFlow(input: $input) { __typename ... on OperationError { code } } }
`);
const TableState = graphql(`
  mutation TableState($input: SetFlowStateInput!) { setFlowState(input: $input) { __typename ... on OperationError { code } } }
`);
const TableDelete = graphql(`
  mutation TableDelete($input: DeleteFlowInput!) { deleteFlow(input: $input) { __typename ... on OperationError { code } } }
`);

const ROLES = ['ENVIRONMENT_ADMIN', 'ENVIRONMENT_MAKER', 'BASIC_USER', null] as const;
const LICENSES = ['FREE', 'PREMIUM'] as const;
const PATHS = [
  'primary owner',
  'direct co-owner',
  'group co-owner',
  'list co-owner',
  'run-only',
  'environment admin only',
  'outside the security group',
] as const;
type Role = (typeof ROLES)[number];
type License = (typeof LICENSES)[number];

/** The codes that mean "not allowed"; any other failure would be unrelated to permission. */
const PERMISSION_CODES = ['NOT_FOUND', 'NOT_AUTHORIZED', 'ROLE_REQUIRED', 'LICENSE_REQUIRED', 'RUN_ONLY_REQUIRES_INSTANT_TRIGGER'];

const tag = randomUUID().slice(0, 8);
const ext = (name: string) => `${name}-${tag}`;
const person = (role: Role, license: License) => `u-${role ?? 'none'}-${license}`.toLowerCase();
const people = ROLES.flatMap((role) => LICENSES.map((license) => ({ role, license, name: person(role, license) })));

function directory(): DirectoryFile {
  const tenant = ext('tenant');
  const user = (name: string, license: string) => ({
    id: ext(name),
    tenant,
    displayName: name,
    email: `${name}.${tag}@example.com`,
    kind: 'MEMBER' as const,
    license: license as 'FREE',
    status: 'ACTIVE' as const,
  });
  const roleEntries = people.filter((p) => p.role).map((p) => ({ user: ext(p.name), role: p.role! }));
  return {
    tenants: [{ id: tenant, displayName: `Table ${tag}`, cloud: 'COMMERCIAL' }],
    users: [user('boss', 'PREMIUM'), user('target', 'PREMIUM'), ...people.map((p) => user(p.name, p.license))],
    groups: [
      // The secured environment's group: the boss and the target, none of the people.
      { id: ext('sg'), tenant, displayName: 'Security', members: [ext('boss'), ext('target')] },
      ...people.map((p) => ({ id: ext(`g-${p.name}`), tenant, displayName: `Group of ${p.name}`, members: [ext(p.name)] })),
    ],
    sharePointLists: people.map((p) => ({
      id: ext(`l-${p.name}`),
      tenant,
      title: `List of ${p.name}`,
      siteUrl: 'https://example.sharepoint.com/sites/t',
      editors: [ext(p.name)],
    })),
    environments: [
      {
        id: ext('default'),
        tenant,
        displayName: 'Default',
        isDefault: true,
        securityGroup: null,
        users: [{ user: ext('boss'), role: 'ENVIRONMENT_MAKER' }, { user: ext('target'), role: 'ENVIRONMENT_MAKER' }, ...roleEntries],
      },
      {
        id: ext('secured'),
        tenant,
        displayName: 'Secured',
        isDefault: false,
        securityGroup: ext('sg'),
        users: [{ user: ext('boss'), role: 'ENVIRONMENT_MAKER' }, { user: ext('target'), role: 'ENVIRONMENT_MAKER' }, ...roleEntries],
      },
    ],
    connectors: [],
  };
}

let app: TestApp;
const tokens = new Map<string, string>();
const userGid = new Map<string, string>();
const flowFor = new Map<string, string>(); // `${name}/${path}` → flow gid

beforeAll(async () => {
  app = await startTestApp();
  const { db } = app.database;
  await importDirectory(db, directory());
  const ids = async (table: typeof users | typeof groups | typeof sharePointLists | typeof environments, names: string[]) =>
    new Map(
      (
        await db
          .select({ id: table.id, externalId: table.externalId })
          .from(table)
          .where(inArray(table.externalId, names.map(ext)))
      ).map((r) => [r.externalId.slice(0, -tag.length - 1), r.id]),
    );
  const names = ['boss', 'target', ...people.map((p) => p.name)];
  const [userIds, groupIds, listIds, envIds] = await Promise.all([
    ids(users, names),
    ids(
      groups,
      people.map((p) => `g-${p.name}`),
    ),
    ids(
      sharePointLists,
      people.map((p) => `l-${p.name}`),
    ),
    ids(environments, ['default', 'secured']),
  ]);
  for (const name of names) {
    tokens.set(name, await app.token(ext(name)));
    userGid.set(name, globalId('User', userIds.get(name)!));
  }
  const boss = tokens.get('boss')!;
  const grant = async (flowId: string, principal: string, runOnly = false) => {
    const result = runOnly
      ? ok(await app.gql(TableRunOnly, { input: { flowId, add: [principal] } }, boss)).modifyRunOnlyUsers
      : ok(await app.gql(TableOwners, { input: { flowId, add: [principal] } }, boss)).modifyFlowOwners;
    if (result.__typename === 'OperationError') throw new Error(`fixture grant: ${result.code}`);
  };
  await Promise.all(
    people.flatMap((p) =>
      PATHS.map(async (path) => {
        const environmentId = globalId('Environment', envIds.get(path === 'outside the security group' ? 'secured' : 'default')!);
        const flow = await flowOf(app, boss, { environmentId, displayName: `${p.name} ${path}`, trigger: 'INSTANT' });
        flowFor.set(`${p.name}/${path}`, flow.id);
        const me = userGid.get(p.name)!;
        if (path === 'primary owner') {
          // Written directly: changePrimaryOwner would (rightly) refuse a new owner without a role.
          const flowId = parseGlobalId(flow.id)!.id;
          await db
            .update(flows)
            .set({ primaryOwnerId: userIds.get(p.name)! })
            .where(eq(flows.id, flowId));
          await db.insert(ownerGrants).values({ flowId, principalKind: 'USER', userId: userIds.get(p.name)! });
        } else if (path === 'direct co-owner' || path === 'outside the security group') await grant(flow.id, me);
        else if (path === 'group co-owner') await grant(flow.id, globalId('Group', groupIds.get(`g-${p.name}`)!));
        else if (path === 'list co-owner') await grant(flow.id, globalId('SharePointList', listIds.get(`l-${p.name}`)!));
        else if (path === 'run-only') await grant(flow.id, me, true);
      }),
    ),
  );
}, 120_000);
afterAll(() => app?.close());

type Outcome = { __typename?: string; code?: string };
const succeeded = (r: Outcome) => r.__typename !== 'OperationError';

describe('viewerAccess flags are what the mutations allow (S22)', () => {
  for (const { role, license, name } of people) {
    for (const path of PATHS) {
      it(`${role ?? 'no role'}, ${license}, ${path}`, async () => {
        const token = tokens.get(name)!;
        const boss = tokens.get('boss')!;
        const target = userGid.get('target')!;
        const flowId = flowFor.get(`${name}/${path}`)!;
        const node = ok(await app.gql(TableAccess, { id: flowId }, token)).node;
        const access = node && 'viewerAccess' in node ? node.viewerAccess : null;
        const flags = access ?? {
          level: 'NONE',
          canView: false,
          canEdit: false,
          canRun: false,
          canShare: false,
          canManageOwners: false,
          canDelete: false,
          canViewRunHistory: false,
        };
        const ownerLevel = flags.level === 'OWNER' || flags.level === 'ADMIN';
        expect(flags.canView).toBe(access !== null);

        const check = (what: string, flag: boolean, result: Outcome) => {
          expect(succeeded(result), `${what}: flag ${flag}, got ${JSON.stringify(result)}`).toBe(flag);
          if (!succeeded(result)) {
            expect(PERMISSION_CODES, what).toContain(result.code);
            if (!flags.canView) expect(result.code, what).toBe('NOT_FOUND');
          }
        };

        check(
          'updateFlow',
          flags.canEdit,
          ok(await app.gql(TableUpdate, { input: { flowId, displayName: `${name} ${path}` } }, token)).updateFlow,
        );

        // Adding an owner is canManageOwners; removing one is any owner's or admin's (level OWNER or ADMIN).
        const add = ok(await app.gql(TableOwners, { input: { flowId, add: [target] } }, token)).modifyFlowOwners;
        check('modifyFlowOwners add', flags.canManageOwners, add);
        if (!succeeded(add)) ok(await app.gql(TableOwners, { input: { flowId, add: [target] } }, boss));
        const remove = ok(await app.gql(TableOwners, { input: { flowId, remove: [target] } }, token)).modifyFlowOwners;
        check('modifyFlowOwners remove', ownerLevel, remove);
        if (!succeeded(remove)) ok(await app.gql(TableOwners, { input: { flowId, remove: [target] } }, boss));

        const runOnly = ok(await app.gql(TableRunOnly, { input: { flowId, add: [target] } }, token)).modifyRunOnlyUsers;
        check('modifyRunOnlyUsers add', flags.canShare, runOnly);
        if (succeeded(runOnly)) ok(await app.gql(TableRunOnly, { input: { flowId, remove: [target] } }, boss));

        check(
          'sendFlowCopy',
          flags.canShare,
          ok(await app.gql(TableCopy, { input: { flowId, recipientIds: [target] } }, token)).sendFlowCopy,
        );
        check('triggerFlow', flags.canRun, ok(await app.gql(TableTrigger, { input: { flowId } }, token)).triggerFlow);
        // Start/stop is any owner's or admin's (S3); ON while ON changes nothing.
        check('setFlowState', ownerLevel, ok(await app.gql(TableState, { input: { flowId, state: 'ON' } }, token)).setFlowState);
        check('deleteFlow', flags.canDelete, ok(await app.gql(TableDelete, { input: { flowId } }, token)).deleteFlow);

        // The table's expectations, written out once (S1, S3, S8, S15, S16).
        const author = role === 'ENVIRONMENT_ADMIN' || role === 'ENVIRONMENT_MAKER';
        const inside = path !== 'outside the security group' || role === 'ENVIRONMENT_ADMIN';
        const owns = inside && path !== 'run-only' && path !== 'environment admin only' ? true : role === 'ENVIRONMENT_ADMIN';
        expect(ownerLevel, 'owner level').toBe(owns);
        expect(flags.canView).toBe(owns || (path === 'run-only' && inside));
        expect(flags.canEdit).toBe(owns && author);
        expect(flags.canShare).toBe(owns && author && license !== 'FREE');
        expect(flags.canManageOwners).toBe(flags.canShare);
        expect(flags.canDelete).toBe(owns);
        expect(flags.canViewRunHistory).toBe(owns);
      });
    }
  }
});
