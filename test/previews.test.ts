// previewFlowOwners and previewRunOnlyUsers over HTTP: each advice kind from a story of its
// own; for every error code the mutations give, the preview's error is the mutation's and the
// preview wrote nothing (no grant, no event, no environment user; a subscriber hears nothing);
// the changes list with a group expanded, paged.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectors, groups } from '../src/db/tables.js';
import { importDirectory } from '../src/directory/import.js';
import { globalId, parseGlobalId } from '../src/graphql/ids.js';
import { SHAREPOINT_CONNECTOR } from '../src/policy/advice.js';
import { graphql } from './gql/index.js';
import type { ModifyFlowOwnersInput, ModifyRunOnlyUsersInput } from './gql/graphql.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { UpdateFlow } from './support/documents.js';
import { connectionOf, flowOf } from './support/fixtures.js';
import { wsClient } from './support/live.js';
import { makeTenant, type Tenant } from './support/tenant.js';
import { writtenIn } from './support/written.js';

graphql(`
  fragment PreviewFields on SharingPreview {
    error { code message field }
    changes(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { user { id } before after } }
    }
    usersAddedToEnvironment { id }
    inertFor { id }
    connectionsNeedingAttention { id }
    advice { kind message principal { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } connection { id } }
  }
`);
const PreviewOwners = graphql(`
  query PreviewOwners($input: ModifyFlowOwnersInput!, $first: Int, $after: String) {
    previewFlowOwners(input: $input) { ...PreviewFields }
  }
`);
const PreviewRunOnly = graphql(`
  query PreviewRunOnly($input: ModifyRunOnlyUsersInput!, $first: Int, $after: String) {
    previewRunOnlyUsers(input: $input) { ...PreviewFields }
  }
`);
const PreviewChanges = graphql(`
  query PreviewChanges($input: ModifyFlowOwnersInput!) {
    previewFlowOwners(input: $input) { error { code } changes(first: 100) { totalCount edges { node { user { id displayName } before after } } } }
  }
`);
const Owners = graphql(`
  mutation PreviewedOwners($input: ModifyFlowOwnersInput!) {
    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message field } }
  }
`);
const RunOnly = graphql(`
  mutation PreviewedRunOnly($input: ModifyRunOnlyUsersInput!) {
    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message field } }
  }
`);
const Events = graphql(`
  subscription PreviewEvents { sharingEvents { kind flowId } }
`);

let app: TestApp;
let t: Tenant;
let other: Tenant;
/** A group of 101 users of t's tenant. */
let crowd: string;
let sharePointConnector: string;

beforeAll(async () => {
  // No polling timer: statement counts below are the requests' own.
  app = await startTestApp({ countsStatements: true });
  [t, other] = await Promise.all([makeTenant(app), makeTenant(app)]);
  const tenant = t.directory.tenants[0]!.id;
  const people = Array.from({ length: 101 }, (_, i) => ({
    id: t.ext(`crowd${i}`),
    tenant,
    displayName: `Crowd ${i}`,
    email: `crowd${i}.${t.tag}@example.com`,
    kind: 'MEMBER' as const,
    license: 'PREMIUM' as const,
    status: 'ACTIVE' as const,
  }));
  await importDirectory(app.database.db, {
    users: people,
    groups: [{ id: t.ext('crowd'), tenant, displayName: `Crowd ${t.tag}`, members: people.map((p) => p.id) }],
    connectors: [{ id: SHAREPOINT_CONNECTOR, displayName: 'SharePoint' }],
  });
  const [group] = await app.database.db
    .select({ id: groups.id })
    .from(groups)
    .where(eq(groups.externalId, t.ext('crowd')));
  crowd = globalId('Group', group!.id);
  const [sp] = await app.database.db.select({ id: connectors.id }).from(connectors).where(eq(connectors.externalId, SHAREPOINT_CONNECTOR));
  sharePointConnector = globalId('Connector', sp!.id);
});
afterAll(() => app?.close());

