// Send a copy, create a flow from it, save as, change the primary owner (S12, S13, S14).
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environmentUsers } from '../src/db/tables.js';
import { importDirectory } from '../src/directory/import.js';
import { parseGlobalId } from '../src/graphql/ids.js';
import { graphql } from './gql/index.js';
import type { ChangePrimaryOwnerInput, CreateFlowFromCopyInput, SendFlowCopyInput } from './gql/graphql.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { DeleteFlow, MyFlows, UpdateFlow } from './support/documents.js';
import { connectionOf, failure, flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const SendFlowCopy = graphql(`
  mutation SendFlowCopy($input: SendFlowCopyInput!) {
    sendFlowCopy(input: $input) {
      __typename
      ... on SendFlowCopySuccess { eventCursor copies { id displayName description trigger sender { id } recipient { id } actionNames connectorsNeeded { id } createdFlow { id } } }
      ... on OperationError { code message field }
    }
  }
`);
const CreateFlowFromCopy = graphql(`
  mutation CreateFlowFromCopy($input: CreateFlowFromCopyInput!) {
    createFlowFromCopy(input: $input) {
      __typename
      ... on CreateFlowFromCopySuccess { flow { id displayName creator { id } primaryOwner { id } actions { name connectionReference { connection { id } } } } }
      ... on OperationError { code message field }
    }
  }
`);
const SaveFlowAs = graphql(`
  mutation SaveFlowAs($input: SaveFlowAsInput!) {
    saveFlowAs(input: $input) {
      __typename
      ... on SaveFlowAsSuccess { flow { id displayName environment { id } creator { id } primaryOwner { id } actions { name connectionReference { connection { id } } } } }
      ... on OperationError { code message field }
    }
  }
`);
const ChangePrimaryOwner = graphql(`
  mutation ChangePrimaryOwner($input: ChangePrimaryOwnerInput!) {
    changePrimaryOwner(input: $input) {
      __typename
      ... on ChangePrimaryOwnerSuccess { eventCursor flow { id creator { id } primaryOwner { id } owners { edges { isPrimaryOwner node { ... on User { id } } } } } }
      ... on OperationError { code message field }
    }
  }
`);
const ReceivedCopies = graphql(`
  query ReceivedCopies { receivedCopies { totalCount edges { node { id displayName createdFlow { id } } } } }
`);
const CopyNode = graphql(`
  query CopyNode($id: ID!) { node(id: $id) { __typename ... on FlowCopy { id displayName actionNames } } }
`);
const MyEvents = graphql(`
  query MyEvents { sharingEvents(first: 100) { edges { node { kind flowId actorRole principal { ... on User { id } } copy { id } } } } }
`);
const ShareOwners = graphql(`
  mutation ShareOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);

let app: TestApp;
let t: Tenant;
let other: Tenant;
let source: Awaited<ReturnType<typeof flowOf>>;
let makersSp: string;

beforeAll(async () => {
  app = await startTestApp();
  [t, other] = await Promise.all([makeTenant(app), makeTenant(app)]);
  makersSp = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
  const mail = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.outlook });
  source = await flowOf(app, t.tokens.maker, {
    environmentId: t.defaultEnv,
    displayName: 'Expense approval',
    description: 'Approve expenses',
    trigger: 'INSTANT',
    actions: [{ name: 'Get item', connectionId: makersSp }, { name: 'Mail', connectionId: mail }, { name: 'Compose' }],
  });
});
afterAll(() => app?.close());

const uuid = (gid: string) => parseGlobalId(gid)!.id;
const send = async (input: SendFlowCopyInput, token = t.tokens.maker) => ok(await app.gql(SendFlowCopy, { input }, token)).sendFlowCopy;
const sent = async (input: SendFlowCopyInput, token = t.tokens.maker) => {
  const r = await send(input, token);
  if (r.__typename !== 'SendFlowCopySuccess') throw new Error(JSON.stringify(r));
  return r;
};
const fromCopy = async (input: CreateFlowFromCopyInput, token: string) =>
  ok(await app.gql(CreateFlowFromCopy, { input }, token)).createFlowFromCopy;
const change = async (input: ChangePrimaryOwnerInput, token = t.tokens.maker) =>
  ok(await app.gql(ChangePrimaryOwner, { input }, token)).changePrimaryOwner;
const events = async (token: string) => ok(await app.gql(MyEvents, {}, token)).sharingEvents.edges.map((e) => e.node);

describe('sendFlowCopy', () => {
  it('gives each recipient an independent copy, told by COPY_RECEIVED (S12)', async () => {
    const result = await sent({
      flowId: source.id,
      recipientIds: [t.users.coowner, t.users.guest, t.users.coowner],
      displayName: 'Approvals template',
    });
    expect(result.copies).toHaveLength(2); // the same user twice gets one copy
    expect(result.copies[0]).toMatchObject({
      displayName: 'Approvals template',
      description: 'Approve expenses',
      trigger: 'INSTANT',
      sender: { id: t.users.maker },
      recipient: { id: t.users.coowner },
      actionNames: ['Get item', 'Mail', 'Compose'],
      connectorsNeeded: [{ id: t.sharepoint }, { id: t.outlook }],
      createdFlow: null,
    });
    const guestCopy = result.copies[1]!;
    expect((await events(t.tokens.guest)).filter((e) => e.kind === 'COPY_RECEIVED')).toEqual([
      { kind: 'COPY_RECEIVED', flowId: source.id, actorRole: 'OWNER', principal: { id: t.users.guest }, copy: { id: guestCopy.id } },
    ]);
    // Only recipients hear of their copy; the sender's log has none.
    expect((await events(t.tokens.maker)).filter((e) => e.kind === 'COPY_RECEIVED')).toEqual([]);
    expect(ok(await app.gql(ReceivedCopies, {}, t.tokens.guest)).receivedCopies.edges.map((e) => e.node.id)).toContain(guestCopy.id);
    // Visible to its recipient and its sender, no one else.
    expect(ok(await app.gql(CopyNode, { id: guestCopy.id }, t.tokens.maker)).node).toMatchObject({ __typename: 'FlowCopy' });
    expect(ok(await app.gql(CopyNode, { id: guestCopy.id }, t.tokens.coowner)).node).toBeNull();
  });

  it('outlives its source and does not follow its edits; no mutation can revoke it', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: 'Ephemeral', actions: [{ name: 'One' }] });
    const { copies } = await sent({ flowId: flow.id, recipientIds: [t.users.guest] });
    const copyId = copies[0]!.id;
    ok(await app.gql(UpdateFlow, { input: { flowId: flow.id, displayName: 'Changed', actions: [{ name: 'Two' }] } }, t.tokens.maker));
    expect(ok(await app.gql(CopyNode, { id: copyId }, t.tokens.guest)).node).toMatchObject({
      displayName: 'Ephemeral',
      actionNames: ['One'],
    });
    ok(await app.gql(DeleteFlow, { input: { flowId: flow.id } }, t.tokens.maker));
    // Mutations that take a flow don't take a copy.
    expect(failure(ok(await app.gql(DeleteFlow, { input: { flowId: copyId } }, t.tokens.maker)).deleteFlow).code).toBe('INVALID_INPUT');
    expect(ok(await app.gql(CopyNode, { id: copyId }, t.tokens.guest)).node).toMatchObject({ displayName: 'Ephemeral' });
    const made = await fromCopy({ copyId, environmentId: t.defaultEnv }, t.tokens.guest);
    expect(made).toMatchObject({
      __typename: 'CreateFlowFromCopySuccess',
      flow: { displayName: 'Ephemeral', creator: { id: t.users.guest } },
    });
  });

  it('refuses what it must, with its code', async () => {
    const tenant = await makeTenant(app);
    const flow = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv });
    ok(await app.gql(ShareOwners, { input: { flowId: flow.id, add: [tenant.users.free] } }, tenant.tokens.maker));
    await app.database.db.execute(
      sql`insert into run_only_grants (flow_id, principal_kind, user_id) values (${uuid(flow.id)}, 'USER', ${tenant.rows.users.get('guest')!})`,
    );
    const gone = tenant.directory.users.find((u) => u.id === tenant.ext('outsider'))!;
    await importDirectory(app.database.db, { users: [{ ...gone, status: 'DEPARTED' }] });
    const cases: [string, string, SendFlowCopyInput, string, string[] | null][] = [
      ['a FREE co-owner (S1)', tenant.tokens.free, { flowId: flow.id, recipientIds: [tenant.users.basic] }, 'LICENSE_REQUIRED', null],
      [
        'a run-only user',
        tenant.tokens.guest,
        { flowId: flow.id, recipientIds: [tenant.users.basic] },
        'NOT_AUTHORIZED',
        ['input', 'flowId'],
      ],
      ['a stranger', other.tokens.maker, { flowId: flow.id, recipientIds: [other.users.basic] }, 'NOT_FOUND', ['input', 'flowId']],
      [
        "another tenant's user",
        tenant.tokens.maker,
        { flowId: flow.id, recipientIds: [other.users.basic] },
        'CROSS_TENANT',
        ['input', 'recipientIds', '0'],
      ],
      ['a group', tenant.tokens.maker, { flowId: flow.id, recipientIds: [tenant.team] }, 'INVALID_INPUT', ['input', 'recipientIds', '0']],
      [
        'a departed user',
        tenant.tokens.maker,
        { flowId: flow.id, recipientIds: [tenant.users.outsider] },
        'INVALID_INPUT',
        ['input', 'recipientIds', '0'],
      ],
      ['nobody', tenant.tokens.maker, { flowId: flow.id, recipientIds: [] }, 'INVALID_INPUT', ['input', 'recipientIds']],
      [
        'an empty name',
        tenant.tokens.maker,
        { flowId: flow.id, recipientIds: [tenant.users.basic], displayName: ' ' },
        'INVALID_INPUT',
        ['input', 'displayName'],
      ],
    ];
    for (const [what, token, input, code, field] of cases) {
      expect(failure(await send(input, token)), what).toMatchObject({ code, field });
    }
    expect(ok(await app.gql(ReceivedCopies, {}, tenant.tokens.basic)).receivedCopies.totalCount).toBe(0);
    const anonymous = await app.gql(SendFlowCopy, { input: { flowId: flow.id, recipientIds: [tenant.users.basic] } }, null);
    expect([anonymous.status, anonymous.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('createFlowFromCopy', () => {
  it('makes the recipient creator and primary owner, on their own connections', async () => {
    const { copies } = await sent({ flowId: source.id, recipientIds: [t.users.coowner] });
    const copyId = copies[0]!.id;
    const sp = await connectionOf(app, t.tokens.coowner, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
    const mail = await connectionOf(app, t.tokens.coowner, { environmentId: t.defaultEnv, connectorId: t.outlook });
    const made = await fromCopy({ copyId, environmentId: t.defaultEnv, connectionIds: [mail, sp] }, t.tokens.coowner);
    if (made.__typename !== 'CreateFlowFromCopySuccess') throw new Error(JSON.stringify(made));
    expect(made.flow).toMatchObject({ creator: { id: t.users.coowner }, primaryOwner: { id: t.users.coowner } });
    expect(made.flow.actions!.map((a) => [a.name, a.connectionReference?.connection?.id ?? null])).toEqual([
      ['Get item', sp],
      ['Mail', mail],
      ['Compose', null],
    ]);
    const listed = ok(await app.gql(ReceivedCopies, {}, t.tokens.coowner)).receivedCopies.edges.find((e) => e.node.id === copyId);
    expect(listed!.node.createdFlow).toEqual({ id: made.flow.id });
    expect(failure(await fromCopy({ copyId, environmentId: t.defaultEnv, connectionIds: [mail, sp] }, t.tokens.coowner)).code).toBe(
      'CONFLICT',
    );
  });

  it('refuses missing, foreign and unneeded connections, naming the connector', async () => {
    const { copies } = await sent({ flowId: source.id, recipientIds: [t.users.guest] });
    const copyId = copies[0]!.id;
    const sp = await connectionOf(app, t.tokens.guest, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
    const secondSp = await connectionOf(app, t.tokens.guest, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
    const otherTenant = await connectionOf(app, other.tokens.maker, { environmentId: other.defaultEnv, connectorId: other.sharepoint });
    const missing = failure(await fromCopy({ copyId, environmentId: t.defaultEnv, connectionIds: [sp] }, t.tokens.guest));
    expect(missing).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'connectionIds'] });
    expect(missing.message).toContain(`Outlook ${t.tag}`);
    const cases: [string[], string, string[]][] = [
      [[makersSp], 'CONNECTION_NOT_OWNED', ['input', 'connectionIds', '0']],
      [[sp, secondSp], 'INVALID_INPUT', ['input', 'connectionIds', '1']],
      [[otherTenant], 'NOT_FOUND', ['input', 'connectionIds', '0']],
    ];
    for (const [connectionIds, code, field] of cases) {
      expect(failure(await fromCopy({ copyId, environmentId: t.defaultEnv, connectionIds }, t.tokens.guest))).toMatchObject({
        code,
        field,
      });
    }
    // A connection whose connector the copy does not need.
    const tenant = await makeTenant(app);
    const lone = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, actions: [{ name: 'Plain' }] });
    const loneCopy = (await sent({ flowId: lone.id, recipientIds: [tenant.users.coowner] }, tenant.tokens.maker)).copies[0]!.id;
    const theirs = await connectionOf(app, tenant.tokens.coowner, { environmentId: tenant.defaultEnv, connectorId: tenant.outlook });
    expect(
      failure(await fromCopy({ copyId: loneCopy, environmentId: tenant.defaultEnv, connectionIds: [theirs] }, tenant.tokens.coowner)),
    ).toMatchObject({
      code: 'CONNECTOR_MISMATCH',
      field: ['input', 'connectionIds', '0'],
    });
  });

  it("refuses someone else's copy (NOT_FOUND), a foreign environment (NOT_FOUND) and a recipient without a maker role (ROLE_REQUIRED)", async () => {
    const { copies } = await sent({ flowId: source.id, recipientIds: [t.users.basic] });
    const copyId = copies[0]!.id;
    expect(failure(await fromCopy({ copyId, environmentId: t.defaultEnv }, t.tokens.maker))).toMatchObject({
      code: 'NOT_FOUND',
      field: ['input', 'copyId'],
    });
    expect(failure(await fromCopy({ copyId, environmentId: other.defaultEnv }, t.tokens.basic))).toMatchObject({
      code: 'NOT_FOUND',
      field: ['input', 'environmentId'],
    });
    expect(failure(await fromCopy({ copyId, environmentId: t.defaultEnv }, t.tokens.basic))).toMatchObject({ code: 'ROLE_REQUIRED' });
  });
});

describe('saveFlowAs', () => {
  it('makes a flow of the saver, keeping only connections they own', async () => {
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, actions: [{ name: 'Get', connectionId: makersSp }] });
    ok(await app.gql(ShareOwners, { input: { flowId: flow.id, add: [t.users.coowner] } }, t.tokens.maker));
    const theirs = await connectionOf(app, t.tokens.coowner, { environmentId: t.defaultEnv, connectorId: t.outlook });
    ok(
      await app.gql(
        UpdateFlow,
        {
          input: {
            flowId: flow.id,
            actions: [
              { name: 'Get', connectionId: makersSp },
              { name: 'Mail', connectionId: theirs },
            ],
          },
        },
        t.tokens.coowner,
      ),
    );
    const result = ok(await app.gql(SaveFlowAs, { input: { flowId: flow.id, displayName: 'Mine now' } }, t.tokens.coowner)).saveFlowAs;
    if (result.__typename !== 'SaveFlowAsSuccess') throw new Error(JSON.stringify(result));
    expect(result.flow).toMatchObject({
      displayName: 'Mine now',
      environment: { id: t.defaultEnv },
      creator: { id: t.users.coowner },
      primaryOwner: { id: t.users.coowner },
    });
    expect(result.flow.actions!.map((a) => [a.name, a.connectionReference?.connection?.id ?? null])).toEqual([
      ['Get', null],
      ['Mail', theirs],
    ]);
  });

  it('refuses strangers (NOT_FOUND), run-only users (NOT_AUTHORIZED), co-owners without the maker role (ROLE_REQUIRED) and empty names', async () => {
    const tenant = await makeTenant(app);
    const flow = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv });
    ok(await app.gql(ShareOwners, { input: { flowId: flow.id, add: [tenant.users.basic] } }, tenant.tokens.maker));
    await app.database.db.execute(
      sql`insert into run_only_grants (flow_id, principal_kind, user_id) values (${uuid(flow.id)}, 'USER', ${tenant.rows.users.get('guest')!})`,
    );
    const cases = [
      [tenant.tokens.coowner, 'Copy', 'NOT_FOUND'],
      [tenant.tokens.guest, 'Copy', 'NOT_AUTHORIZED'],
      [tenant.tokens.basic, 'Copy', 'ROLE_REQUIRED'],
      [tenant.tokens.maker, '', 'INVALID_INPUT'],
    ] as const;
    for (const [token, displayName, code] of cases) {
      expect(failure(ok(await app.gql(SaveFlowAs, { input: { flowId: flow.id, displayName } }, token)).saveFlowAs).code).toBe(code);
    }
  });
});

describe('changePrimaryOwner', () => {
  it('hands a solution-aware flow over; the old primary owner stays a co-owner; everyone concerned is told', async () => {
    const tenant = await makeTenant(app);
    const flow = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, solutionAware: true });
    ok(await app.gql(ShareOwners, { input: { flowId: flow.id, add: [tenant.users.guest] } }, tenant.tokens.maker));
    const result = await change({ flowId: flow.id, newOwnerId: tenant.users.coowner }, tenant.tokens.maker);
    if (result.__typename !== 'ChangePrimaryOwnerSuccess') throw new Error(JSON.stringify(result));
    expect(result.flow).toMatchObject({ creator: { id: tenant.users.maker }, primaryOwner: { id: tenant.users.coowner } });
    expect(result.flow.owners.edges.map((e) => [e.node, e.isPrimaryOwner])).toEqual([
      [{ id: tenant.users.coowner }, true],
      [{ id: tenant.users.maker }, false],
      [{ id: tenant.users.guest }, false],
    ]);
    for (const person of ['maker', 'coowner', 'guest'] as const) {
      const changed = (await events(tenant.tokens[person])).filter((e) => e.kind === 'PRIMARY_OWNER_CHANGED');
      expect(changed, person).toEqual([
        { kind: 'PRIMARY_OWNER_CHANGED', flowId: flow.id, actorRole: 'OWNER', principal: { id: tenant.users.coowner }, copy: null },
      ]);
    }
    expect(ok(await app.gql(MyFlows, {}, tenant.tokens.coowner)).myFlows.edges.map((e) => e.node.id)).toContain(flow.id);
    // Already the primary owner: nothing to do.
    expect(await change({ flowId: flow.id, newOwnerId: tenant.users.coowner }, tenant.tokens.coowner)).toMatchObject({ eventCursor: null });
  });

  it('adds a new owner who is not in the default environment, as a maker (S14)', async () => {
    const tenant = await makeTenant(app);
    const flow = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, solutionAware: true });
    const result = await change({ flowId: flow.id, newOwnerId: tenant.users.outsider }, tenant.tokens.admin);
    expect(result).toMatchObject({ __typename: 'ChangePrimaryOwnerSuccess', flow: { primaryOwner: { id: tenant.users.outsider } } });
    const [row] = await app.database.db
      .select()
      .from(environmentUsers)
      .where(
        and(eq(environmentUsers.environmentId, uuid(tenant.defaultEnv)), eq(environmentUsers.userId, tenant.rows.users.get('outsider')!)),
      );
    expect(row?.role).toBe('ENVIRONMENT_MAKER');
  });

  it('refuses what it must, with its code, writing nothing', async () => {
    const tenant = await makeTenant(app);
    const aware = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv, solutionAware: true });
    const plain = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.defaultEnv });
    const secured = await flowOf(app, tenant.tokens.maker, { environmentId: tenant.securedEnv, solutionAware: true });
    await app.database.db.execute(
      sql`insert into run_only_grants (flow_id, principal_kind, user_id) values (${uuid(aware.id)}, 'USER', ${tenant.rows.users.get('guest')!})`,
    );
    const notAware = failure(await change({ flowId: plain.id, newOwnerId: tenant.users.coowner }, tenant.tokens.maker));
    expect(notAware).toMatchObject({ code: 'NOT_SOLUTION_AWARE', field: ['input', 'flowId'] });
    expect(notAware.message).toMatch(/saveFlowAs.*sendFlowCopy/);
    const cases: [string, string, ChangePrimaryOwnerInput, string, string[]][] = [
      ['a group', tenant.tokens.maker, { flowId: aware.id, newOwnerId: tenant.team }, 'INVALID_INPUT', ['input', 'newOwnerId']],
      [
        "another tenant's user",
        tenant.tokens.maker,
        { flowId: aware.id, newOwnerId: other.users.maker },
        'CROSS_TENANT',
        ['input', 'newOwnerId'],
      ],
      ['a basic user', tenant.tokens.maker, { flowId: aware.id, newOwnerId: tenant.users.basic }, 'ROLE_REQUIRED', ['input', 'newOwnerId']],
      [
        'outside a non-default environment',
        tenant.tokens.maker,
        { flowId: secured.id, newOwnerId: tenant.users.coowner },
        'ROLE_REQUIRED',
        ['input', 'newOwnerId'],
      ],
      [
        'a run-only user asking',
        tenant.tokens.guest,
        { flowId: aware.id, newOwnerId: tenant.users.guest },
        'NOT_AUTHORIZED',
        ['input', 'flowId'],
      ],
      ['a stranger asking', other.tokens.admin, { flowId: aware.id, newOwnerId: other.users.admin }, 'NOT_FOUND', ['input', 'flowId']],
    ];
    for (const [what, token, input, code, field] of cases) {
      expect(failure(await change(input, token)), what).toMatchObject({ code, field });
    }
    // The refused S14 addition was rolled back with the rest.
    const joined = await app.database.db
      .select()
      .from(environmentUsers)
      .where(
        and(eq(environmentUsers.environmentId, uuid(tenant.securedEnv)), eq(environmentUsers.userId, tenant.rows.users.get('coowner')!)),
      );
    expect(joined).toEqual([]);
  });
});

const SentCopies = graphql(`
  query SentCopies($first: Int, $after: String) {
    sentCopies(first: $first, after: $after) { edges { cursor node { id recipient { id } sender { id } } } pageInfo { hasNextPage endCursor } }
  }
`);

describe('sentCopies', () => {
  it("lists the copies the viewer sent, newest first, paged; not others' copies", async () => {
    const u = await makeTenant(app);
    const flow = await flowOf(app, u.tokens.maker, { environmentId: u.defaultEnv, trigger: 'INSTANT', actions: [{ name: 'Compose' }] });
    const batches = [];
    for (const recipient of [u.users.coowner, u.users.guest, u.users.free]) {
      const r = ok(await app.gql(SendFlowCopy, { input: { flowId: flow.id, recipientIds: [recipient] } }, u.tokens.maker)).sendFlowCopy;
      if (r.__typename !== 'SendFlowCopySuccess') throw new Error(JSON.stringify(r));
      batches.push(r.copies[0]!.id);
    }
    // Someone else's copy is not the maker's to list.
    ok(await app.gql(SendFlowCopy, { input: { flowId: flow.id, recipientIds: [u.users.basic] } }, u.tokens.maker));
    const coownersFlow = await flowOf(app, u.tokens.coowner, { environmentId: u.defaultEnv, trigger: 'INSTANT', actions: [] });
    ok(await app.gql(SendFlowCopy, { input: { flowId: coownersFlow.id, recipientIds: [u.users.maker] } }, u.tokens.coowner));

    const first = ok(await app.gql(SentCopies, { first: 2 }, u.tokens.maker)).sentCopies;
    const rest = ok(await app.gql(SentCopies, { first: 10, after: first.pageInfo.endCursor }, u.tokens.maker)).sentCopies;
    const listed = [...first.edges, ...rest.edges].map((e) => e.node);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(listed).toHaveLength(4);
    expect(listed.every((c) => c.sender.id === u.users.maker)).toBe(true);
    expect(listed.slice(1).map((c) => c.id)).toEqual([...batches].reverse());
    expect(ok(await app.gql(SentCopies, {}, u.tokens.coowner)).sentCopies.edges.map((e) => e.node.recipient.id)).toEqual([u.users.maker]);
    expect(ok(await app.gql(SentCopies, {}, u.tokens.guest)).sentCopies.edges).toEqual([]);
    expect((await app.gql(SentCopies, {}, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
