// Input hygiene over HTTP (issue 11, items 4 and 5): a stored string with control characters,
// bidi controls or nothing visible is INVALID_INPUT naming the field, from GraphQL and the
// directory import alike (S27); every list input over its cap is INVALID_INPUT naming the
// list. Either way nothing is written.
import { readFileSync } from 'node:fs';
import { eq, inArray } from 'drizzle-orm';
import { buildSchema, getNamedType, isInputObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenants, users } from '../src/db/tables.js';
import { DirectoryError, importDirectory } from '../src/directory/import.js';
import { MAX_ACTIONS, MAX_DLP_CONNECTORS, MAX_FLOW_CONNECTIONS, MAX_IDS } from '../src/sharing/input.js';
import { graphql } from './gql/index.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import {
  CreateConnection,
  CreateFlow,
  DlpPolicies,
  FlowById,
  FlowSharing,
  MyConnections,
  MyFlows,
  ReceivedCopyIds,
  TryCreateFlowFromCopy,
  TryModifyFlowOwners,
  TryModifyRunOnlyUsers,
  TrySaveFlowAs,
  TrySendFlowCopy,
  TrySetDlpPolicy,
  TryTriggerFlow,
  UpdateFlow,
  ViewerQuery,
} from './support/documents.js';
import { connectionOf, failure, flowOf } from './support/fixtures.js';
import { makeTenant, tenantDirectory, type Tenant } from './support/tenant.js';

let app: TestApp;
let t: Tenant;
let sp: string; // the maker's SharePoint connection
let flow: Awaited<ReturnType<typeof flowOf>>; // the maker's instant flow, run-only shared
let copyId: string; // a copy of it, received by the co-owner

beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
  sp = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
  flow = await flowOf(app, t.tokens.maker, {
    environmentId: t.defaultEnv,
    displayName: 'Approve expenses',
    description: 'Before',
    actions: [{ name: 'Get item', connectionId: sp }],
  });
  const sent = ok(await app.gql(TrySendFlowCopy, { input: { flowId: flow.id, recipientIds: [t.users.coowner] } }, t.tokens.maker));
  expect(sent.sendFlowCopy.__typename).toBe('SendFlowCopySuccess');
  copyId = ok(await app.gql(ReceivedCopyIds, {}, t.tokens.coowner)).receivedCopies.edges[0]!.node.id;
  const shared = ok(await app.gql(TryModifyRunOnlyUsers, { input: { flowId: flow.id, add: [t.users.basic] } }, t.tokens.maker));
  expect(shared.modifyRunOnlyUsers.__typename).toBe('ModifyRunOnlyUsersSuccess');
});
afterAll(() => app?.close());

/** What any of the mutations below could write, as the tenant's users see it. */
async function written() {
  const [myFlows, coownerFlows, connections, theFlow, sharing, copies, policies] = await Promise.all([
    app.gql(MyFlows, { first: 100 }, t.tokens.maker),
    app.gql(MyFlows, { first: 100 }, t.tokens.coowner),
    app.gql(MyConnections, { first: 100 }, t.tokens.maker),
    app.gql(FlowById, { id: flow.id }, t.tokens.maker),
    app.gql(FlowSharing, { id: flow.id }, t.tokens.maker),
    app.gql(ReceivedCopyIds, {}, t.tokens.coowner),
    app.gql(DlpPolicies, {}, t.tokens.admin),
  ]);
  return {
    myFlows: ok(myFlows).myFlows.edges.map((e) => e.node),
    coownerFlows: ok(coownerFlows).myFlows.totalCount,
    connections: ok(connections).myConnections.edges.map((e) => e.node),
    flow: ok(theFlow).node,
    sharing: ok(sharing).node,
    copies: ok(copies).receivedCopies.totalCount,
    policies: ok(policies).environments,
  };
}

type Outcome = { __typename?: string } | { __typename?: 'OperationError'; code: string; message: string; field?: string[] | null };
/** Runs each call, expects INVALID_INPUT naming `field`, then that nothing was written. */
async function expectRefusedWritingNothing(cases: [string, () => Promise<Outcome>, string[], RegExp?][]) {
  const before = await written();
  for (const [what, call, field, message] of cases) {
    const error = failure(await call());
    expect(error, what).toMatchObject({ code: 'INVALID_INPUT', field });
    if (message) expect(error.message, what).toMatch(message);
  }
  expect(await written()).toEqual(before);
}

// Mutations as the maker (or another person), answering their result union.
const createFlow = async (input: Record<string, unknown>, token = t.tokens.maker) =>
  ok(
    await app.gql(
      CreateFlow,
      { input: { environmentId: t.defaultEnv, displayName: 'New', trigger: 'INSTANT', actions: [], ...input } },
      token,
    ),
  ).createFlow;