const previewOwners = async (input: ModifyFlowOwnersInput, token = t.tokens.maker, page: { first?: number; after?: string } = {}) =>
  ok(await app.gql(PreviewOwners, { input, ...page }, token)).previewFlowOwners;
const previewRunOnly = async (input: ModifyRunOnlyUsersInput, token = t.tokens.maker) =>
  ok(await app.gql(PreviewRunOnly, { input }, token)).previewRunOnlyUsers;
const adviceOf = (p: { advice: { kind: string; principal?: { id?: string } | null; connection?: { id: string } | null }[] }) =>
  p.advice.map((a) => [a.kind, a.principal?.id ?? a.connection?.id ?? null]);
const later = () => new Date(Date.now() + 86_400_000).toISOString();

/** Everything a preview could write, in this file's tenants. */
const written = () => writtenIn(app.database.db, t, other);

describe('the changes', () => {
  it('lists every user whose level would change, a group expanded, paged, and writes nothing', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, trigger: 'AUTOMATED' });
    const before = await written();
    // The team is maker (the primary owner: stays OWNER), coowner and basic (NONE → OWNER).
    const first = await previewOwners({ flowId: flow.id, add: [t.team, t.users.free] }, t.tokens.maker, { first: 2 });
    expect(first.error).toBeNull();
    expect(first.changes.totalCount).toBe(3);
    expect(first.changes.pageInfo.hasNextPage).toBe(true);
    const rest = await previewOwners({ flowId: flow.id, add: [t.team, t.users.free] }, t.tokens.maker, {
      first: 2,
      after: first.changes.pageInfo.endCursor!,
    });
    expect(rest.changes.pageInfo.hasNextPage).toBe(false);
    const all = [...first.changes.edges, ...rest.changes.edges].map((e) => e.node);
    // By display name: Basic, Coowner, Free.
    expect(all).toEqual([
      { user: { id: t.users.basic }, before: 'NONE', after: 'OWNER' },
      { user: { id: t.users.coowner }, before: 'NONE', after: 'OWNER' },
      { user: { id: t.users.free }, before: 'NONE', after: 'OWNER' },
    ]);
    expect(await written()).toEqual(before);

    // Removing the team again after adding it for real: back to NONE, except the admin's level is untouched.
    ok(await app.gql(Owners, { input: { flowId: flow.id, add: [t.team, t.users.admin] } }, t.tokens.maker));
    const removal = await previewOwners({ flowId: flow.id, remove: [t.team, t.users.admin] });
    expect(removal.changes.edges.map((e) => e.node)).toEqual([
      { user: { id: t.users.admin }, before: 'OWNER', after: 'ADMIN' },
      { user: { id: t.users.basic }, before: 'OWNER', after: 'NONE' },
      { user: { id: t.users.coowner }, before: 'OWNER', after: 'NONE' },
    ]);
    expect(adviceOf(removal)).toEqual([]);
  });

  it('reads access in the same number of statements for 3 users as for 101', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, trigger: 'AUTOMATED' });
    const statements = async (group: string) => {
      await app.feed.wake();
      const before = app.database.statementCount();
      const preview = ok(await app.gql(PreviewChanges, { input: { flowId: flow.id, add: [group] } }, t.tokens.maker)).previewFlowOwners;
      const count = app.database.statementCount() - before;
      return { count, changed: preview.changes.totalCount };
    };
    await statements(t.team); // warm: the first preview of a flow reads what later ones find cached
    const team = await statements(t.team);
    const big = await statements(crowd);
    expect([team.changed, big.changed]).toEqual([2, 101]);
    expect(big.count).toBe(team.count);
    console.log(`previews: ${team.count} statements for a preview reaching 3 users or 101`);
  });

  it('refuses a page size over 100 and a bad cursor', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    const tooBig = await app.gql(PreviewOwners, { input: { flowId: flow.id, add: [t.team] }, first: 101 }, t.tokens.maker);
    expect(tooBig.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    const bad = await app.gql(PreviewOwners, { input: { flowId: flow.id, add: [t.team] }, after: '!!' }, t.tokens.maker);
    expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });
});

