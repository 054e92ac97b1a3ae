// Fuzzing every mutation's input over HTTP (issue 11): random strings with control, bidi and
// invisible characters, lists past every cap, malformed and mistyped ids, impossible dates,
// unknown enum values, any of the tenant's people (or none) as the caller. Whatever comes in:
// never an HTTP 5xx or a masked error ("Unexpected error.", INTERNAL_SERVER_ERROR), and a
// refused call writes nothing (every table's content is compared before and after). At the
// end no stored string breaks S27.
import { readFileSync } from 'node:fs';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { buildSchema, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tables from '../src/db/tables.js';
import { globalId } from '../src/graphql/ids.js';
import { textFault } from '../src/policy/text.js';
import { graphql } from './gql/index.js';
import { isolatedDatabaseUrl, ok, startTestApp, type TestApp } from './support/app.js';
import {
  CreateConnection,
  CreateFlow,
  DeleteFlow,
  ReceivedCopyIds,
  SetFlowState,
  TryChangePrimaryOwner,
  TryCreateFlowFromCopy,
  TryModifyFlowOwners,
  TryModifyRunOnlyUsers,
  TryReplaceFlowConnection,
  TrySaveFlowAs,
  TrySendFlowCopy,
  TrySetDlpPolicy,
  TrySetEnvironmentRole,
  TryTriggerFlow,
  TryUpdateConnectionCredentials,
  UpdateFlow,
} from './support/documents.js';
import { connectionOf, flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

/**
 * Generated calls per property: one property per mutation (20), plus three focused ones
 * (strings twice as many). Each call is one HTTP request and one read of every table: at 40,
 * about 800 calls take 15 to 25 s on PGlite or PostgreSQL, the whole file under 45 s. Raise
 * it locally to search harder: FUZZ_RUNS=1000 npx vitest run test/fuzz.test.ts.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

let app: TestApp;
let t: Tenant;
let other: Tenant;
/** Ids of every kind the tenants have, for arbitraries to pick from (filled by beforeAll, read lazily). */
const TryImportFlowPackage = graphql(`
  mutation FuzzImportFlowPackage($input: ImportFlowPackageInput!) {
    importFlowPackage(input: $input) { __typename ... on OperationError { code message field } }
  }
`);
const TryReassignFlows = graphql(`
  mutation FuzzReassignFlows($input: ReassignFlowsInput!) {
    reassignFlows(input: $input) { __typename ... on OperationError { code message field } }
  }
`);
const TryRemovePrincipalFromFlows = graphql(`
  mutation FuzzRemovePrincipalFromFlows($input: RemovePrincipalFromFlowsInput!) {
    removePrincipalFromFlows(input: $input) { __typename ... on OperationError { code message field } }
  }
`);
const TryReplaceConnectionEverywhere = graphql(`
  mutation FuzzReplaceConnectionEverywhere($input: ReplaceConnectionEverywhereInput!) {
    replaceConnectionEverywhere(input: $input) { __typename ... on OperationError { code message field } }
  }
`);
let connectorDirectoryIds: string[] = [];
let pool: Record<'flows' | 'refs' | 'connections' | 'copies' | 'environments' | 'connectors' | 'principals', string[]>;
/** The fingerprint after the last call (see judge). */
let written: Record<string, string>;

beforeAll(async () => {
  // A database of its own on PostgreSQL too: the fingerprint reads whole tables.
  app = await startTestApp({ databaseUrl: await isolatedDatabaseUrl() });
  [t, other] = await Promise.all([makeTenant(app), makeTenant(app)]);
  const conn = (tenant: Tenant, person: 'maker' | 'coowner', connectorId: string) =>
    connectionOf(app, tenant.tokens[person], { environmentId: tenant.defaultEnv, connectorId });
  const [sp, outlook, coownerSp, otherSp] = await Promise.all([
    conn(t, 'maker', t.sharepoint),
    conn(t, 'maker', t.outlook),
    conn(t, 'coowner', t.sharepoint),
    conn(other, 'maker', other.sharepoint),
  ]);
  const instant = await flowOf(app, t.tokens.maker, {
    environmentId: t.defaultEnv,
    description: 'Asks a manager',
    actions: [{ name: 'Get item', connectionId: sp }, { name: 'Send mail', connectionId: outlook }, { name: 'Compose' }],
  });
  const automated = await flowOf(app, t.tokens.maker, {
    environmentId: t.defaultEnv,
    trigger: 'AUTOMATED',
    actions: [{ name: 'Get', connectionId: sp }],
  });
  const aware = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, solutionAware: true, actions: [] });
  const otherFlow = await flowOf(app, other.tokens.maker, {
    environmentId: other.defaultEnv,
    actions: [{ name: 'Get', connectionId: otherSp }],
  });
  const scoped = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint, flowId: instant.id });
  ok(await app.gql(TrySendFlowCopy, { input: { flowId: instant.id, recipientIds: [t.users.coowner] } }, t.tokens.maker));
  ok(await app.gql(TryModifyRunOnlyUsers, { input: { flowId: instant.id, add: [t.users.basic, t.team] } }, t.tokens.maker));
  ok(await app.gql(TryModifyFlowOwners, { input: { flowId: instant.id, add: [t.users.coowner] } }, t.tokens.maker));
  const copies = ok(await app.gql(ReceivedCopyIds, {}, t.tokens.coowner)).receivedCopies.edges.map((e) => e.node.id);
  pool = {
    flows: [instant.id, automated.id, aware.id, otherFlow.id],
    refs: [...instant.connectionReferences, ...automated.connectionReferences, ...otherFlow.connectionReferences].map((r) => r.id),
    connections: [sp, outlook, coownerSp, otherSp, scoped],
    copies,
    environments: [t.defaultEnv, t.securedEnv, other.defaultEnv],
    connectors: [t.sharepoint, t.outlook, other.sharepoint],
    principals: [...Object.values(t.users), t.team, t.list, other.users.maker, other.team],
  };
  connectorDirectoryIds = [...t.directory.connectors, ...other.directory.connectors].map((c) => c.id);
  written = await fingerprint();
}, 120_000);
afterAll(() => app?.close());