const updateFlow = async (input: Record<string, unknown>) =>
  ok(await app.gql(UpdateFlow, { input: { flowId: flow.id, ...input } }, t.tokens.maker)).updateFlow;
const createConnection = async (displayName: string) =>
  ok(await app.gql(CreateConnection, { input: { environmentId: t.defaultEnv, connectorId: t.outlook, displayName } }, t.tokens.maker))
    .createConnection;
const sendFlowCopy = async (input: Record<string, unknown>) =>
  ok(await app.gql(TrySendFlowCopy, { input: { flowId: flow.id, recipientIds: [t.users.coowner], ...input } }, t.tokens.maker))
    .sendFlowCopy;
const saveFlowAs = async (displayName: string) =>
  ok(await app.gql(TrySaveFlowAs, { input: { flowId: flow.id, displayName } }, t.tokens.maker)).saveFlowAs;

describe('stored strings (S27)', () => {
  const BAD: [what: string, value: string, inDescriptions: boolean][] = [
    ['NUL', 'Expense\u0000report', true],
    ['a bidi override', 'Expense \u202egpj.exe', true],
    ['a bidi isolate', 'Expense \u2067report', true],
    ['only zero-width spaces', '\u200b\u200b\u200b', true],
    ['only a byte order mark and joiners', '\ufeff\u200d\u200c', true],
    ['an escape sequence', 'Expense\u001b[2J', true],
    ['a bell', 'Expense\u0007', true],
    ['a C1 control', 'Expense\u0085', true],
    ['a lone surrogate', 'Expense\ud800', true],
    ['a line feed (fine in descriptions only)', 'Expense\nreport', false],
    ['a tab (fine in descriptions only)', 'Expense\treport', false],
    ['a right-to-left mark (fine in descriptions only)', 'Expense\u200freport', false],
  ];
  for (const [what, bad, inDescriptions] of BAD) {
    it(`refuses ${what} in every stored name${inDescriptions ? ' and description' : ''}, naming the field, and writes nothing`, async () => {
      const names: [string, () => Promise<Outcome>, string[], RegExp][] = [
        ['createFlow displayName', () => createFlow({ displayName: bad }), ['input', 'displayName'], /^displayName: must not/],
        [
          'createFlow action name',
          () => createFlow({ actions: [{ name: 'Fine' }, { name: bad }] }),
          ['input', 'actions', '1', 'name'],
          /^actions\.1\.name: must not/,
        ],
        ['updateFlow displayName', () => updateFlow({ displayName: bad }), ['input', 'displayName'], /must not/],
        [
          'updateFlow action name',
          () => updateFlow({ actions: [{ name: bad, connectionId: sp }] }),
          ['input', 'actions', '0', 'name'],
          /must not/,
        ],
        ['createConnection displayName', () => createConnection(bad), ['input', 'displayName'], /must not/],
        ['sendFlowCopy displayName', () => sendFlowCopy({ displayName: bad }), ['input', 'displayName'], /must not/],
        ['saveFlowAs displayName', () => saveFlowAs(bad), ['input', 'displayName'], /must not/],
      ];
      const descriptions: typeof names = [
        ['createFlow description', () => createFlow({ description: bad }), ['input', 'description'], /^description: must not/],
        ['updateFlow description', () => updateFlow({ description: bad }), ['input', 'description'], /must not/],
        ['sendFlowCopy description', () => sendFlowCopy({ description: bad }), ['input', 'description'], /must not/],
      ];
      await expectRefusedWritingNothing([...names, ...(inDescriptions ? descriptions : [])]);
    });
  }

  it('names the character at fault by its code point', async () => {
    expect(failure(await createFlow({ displayName: 'Expense \u202egpj.exe' })).message).toBe(
      'displayName: must not contain bidirectional embeddings, overrides or isolates (U+202E)',
    );
    expect(failure(await createFlow({ displayName: '\u200b\u200b' })).message).toBe('displayName: must not be only invisible characters');
  });

  it('keeps what real names and descriptions need: other scripts, emoji with joiners, line breaks and tabs in descriptions', async () => {
    const created = await createFlow({
      displayName: 'Team 👨\u200d👩\u200d👧 – 承認 – می\u200cخواهم',
      description: 'Line one\n\tLine two\r\nمرحبا \u200fworld',
      actions: [{ name: 'Get ✔\ufe0f item', connectionId: sp }],
    });
    if (created.__typename !== 'CreateFlowSuccess') throw new Error(JSON.stringify(created));
    expect(created.flow).toMatchObject({
      displayName: 'Team 👨\u200d👩\u200d👧 – 承認 – می\u200cخواهم',
      description: 'Line one\n\tLine two\r\nمرحبا \u200fworld',
      actions: [{ name: 'Get ✔\ufe0f item' }],
    });
    ok(await app.gql(UpdateFlow, { input: { flowId: created.flow.id, description: 'Two\nlines' } }, t.tokens.maker));
  });
});