describe('advice, each from its rule', () => {
  it('LARGE_AUDIENCE: a group of 101 users', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, trigger: 'AUTOMATED' });
    const preview = await previewOwners({ flowId: flow.id, add: [crowd] }, t.tokens.maker, { first: 100 });
    expect(adviceOf(preview)).toEqual([['LARGE_AUDIENCE', crowd]]);
    expect(preview.advice[0]!.message).toMatch(/101 users: all of them would get owner access\.$/);
    expect(preview.changes.totalCount).toBe(101);
    expect(preview.changes.edges).toHaveLength(100);
    // The team (3 users) is no large audience.
    expect(adviceOf(await previewOwners({ flowId: flow.id, add: [t.team] }))).toEqual([]);
  });

  it('GUEST_OWNER: a guest made owner (with an expiry, so nothing else)', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, trigger: 'AUTOMATED' });
    const preview = await previewOwners({ flowId: flow.id, add: [t.users.guest], expiresAt: later() });
    expect(adviceOf(preview)).toEqual([['GUEST_OWNER', t.users.guest]]);
  });

  it('NO_EXPIRY: a guest given run-only access that never ends', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    expect(adviceOf(await previewRunOnly({ flowId: flow.id, add: [t.users.guest] }))).toEqual([['NO_EXPIRY', t.users.guest]]);
    expect(adviceOf(await previewRunOnly({ flowId: flow.id, add: [t.users.guest], expiresAt: later() }))).toEqual([]);
  });

  it('CONSIDER_LIST: a group made owner of a flow that uses SharePoint', async () => {
    const sp = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: sharePointConnector });
    const flow = await flowOf(app, t.tokens.maker, {
      environmentId: t.defaultEnv,
      trigger: 'AUTOMATED',
      actions: [{ name: 'Get items', connectionId: sp }],
    });
    expect(adviceOf(await previewOwners({ flowId: flow.id, add: [t.team] }))).toEqual([['CONSIDER_LIST', t.team]]);
    // Another connector: no such advice.
    const mail = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.outlook });
    const plain = await flowOf(app, t.tokens.maker, {
      environmentId: t.defaultEnv,
      trigger: 'AUTOMATED',
      actions: [{ name: 'Mail', connectionId: mail }],
    });
    expect(adviceOf(await previewOwners({ flowId: plain.id, add: [t.team] }))).toEqual([]);
  });

  it('CONSIDER_RUN_ONLY: a user without a maker role made owner of an instant flow', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, trigger: 'INSTANT' });
    const preview = await previewOwners({ flowId: flow.id, add: [t.users.basic, t.users.coowner] });
    expect(adviceOf(preview)).toEqual([['CONSIDER_RUN_ONLY', t.users.basic]]);
    expect(preview.advice[0]!.message).toMatch(/share it run-only instead\.$/);
  });

  it('OUTSIDE_ENVIRONMENT: a user outside the security group; the grant would be inert', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.securedEnv, trigger: 'AUTOMATED' });
    const preview = await previewOwners({ flowId: flow.id, add: [t.users.outsider, t.users.coowner] });
    expect(adviceOf(preview)).toEqual([['OUTSIDE_ENVIRONMENT', t.users.outsider]]);
    expect(preview.inertFor).toEqual([{ id: t.users.outsider }]);
    // Inert: the outsider's level stays NONE; the co-owner (in the security group) becomes OWNER.
    expect(preview.changes.edges.map((e) => e.node)).toEqual([{ user: { id: t.users.coowner }, before: 'NONE', after: 'OWNER' }]);
  });

  it('ADDED_TO_ENVIRONMENT: a solution-aware flow shared with someone not in its environment (S14)', async () => {
    const tenant = await makeTenant(app);
    const flow = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, solutionAware: true, trigger: 'AUTOMATED' });
    const before = await written();
    const preview = await previewOwners({ flowId: flow.id, add: [tenant.users.outsider] }, tenant.tokens.maker);
    expect(adviceOf(preview)).toEqual([['ADDED_TO_ENVIRONMENT', null]]);
    expect(preview.usersAddedToEnvironment).toEqual([{ id: tenant.users.outsider }]);
    expect(preview.changes.edges.map((e) => e.node)).toEqual([{ user: { id: tenant.users.outsider }, before: 'NONE', after: 'OWNER' }]);
    expect(await written()).toEqual(before); // not added for real
  });

  it("CONNECTIONS_NEED_ATTENTION: removing an owner whose credentials back the flow's connections (S11)", async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, trigger: 'AUTOMATED' });
    ok(await app.gql(Owners, { input: { flowId: flow.id, add: [t.users.coowner] } }, t.tokens.maker));
    const theirs = await connectionOf(app, t.tokens.coowner, { environmentId: t.defaultEnv, connectorId: t.outlook });
    ok(await app.gql(UpdateFlow, { input: { flowId: flow.id, actions: [{ name: 'Mail', connectionId: theirs }] } }, t.tokens.coowner));
    const preview = await previewOwners({ flowId: flow.id, remove: [t.users.coowner] });
    expect(adviceOf(preview)).toEqual([['CONNECTIONS_NEED_ATTENTION', theirs]]);
    expect(preview.connectionsNeedingAttention).toEqual([{ id: theirs }]);
    expect(preview.changes.edges.map((e) => e.node)).toEqual([{ user: { id: t.users.coowner }, before: 'OWNER', after: 'NONE' }]);
  });

  it("EMBEDDED_CREDENTIALS: run-only users would run on the owner's connection; not with INVOKER", async () => {
    const mail = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.outlook });
    const flow = await flowOf(app, t.tokens.maker, {
      environmentId: t.defaultEnv,
      trigger: 'INSTANT',
      actions: [{ name: 'Mail', connectionId: mail }],
    });
    const reference = flow.connectionReferences[0]!.id;
    const preview = await previewRunOnly({ flowId: flow.id, add: [t.users.basic], expiresAt: later() });
    expect(adviceOf(preview)).toEqual([['EMBEDDED_CREDENTIALS', mail]]);
    expect(preview.changes.edges.map((e) => e.node)).toEqual([{ user: { id: t.users.basic }, before: 'NONE', after: 'RUN_ONLY' }]);
    const invoker = await previewRunOnly({
      flowId: flow.id,
      add: [t.users.basic],
      expiresAt: later(),
      connectionSources: [{ connectionReferenceId: reference, source: 'INVOKER' }],
    });
    expect(adviceOf(invoker)).toEqual([]);
  });
});