// ------------------------------------------------------------------ what was written

const TABLE_NAMES = (Object.values(tables) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableName(table));

/** Every table's content as a digest, by table: equal fingerprints, nothing written. */
async function fingerprint(): Promise<Record<string, string>> {
  const query = TABLE_NAMES.map(
    (name) => `select '${name}' as name, md5(coalesce(string_agg(row_::text, ',' order by row_::text), '')) as digest from "${name}" row_`,
  ).join(' union all ');
  const result = (await app.database.db.execute(sql.raw(query))) as unknown as
    | { name: string; digest: string }[]
    | { rows: { name: string; digest: string }[] };
  const rows = Array.isArray(result) ? result : result.rows;
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}
// ------------------------------------------------------------------ sending and judging a call

type Answer = {
  status: number;
  body: {
    data?: Record<string, { __typename?: string; code?: string; field?: string[] } | null> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
};

/** POSTs an operation; the body may be anything (a refusal before GraphQL need not be JSON). */
async function send(doc: TypedDocumentNode<unknown, never>, input: unknown, token: string | null): Promise<Answer> {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: print(doc), variables: { input } }),
  });
  const text = await response.text();
  let body: Answer['body'] = null;
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    // not JSON: judged by its status alone
  }
  return { status: response.status, body };
}

/**
 * One fuzzed call: no 5xx, no masked error, and when it did not succeed (an OperationError,
 * or a request error with no result) or was a dry run, nothing written. Returns the mutation's result.
 */