describe('stored strings from the directory import (S27)', () => {
  const BAD = ['Mallory\u0000', 'Expense \u202egpj.exe', '\u200b\u200b'];
  // Inside an address or URL, zero-width spaces are characters like any other (a value of
  // nothing else is what is refused): those fields get the bad characters and whole bad values.
  const INSIDE = BAD.slice(0, 2);
  type Directory = ReturnType<typeof tenantDirectory>;
  const spoilers: [string, (d: Directory, bad: string) => unknown, string[]][] = [
    ['$.tenants[0].displayName', (d, bad) => ({ ...d, tenants: [{ ...d.tenants[0]!, displayName: bad }] }), BAD],
    ['$.users[2].displayName', (d, bad) => ({ ...d, users: d.users.map((u, i) => (i === 2 ? { ...u, displayName: bad } : u)) }), BAD],
    [
      '$.users[1].email',
      (d, bad) => ({ ...d, users: d.users.map((u, i) => (i === 1 ? { ...u, email: `a${bad}@example.com` } : u)) }),
      INSIDE,
    ],
    ['$.users[1].email', (d, bad) => ({ ...d, users: d.users.map((u, i) => (i === 1 ? { ...u, email: bad } : u)) }), BAD],
    ['$.users[0].id', (d, bad) => ({ ...d, users: d.users.map((u, i) => (i === 0 ? { ...u, id: bad } : u)) }), BAD],
    ['$.groups[0].displayName', (d, bad) => ({ ...d, groups: [{ ...d.groups[0]!, displayName: bad }] }), BAD],
    ['$.sharePointLists[0].title', (d, bad) => ({ ...d, sharePointLists: [{ ...d.sharePointLists[0]!, title: bad }] }), BAD],
    [
      '$.sharePointLists[0].siteUrl',
      (d, bad) => ({ ...d, sharePointLists: [{ ...d.sharePointLists[0]!, siteUrl: `https://example.com/${bad}` }] }),
      INSIDE,
    ],
    ['$.sharePointLists[0].siteUrl', (d, bad) => ({ ...d, sharePointLists: [{ ...d.sharePointLists[0]!, siteUrl: bad }] }), BAD],
    [
      '$.environments[1].displayName',
      (d, bad) => ({ ...d, environments: [d.environments[0]!, { ...d.environments[1]!, displayName: bad }] }),
      BAD,
    ],
    ['$.connectors[1].displayName', (d, bad) => ({ ...d, connectors: [d.connectors[0]!, { ...d.connectors[1]!, displayName: bad }] }), BAD],
  ];
  for (const [path, spoil, values] of spoilers) {
    it(`refuses a bad ${path}${values === INSIDE ? ' (bad characters inside it)' : ''}, naming it, and writes nothing`, async () => {
      for (const bad of values) {
        const tag = Math.random().toString(36).slice(2, 10);
        const directory = tenantDirectory(tag);
        const error = await importDirectory(app.database.db, spoil(directory, bad)).catch((e: unknown) => e);
        expect(error, JSON.stringify(bad)).toBeInstanceOf(DirectoryError);
        const escaped = path.replace(/[$.[\]]/g, (c) => `\\${c}`);
        // Email and URL syntax may refuse first; whatever refuses names the field.
        expect((error as Error).message, JSON.stringify(bad)).toMatch(new RegExp(`\\n  ${escaped}: `));
        const { db } = app.database;
        expect(await db.select().from(tenants).where(eq(tenants.externalId, directory.tenants[0]!.id))).toEqual([]);
        expect(
          await db
            .select()
            .from(users)
            .where(
              inArray(
                users.externalId,
                directory.users.map((u) => u.id),
              ),
            ),
        ).toEqual([]);
      }
    });
  }

  it('refuses renaming an existing user to a bad name: the user keeps their name', async () => {
    const before = ok(await app.gql(ViewerQuery, {}, t.tokens.coowner)).viewer;
    const user = t.directory.users.find((u) => u.id === t.ext('coowner'))!;
    await expect(importDirectory(app.database.db, { users: [{ ...user, displayName: 'Boss \u202eEO' }] })).rejects.toThrow(
      /\$\.users\[0\]\.displayName: must not contain bidirectional embeddings, overrides or isolates \(U\+202E\)/,
    );
    expect(ok(await app.gql(ViewerQuery, {}, t.tokens.coowner)).viewer).toEqual(before);
  });
});