describe("the error is the mutation's, and nothing is written", () => {
  it('for every error code of modifyFlowOwners', async () => {
    const tenant = await makeTenant(app);
    const gcc = await makeTenant(app, 'GCC_HIGH');
    const flow = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv });
    const gccFlow = await flowOf(app, gcc.tokens.maker, { environmentId: gcc.defaultEnv });
    const basicOwned = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv });
    ok(await app.gql(Owners, { input: { flowId: flow.id, add: [tenant.users.free] } }, tenant.tokens.maker));
    ok(await app.gql(Owners, { input: { flowId: basicOwned.id, add: [tenant.users.basic] } }, tenant.tokens.maker));
    const departed = tenant.directory.users.find((u) => u.id === tenant.ext('outsider'))!;
    await importDirectory(app.database.db, { users: [{ ...departed, status: 'DEPARTED' }] });
    const ghost = globalId('User', '00000000-0000-4000-8000-000000000000');
    const tooMany = Array.from({ length: 101 }, () => tenant.users.guest);
    const past = new Date(Date.now() - 60_000).toISOString();
    const cases: [string, string, ModifyFlowOwnersInput, string][] = [
      ['a FREE license (S1)', tenant.tokens.free, { flowId: flow.id, add: [tenant.users.guest] }, 'LICENSE_REQUIRED'],
      ['no maker role (S15)', tenant.tokens.basic, { flowId: basicOwned.id, add: [tenant.users.guest] }, 'ROLE_REQUIRED'],
      ['a stranger (S20)', other.tokens.maker, { flowId: flow.id, add: [other.users.guest] }, 'NOT_FOUND'],
      ['no access (S2)', tenant.tokens.coowner, { flowId: flow.id, add: [tenant.users.guest] }, 'NOT_FOUND'],
      ['a run-only user', tenant.tokens.guest, { flowId: flow.id, add: [tenant.users.coowner] }, 'NOT_AUTHORIZED'],
      ["another tenant's user (S20)", tenant.tokens.maker, { flowId: flow.id, add: [other.users.guest] }, 'CROSS_TENANT'],
      ['an unknown user', tenant.tokens.maker, { flowId: flow.id, add: [tenant.users.guest, ghost] }, 'NOT_FOUND'],
      ['a departed user', tenant.tokens.maker, { flowId: flow.id, add: [tenant.users.outsider] }, 'INVALID_INPUT'],
      ['a flow id as a principal', tenant.tokens.maker, { flowId: flow.id, add: [flow.id] }, 'INVALID_INPUT'],
      ['a malformed flow id', tenant.tokens.maker, { flowId: 'nope', add: [tenant.users.guest] }, 'INVALID_INPUT'],
      ['too many principals', tenant.tokens.maker, { flowId: flow.id, add: tooMany }, 'INVALID_INPUT'],
      [
        'add and remove the same',
        tenant.tokens.maker,
        { flowId: flow.id, add: [tenant.users.guest], remove: [tenant.users.guest] },
        'INVALID_INPUT',
      ],
      ['an expiry in the past', tenant.tokens.maker, { flowId: flow.id, add: [tenant.users.guest], expiresAt: past }, 'INVALID_INPUT'],
      ['the primary owner (S4)', tenant.tokens.maker, { flowId: flow.id, remove: [tenant.users.maker] }, 'CANNOT_REMOVE_PRIMARY_OWNER'],
      [
        'a list in GCC High (S10)',
        gcc.tokens.maker,
        { flowId: gccFlow.id, add: [gcc.users.guest, gcc.list] },
        'LIST_OWNER_UNAVAILABLE_IN_CLOUD',
      ],
    ];
    // The run-only user of the NOT_AUTHORIZED case.
    await app.database.db.execute(
      sql`insert into run_only_grants (flow_id, principal_kind, user_id) select id, 'USER', ${tenant.rows.users.get('guest')!} from flows where id = ${parseGlobalId(flow.id)!.id}`,
    );
    for (const [what, token, input, code] of cases) {
      const before = await written();
      const preview = await previewOwners(input, token);
      expect(await written(), what).toEqual(before);
      const real = ok(await app.gql(Owners, { input }, token)).modifyFlowOwners;
      expect(real, what).toMatchObject({ __typename: 'OperationError', code });
      expect(preview.error, what).toEqual({
        code,
        message: (real as { message: string }).message,
        field: (real as { field: string[] | null }).field,
      });
      expect(preview.changes.totalCount, what).toBe(0);
      expect(preview.advice, what).toEqual([]);
    }
    const anonymous = await app.gql(PreviewOwners, { input: { flowId: flow.id, add: [tenant.users.guest] } }, null);
    expect([anonymous.status, anonymous.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('for every error code of modifyRunOnlyUsers', async () => {
    const tenant = await makeTenant(app);
    const flow = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, trigger: 'INSTANT' });
    const mail = await connectionOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, connectorId: tenant.outlook });
    const automated = await flowOf(app, tenant.tokens.maker, {
      environmentId: tenant.defaultEnv,
      trigger: 'AUTOMATED',
      actions: [{ name: 'Mail', connectionId: mail }],
    });
    const elsewhere = await flowOf(app, tenant.tokens.maker, {
      environmentId: tenant.defaultEnv,
      trigger: 'INSTANT',
      actions: [{ name: 'Mail', connectionId: mail }],
    });
    ok(await app.gql(Owners, { input: { flowId: flow.id, add: [tenant.users.free] } }, tenant.tokens.maker));
    ok(await app.gql(RunOnly, { input: { flowId: flow.id, add: [tenant.users.guest] } }, tenant.tokens.maker));
    const cases: [string, string, ModifyRunOnlyUsersInput, string][] = [
      [
        'an automated flow (S8)',
        tenant.tokens.maker,
        { flowId: automated.id, add: [tenant.users.basic] },
        'RUN_ONLY_REQUIRES_INSTANT_TRIGGER',
      ],
      ['a FREE co-owner (S1)', tenant.tokens.free, { flowId: flow.id, add: [tenant.users.basic] }, 'LICENSE_REQUIRED'],
      ['a run-only user', tenant.tokens.guest, { flowId: flow.id, add: [tenant.users.basic] }, 'NOT_AUTHORIZED'],
      ['a stranger', other.tokens.admin, { flowId: flow.id, add: [other.users.basic] }, 'NOT_FOUND'],
      ['a SharePoint list', tenant.tokens.maker, { flowId: flow.id, add: [tenant.list] }, 'INVALID_INPUT'],
      ["another tenant's user", tenant.tokens.maker, { flowId: flow.id, add: [other.users.basic] }, 'CROSS_TENANT'],
      [
        'a reference of another flow',
        tenant.tokens.maker,
        { flowId: flow.id, connectionSources: [{ connectionReferenceId: elsewhere.connectionReferences[0]!.id, source: 'INVOKER' }] },
        'NOT_FOUND',
      ],
      [
        'a malformed reference id',
        tenant.tokens.maker,
        { flowId: flow.id, connectionSources: [{ connectionReferenceId: flow.id, source: 'INVOKER' }] },
        'INVALID_INPUT',
      ],
      [
        'INVOKER on an automated flow (S9)',
        tenant.tokens.maker,
        { flowId: automated.id, connectionSources: [{ connectionReferenceId: automated.connectionReferences[0]!.id, source: 'INVOKER' }] },
        'RUN_ONLY_REQUIRES_INSTANT_TRIGGER',
      ],
    ];
    for (const [what, token, input, code] of cases) {
      const before = await written();
      const preview = await previewRunOnly(input, token);
      expect(await written(), what).toEqual(before);
      const real = ok(await app.gql(RunOnly, { input }, token)).modifyRunOnlyUsers;
      expect(real, what).toMatchObject({ __typename: 'OperationError', code });
      expect(preview.error, what).toEqual({
        code,
        message: (real as { message: string }).message,
        field: (real as { field: string[] | null }).field,
      });
    }
  });

  it('a subscriber hears nothing of a preview, and the real change once', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    const client = wsClient(app.url, t.tokens.coowner);
    try {
      const events = client.subscribe(Events, {});
      await new Promise((r) => setTimeout(r, 300)); // live before the change
      for (let i = 0; i < 3; i++) expect((await previewOwners({ flowId: flow.id, add: [t.users.coowner] })).error).toBeNull();
      expect((await previewRunOnly({ flowId: flow.id, add: [t.users.coowner] })).error).toBeNull();
      await new Promise((r) => setTimeout(r, 500)); // past the feed's poll
      expect(events.events).toEqual([]);
      ok(await app.gql(Owners, { input: { flowId: flow.id, add: [t.users.coowner] } }, t.tokens.maker));
      const [event] = await events.waitFor(1, 2000);
      expect(event!.sharingEvents).toEqual({ kind: 'OWNER_ADDED', flowId: flow.id });
      events.stop();
    } finally {
      await client.close();
    }
  });
});