async function judge(doc: TypedDocumentNode<unknown, never>, input: unknown, token: string | null) {
  const answer = await send(doc, input, token);
  const about = JSON.stringify({ status: answer.status, errors: answer.body?.errors }).slice(0, 500);
  expect(answer.status, about).toBeLessThan(500);
  for (const error of answer.body?.errors ?? []) {
    expect(error.extensions?.code, about).not.toBe('INTERNAL_SERVER_ERROR');
    expect(error.message, about).not.toBe('Unexpected error.');
  }
  const result = Object.values(answer.body?.data ?? {})[0] ?? null;
  const after = await fingerprint();
  // A dry run (S25) writes nothing whether it would succeed or not.
  const dryRun = (input as { dryRun?: unknown } | null)?.dryRun === true;
  if (!result || result.__typename === 'OperationError' || dryRun) {
    expect(changedTables(written, after), `a ${dryRun ? 'dry run' : 'refused call'} wrote: ${about} ${JSON.stringify(result)}`).toEqual([]);
  }
  written = after;
  return result;
}

const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  TABLE_NAMES.filter((name) => before[name] !== after[name]);

// ------------------------------------------------------------------ arbitraries

/** Characters that have broken or faked names elsewhere, mixed with ordinary ones. */
const NASTY = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\t',
  '\n',
  '\r',
  '\u007f',
  '\u0085',
  '\u00ad',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u2028',
  '\ufeff',
  '\u2060',
  '\u3164',
  '\ud800',
  '\udfff',
  '\u{E0041}',
  '\u{1F3F4}',
  ' ',
  'a',
  'é',
  '👩',
  '"',
  '\\',
  "'",
  '%',
  '_',
];
/** Text: half of it plain, so that calls with one bad field reach deep; the rest anything. */
const text = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,20}$/) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...NASTY), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'x'.repeat(257), 'y'.repeat(4_001), 'Expense \u202egpj.exe') },
);

/** One of `ids`, read when generating (the pools are filled after the arbitraries are made). */
const pick = (ids: () => string[]) =>
  fc.nat().map((i) => {
    const all = ids();
    return all[i % all.length]!;
  });
const TYPES = [
  'Flow',
  'User',
  'Group',
  'SharePointList',
  'Connection',
  'ConnectionReference',
  'FlowCopy',
  'Environment',
  'Connector',
  'FlowRun',
  'Nope',
  '',
];
/** An id: mostly (4 in 5) one of the right kind, else one of another kind, of no such thing, or not an id at all. */
const id = (kind: keyof typeof pool) =>
  fc.oneof(
    { weight: 28, arbitrary: pick(() => pool[kind]) },
    { weight: 4, arbitrary: pick(() => Object.values(pool).flat()) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...TYPES), fc.uuid()).map(([type, uuid]) => globalId(type, uuid)) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...TYPES), text).map(([type, key]) => globalId(type, key)) },
    { weight: 1, arbitrary: text },
  );

/** A list: mostly short, sometimes just past a cap or far past all of them. */
const list = <T>(item: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.array(item, { maxLength: 4 }) },
    {
      weight: 1,
      arbitrary: fc.tuple(item, fc.constantFrom(101, 501, 601, 1_001, 2_000)).map(([x, n]) => Array.from({ length: n }, () => x)),
    },
  );

/** An enum value, or sometimes not one. */
const oneOf = (...values: string[]) => fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: text });

/** A date-time string: real ones past and future, impossible ones, and not dates at all. */
const dateTime = fc.oneof(
  fc.date({ min: new Date(-8_000_000_000_000_000), max: new Date(8_000_000_000_000_000), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ min: new Date(), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(
    '2027-02-30T00:00:00Z',
    '2027-01-01T24:00:00Z',
    '2027-13-01T00:00:00Z',
    '2027-01-01',
    '1e13',
    '',
    'tomorrow',
    '+275760-09-13T00:00:00.000Z',
    '0000-01-01T00:00:00Z',
  ),
  text,
);

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });

/** The caller: mostly the maker (who reaches deepest), else anyone in the tenant or outside it, or no one. */
const caller = (usual: 'maker' | 'admin' | 'coowner' = 'maker') =>
  fc
    .oneof(
      { weight: 4, arbitrary: fc.constant(usual) },
      {
        weight: 2,
        arbitrary: fc.constantFrom<keyof Tenant['tokens'] | 'stranger' | 'nobody'>(
          'maker',
          'coowner',
          'admin',
          'basic',
          'free',
          'guest',
          'outsider',
          'stranger',
          'nobody',
        ),
      },
    )
    .map((who) => (who === 'nobody' ? null : who === 'stranger' ? other.tokens.maker : t.tokens[who]));

const action = fc.record({ name: text, connectionId: optional(id('connections')) }, { requiredKeys: ['name'] });

/** A flow package: mostly of the right shape (its connectors the tenants' directory ids, or not), sometimes any JSON. */
const flowPackage = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      formatVersion: fc.constantFrom<unknown>(1, 1, 1, 2, '1', null),
      displayName: text,
      description: optional(text),
      trigger: oneOf('INSTANT', 'AUTOMATED', 'SCHEDULED'),
      actions: list(fc.record({ name: text, connectionReference: fc.option(fc.integer({ min: -1, max: 3 }), { nil: null }) })),
      connectionReferences: list(
        fc.record({
          connector: fc.oneof(
            pick(() => connectorDirectoryIds),
            text,
          ),
          usage: oneOf('EMBEDDED', 'OTHER'),
          runOnlySource: oneOf('EMBEDDED', 'INVOKER'),
        }),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

// ------------------------------------------------------------------ every mutation

type Fuzzed = [string, TypedDocumentNode<unknown, never>, fc.Arbitrary<Record<string, unknown>>, ReturnType<typeof caller>];
// The ones that can take fixtures away (roles, policy, primary owner, deletion) run last, so
// the others meet a tenant worth fuzzing.
const MUTATIONS: Fuzzed[] = [
  [
    'createFlow',
    CreateFlow,
    fc.record(
      {
        environmentId: id('environments'),
        displayName: text,
        description: optional(text),
        trigger: oneOf('INSTANT', 'AUTOMATED', 'SCHEDULED'),
        solutionAware: optional(fc.boolean()),
        actions: list(action),
        otherConnectionIds: optional(list(id('connections'))),
      },
      { requiredKeys: ['environmentId', 'displayName', 'trigger', 'actions'] },
    ),
    caller(),
  ],
  [
    'updateFlow',
    UpdateFlow,
    fc.record(
      {
        flowId: id('flows'),
        displayName: optional(text),
        description: optional(text),
        actions: optional(list(action)),
        otherConnectionIds: optional(list(id('connections'))),
      },
      { requiredKeys: ['flowId'] },
    ),
    caller(),
  ],
  [
    'createConnection',
    CreateConnection,
    fc.record(
      {
        environmentId: id('environments'),
        connectorId: id('connectors'),
        displayName: text,
        flowId: optional(id('flows')),
      },
      { requiredKeys: ['environmentId', 'connectorId', 'displayName'] },
    ),
    caller(),
  ],
  [
    'replaceFlowConnection',
    TryReplaceFlowConnection,
    fc.record({ connectionReferenceId: id('refs'), connectionId: id('connections') }),
    caller(),
  ],
  ['updateConnectionCredentials', TryUpdateConnectionCredentials, fc.record({ connectionId: id('connections') }), caller()],
  ['setFlowState', SetFlowState, fc.record({ flowId: id('flows'), state: oneOf('ON', 'OFF', 'SUSPENDED') }), caller()],
  [
    'modifyFlowOwners',
    TryModifyFlowOwners,
    fc.record(
      {
        flowId: id('flows'),
        add: optional(list(id('principals'))),
        remove: optional(list(id('principals'))),
        expiresAt: optional(dateTime),
      },
      { requiredKeys: ['flowId'] },
    ),
    caller(),
  ],
  [
    'modifyRunOnlyUsers',
    TryModifyRunOnlyUsers,
    fc.record(
      {
        flowId: id('flows'),
        add: optional(list(id('principals'))),
        remove: optional(list(id('principals'))),
        expiresAt: optional(dateTime),
        connectionSources: optional(list(fc.record({ connectionReferenceId: id('refs'), source: oneOf('EMBEDDED', 'INVOKER') }))),
      },
      { requiredKeys: ['flowId'] },
    ),
    caller(),
  ],
  [
    'triggerFlow',
    TryTriggerFlow,
    fc.record({ flowId: id('flows'), invokerConnectionIds: optional(list(id('connections'))) }, { requiredKeys: ['flowId'] }),
    caller(),
  ],
  [
    'sendFlowCopy',
    TrySendFlowCopy,
    fc.record(
      {
        flowId: id('flows'),
        recipientIds: list(id('principals')),
        displayName: optional(text),
        description: optional(text),
      },
      { requiredKeys: ['flowId', 'recipientIds'] },
    ),
    caller(),
  ],
  [
    'createFlowFromCopy',
    TryCreateFlowFromCopy,
    fc.record(
      {
        copyId: id('copies'),
        environmentId: id('environments'),
        connectionIds: optional(list(id('connections'))),
      },
      { requiredKeys: ['copyId', 'environmentId'] },
    ),
    caller('coowner'),
  ],
  [
    'importFlowPackage',
    TryImportFlowPackage,
    fc.record(
      {
        environmentId: id('environments'),
        package: flowPackage,
        connectionIds: optional(list(id('connections'))),
        displayName: optional(text),
      },
      { requiredKeys: ['environmentId', 'package'] },
    ),
    caller(),
  ],
  ['saveFlowAs', TrySaveFlowAs, fc.record({ flowId: id('flows'), displayName: text }), caller()],
  [
    'setEnvironmentRole',
    TrySetEnvironmentRole,
    fc.record(
      {
        environmentId: id('environments'),
        userId: id('principals'),
        role: optional(oneOf('ENVIRONMENT_ADMIN', 'ENVIRONMENT_MAKER', 'BASIC_USER')),
      },
      { requiredKeys: ['environmentId', 'userId'] },
    ),
    caller('admin'),
  ],
  [
    'setDlpPolicy',
    TrySetDlpPolicy,
    fc.record({
      environmentId: id('environments'),
      classifications: list(fc.record({ connectorId: id('connectors'), class: oneOf('BUSINESS', 'NON_BUSINESS', 'BLOCKED') })),
    }),
    caller('admin'),
  ],
  // Bulk changes (S25): dry runs half the time (they must write nothing either way they end).
  [
    'replaceConnectionEverywhere',
    TryReplaceConnectionEverywhere,
    fc.record(
      {
        connectionId: id('connections'),
        newConnectionId: id('connections'),
        dryRun: optional(fc.boolean()),
      },
      { requiredKeys: ['connectionId', 'newConnectionId'] },
    ),
    caller(),
  ],
  [
    'reassignFlows',
    TryReassignFlows,
    fc.record(
      {
        environmentId: id('environments'),
        fromUserId: id('principals'),
        toUserId: id('principals'),
        removeFromUser: optional(fc.boolean()),
        dryRun: optional(fc.boolean()),
      },
      { requiredKeys: ['environmentId', 'fromUserId', 'toUserId'] },
    ),
    caller('admin'),
  ],
  [
    'removePrincipalFromFlows',
    TryRemovePrincipalFromFlows,
    fc.record(
      {
        environmentId: id('environments'),
        principalId: id('principals'),
        dryRun: optional(fc.boolean()),
      },
      { requiredKeys: ['environmentId', 'principalId'] },
    ),
    caller('admin'),
  ],
  ['changePrimaryOwner', TryChangePrimaryOwner, fc.record({ flowId: id('flows'), newOwnerId: id('principals') }), caller()],
  ['deleteFlow', DeleteFlow, fc.record({ flowId: id('flows') }), caller()],
];

describe('fuzzing strings and lists where everything else is right', () => {
  it('a flow name, description or action name is stored as given (trimmed) or refused naming that field', async () => {
    await fc.assert(
      fc.asyncProperty(text, optional(text), text, async (displayName, description, actionName) => {
        const result = await judge(
          CreateFlow,
          { environmentId: t.defaultEnv, displayName, description, trigger: 'INSTANT', actions: [{ name: actionName }] },
          t.tokens.maker,
        );
        if (result?.__typename === 'OperationError') {
          expect(result.code).toBe('INVALID_INPUT');
          expect([
            ['input', 'displayName'],
            ['input', 'description'],
            ['input', 'actions', '0', 'name'],
          ]).toContainEqual(result.field);
        } else {
          const { flow } = result as unknown as { flow: { displayName: string; description: string | null; actions: { name: string }[] } };
          expect(flow.displayName).toBe(displayName.trim());
          expect(flow.actions[0]!.name).toBe(actionName.trim());
          expect(flow.description).toBe(description === null ? null : description.trim());
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('a flow refused for its connections after its rows were written leaves nothing behind', async () => {
    // The maker's own connections, the co-owner's, another tenant's, one made inside another flow:
    // createFlow writes the flow and its owner before it checks them, updateFlow its actions.
    const connections = fc.array(
      pick(() => pool.connections),
      { maxLength: 4 },
    );
    await fc.assert(
      fc.asyncProperty(fc.boolean(), connections, connections, async (create, used, others) => {
        const actions = used.map((connectionId, i) => ({ name: `Step ${i}`, connectionId }));
        const result = create
          ? await judge(
              CreateFlow,
              { environmentId: t.defaultEnv, displayName: 'Deep', trigger: 'INSTANT', actions, otherConnectionIds: others },
              t.tokens.maker,
            )
          : await judge(UpdateFlow, { flowId: pool.flows[0], actions, otherConnectionIds: others }, t.tokens.maker);
        expect(['CreateFlowSuccess', 'UpdateFlowSuccess', 'OperationError']).toContain(result?.__typename);
      }),
      { numRuns: RUNS },
    );
  });

  it('a list of principals over its cap is INVALID_INPUT naming the list', async () => {
    const docs = [TryModifyFlowOwners, TryModifyRunOnlyUsers] as TypedDocumentNode<unknown, never>[];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(101, 1_000, 5_000),
        fc.constantFrom('add', 'remove'),
        fc.constantFrom(...docs),
        async (n, which, doc) => {
          const input = { flowId: pool.flows[0], [which]: Array.from({ length: n }, () => t.users.guest) };
          expect(await judge(doc, input, t.tokens.maker)).toMatchObject({
            __typename: 'OperationError',
            code: 'INVALID_INPUT',
            field: ['input', which],
          });
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('fuzzing every mutation: no 5xx, no masked error, nothing written when refused', () => {
  it('covers every mutation of the schema', () => {
    const schema = buildSchema(readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8'));
    expect(MUTATIONS.map(([name]) => name).sort()).toEqual(Object.keys(schema.getMutationType()!.getFields()).sort());
  });

  for (const [name, doc, input, token] of MUTATIONS) {
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(input, token, async (value, bearer) => void (await judge(doc, value, bearer))),
        { numRuns: RUNS },
      );
    });
  }
});

describe('after all that', () => {
  it('no stored string breaks S27', async () => {
    const columns: [string, string, 'name' | 'description'][] = [
      ['flows', 'display_name', 'name'],
      ['flows', 'description', 'description'],
      ['flow_actions', 'name', 'name'],
      ['connections', 'display_name', 'name'],
      ['flow_copies', 'display_name', 'name'],
      ['flow_copies', 'description', 'description'],
    ];
    for (const [table, column, kind] of columns) {
      const result = (await app.database.db.execute(
        sql.raw(`select "${column}" as value from "${table}" where "${column}" is not null`),
      )) as unknown as { value: string }[] | { rows: { value: string }[] };
      const rows = Array.isArray(result) ? result : result.rows;
      expect(rows.length, `${table}.${column}`).toBeGreaterThan(0);
      for (const { value } of rows) expect(textFault(value, kind), `${table}.${column}: ${JSON.stringify(value)}`).toBeNull();
    }
  });
});