describe('list caps', () => {
  const many = <T>(n: number, item: T) => Array.from({ length: n }, () => item);

  it(`refuses a flow with more than ${MAX_IDS} other connections or ${MAX_ACTIONS} actions, and takes one at the caps`, async () => {
    await expectRefusedWritingNothing([
      [
        'createFlow otherConnectionIds',
        () => createFlow({ otherConnectionIds: many(MAX_IDS + 1, sp) }),
        ['input', 'otherConnectionIds'],
        /at most 100/,
      ],
      [
        'createFlow actions',
        () => createFlow({ actions: many(MAX_ACTIONS + 1, 0).map((_, i) => ({ name: `A${i}` })) }),
        ['input', 'actions'],
        /at most 500/,
      ],
      [
        'updateFlow otherConnectionIds',
        () => updateFlow({ otherConnectionIds: many(MAX_IDS + 1, sp) }),
        ['input', 'otherConnectionIds'],
        /at most 100/,
      ],
      [
        'updateFlow actions',
        () => updateFlow({ actions: many(MAX_ACTIONS + 1, 0).map((_, i) => ({ name: `A${i}` })) }),
        ['input', 'actions'],
        /at most 500/,
      ],
    ]);
    const atCaps = await createFlow({
      otherConnectionIds: many(MAX_IDS, sp),
      actions: many(MAX_ACTIONS, 0).map((_, i) => ({ name: `A${i}`, connectionId: sp })),
    });
    expect(atCaps.__typename).toBe('CreateFlowSuccess');
  });

  it(`refuses more than ${MAX_IDS} principals to add or remove, run-only or co-owner (10,000 included), writing nothing`, async () => {
    const runOnly = async (input: Record<string, unknown>) =>
      ok(await app.gql(TryModifyRunOnlyUsers, { input: { flowId: flow.id, ...input } }, t.tokens.maker)).modifyRunOnlyUsers;
    const owners = async (input: Record<string, unknown>) =>
      ok(await app.gql(TryModifyFlowOwners, { input: { flowId: flow.id, ...input } }, t.tokens.maker)).modifyFlowOwners;
    await expectRefusedWritingNothing([
      ['run-only add', () => runOnly({ add: many(MAX_IDS + 1, t.users.guest) }), ['input', 'add']],
      ['run-only remove', () => runOnly({ remove: many(MAX_IDS + 1, t.users.basic) }), ['input', 'remove']],
      ['run-only add 10,000', () => runOnly({ add: many(10_000, t.users.guest) }), ['input', 'add']],
      ['owners add', () => owners({ add: many(MAX_IDS + 1, t.users.guest) }), ['input', 'add']],
      ['owners remove', () => owners({ remove: many(MAX_IDS + 1, t.users.guest) }), ['input', 'remove']],
    ]);
    // At the cap: the same user a hundred times is one grant.
    expect((await runOnly({ remove: many(MAX_IDS, t.users.free) })).__typename).toBe('ModifyRunOnlyUsersSuccess');
  });

  it(`refuses more than ${MAX_FLOW_CONNECTIONS} connection sources, invoker connections or connections for a copy, writing nothing`, async () => {
    const ref = flow.connectionReferences[0]!.id;
    await expectRefusedWritingNothing([
      [
        'modifyRunOnlyUsers connectionSources',
        async () =>
          ok(
            await app.gql(
              TryModifyRunOnlyUsers,
              {
                input: {
                  flowId: flow.id,
                  connectionSources: many(MAX_FLOW_CONNECTIONS + 1, { connectionReferenceId: ref, source: 'INVOKER' as const }),
                },
              },
              t.tokens.maker,
            ),
          ).modifyRunOnlyUsers,
        ['input', 'connectionSources'],
        /at most 600/,
      ],
      [
        'triggerFlow invokerConnectionIds',
        async () =>
          ok(
            await app.gql(
              TryTriggerFlow,
              { input: { flowId: flow.id, invokerConnectionIds: many(MAX_FLOW_CONNECTIONS + 1, sp) } },
              t.tokens.basic,
            ),
          ).triggerFlow,
        ['input', 'invokerConnectionIds'],
      ],
      [
        'createFlowFromCopy connectionIds',
        async () =>
          ok(
            await app.gql(
              TryCreateFlowFromCopy,
              { input: { copyId, environmentId: t.defaultEnv, connectionIds: many(MAX_FLOW_CONNECTIONS + 1, sp) } },
              t.tokens.coowner,
            ),
          ).createFlowFromCopy,
        ['input', 'connectionIds'],
      ],
    ]);
  });

  it(`refuses a copy to more than ${MAX_IDS} users and a DLP policy of more than ${MAX_DLP_CONNECTORS} connectors, writing nothing`, async () => {
    await expectRefusedWritingNothing([
      ['sendFlowCopy recipientIds', () => sendFlowCopy({ recipientIds: many(MAX_IDS + 1, t.users.coowner) }), ['input', 'recipientIds']],
      [
        'setDlpPolicy classifications',
        async () =>
          ok(
            await app.gql(
              TrySetDlpPolicy,
              {
                input: {
                  environmentId: t.defaultEnv,
                  classifications: many(MAX_DLP_CONNECTORS + 1, { connectorId: t.sharepoint, class: 'BLOCKED' as const }),
                },
              },
              t.tokens.admin,
            ),
          ).setDlpPolicy,
        ['input', 'classifications'],
        /at most 1,000/,
      ],
    ]);
  });
});

describe('bulk mutations (S25)', () => {
  const HygieneReassign = graphql(`
    mutation HygieneReassign($input: ReassignFlowsInput!) { reassignFlows(input: $input) { __typename ... on OperationError { code message field } } }
  `);
  const HygieneRemovePrincipal = graphql(`
    mutation HygieneRemovePrincipal($input: RemovePrincipalFromFlowsInput!) {
      removePrincipalFromFlows(input: $input) { __typename ... on OperationError { code message field } }
    }
  `);
  const HygieneReplaceEverywhere = graphql(`
    mutation HygieneReplaceEverywhere($input: ReplaceConnectionEverywhereInput!) {
      replaceConnectionEverywhere(input: $input) { __typename ... on OperationError { code message field } }
    }
  `);

  it('take ids and flags only: nothing they take is stored text, and no input is a list (their bound is on flows, test/bulk.test.ts)', () => {
    const schema = buildSchema(readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8'));
    for (const name of ['ReassignFlowsInput', 'RemovePrincipalFromFlowsInput', 'ReplaceConnectionEverywhereInput']) {
      const type = schema.getType(name);
      if (!isInputObjectType(type)) throw new Error(`${name} is not an input type`);
      for (const field of Object.values(type.getFields())) {
        expect(`${name}.${field.name}: ${String(field.type)}`).toMatch(/: (ID!|Boolean)$/);
        expect(getNamedType(field.type).name).not.toBe('String');
      }
    }
  });

  it('refuse an id of the wrong kind, or not an id, naming it, and write nothing', async () => {
    const reassign = async (input: Record<string, unknown>) =>
      ok(
        await app.gql(
          HygieneReassign,
          { input: { environmentId: t.defaultEnv, fromUserId: t.users.maker, toUserId: t.users.coowner, ...input } as never },
          t.tokens.admin,
        ),
      ).reassignFlows;
    const remove = async (input: Record<string, unknown>) =>
      ok(
        await app.gql(
          HygieneRemovePrincipal,
          { input: { environmentId: t.defaultEnv, principalId: t.users.basic, ...input } as never },
          t.tokens.admin,
        ),
      ).removePrincipalFromFlows;
    const replace = async (input: Record<string, unknown>) =>
      ok(await app.gql(HygieneReplaceEverywhere, { input: { connectionId: sp, newConnectionId: sp, ...input } as never }, t.tokens.maker))
        .replaceConnectionEverywhere;
    await expectRefusedWritingNothing([
      ['reassignFlows environmentId', () => reassign({ environmentId: flow.id }), ['input', 'environmentId']],
      ['reassignFlows fromUserId', () => reassign({ fromUserId: t.team }), ['input', 'fromUserId']],
      ['reassignFlows toUserId', () => reassign({ toUserId: 'Expense\u0000report' }), ['input', 'toUserId']],
      ['reassignFlows the same user', () => reassign({ toUserId: t.users.maker }), ['input', 'toUserId']],
      ['removePrincipalFromFlows principalId', () => remove({ principalId: t.defaultEnv }), ['input', 'principalId']],
      ['removePrincipalFromFlows environmentId', () => remove({ environmentId: '\u202e' }), ['input', 'environmentId']],
      ['replaceConnectionEverywhere connectionId', () => replace({ connectionId: flow.id }), ['input', 'connectionId']],
      ['replaceConnectionEverywhere the same connection', () => replace({}), ['input', 'newConnectionId']],
    ]);
  });
});
