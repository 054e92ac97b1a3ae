// exportFlow and importFlowPackage (issue 15, part 2): the package format, who may export,
// the round trip (INVOKER sources and references of one connector kept apart), and every
// refusal of an import, none of which writes anything.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/config.js';
import { connectionReferences, flows } from '../src/db/tables.js';
import { parseGlobalId } from '../src/graphql/ids.js';
import { MAX_PACKAGE_BYTES, packageSchema } from '../src/sharing/packages.js';
import { graphql } from './gql/index.js';
import type { ImportFlowPackageInput } from './gql/graphql.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { FlowById } from './support/documents.js';
import { connectionOf, failure, flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const ExportFlow = graphql(`
  query ExportFlow($flowId: ID!) { exportFlow(flowId: $flowId) { content exportedAt } }
`);
const ImportFlowPackage = graphql(`
  mutation ImportFlowPackage($input: ImportFlowPackageInput!) {
    importFlowPackage(input: $input) {
      __typename
      ... on ImportFlowPackageSuccess {
        flow {
          id displayName description trigger environment { id } creator { id } primaryOwner { id }
          actions { name connectionReference { id } }
          connectionReferences { id usage runOnlySource connection { id } }
        }
      }
      ... on OperationError { code message field }
    }
  }
`);
const ShareRunOnly = graphql(`
  mutation PackagesShareRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }
`);
const ShareOwners = graphql(`
  mutation PackagesShareOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);

let app: TestApp;
let t: Tenant;
let other: Tenant;
let source: Awaited<ReturnType<typeof flowOf>>;
/** The other tenant's maker's connections, for the tenant's connectors (connectors are the directory's, not a tenant's). */
let otherSp: string;
let otherMail: string;

beforeAll(async () => {
  // A body larger than the default, so that a package over 1 MB reaches the package check.
  app = await startTestApp({ server: { limits: { ...DEFAULT_LIMITS, bodyBytes: 3_000_000 } } });
  [t, other] = await Promise.all([makeTenant(app), makeTenant(app)]);
  const conn = (token: string, environmentId: string, connectorId: string) => connectionOf(app, token, { environmentId, connectorId });
  const [sp, sp2, mail, spare] = await Promise.all([
    conn(t.tokens.maker, t.defaultEnv, t.sharepoint),
    conn(t.tokens.maker, t.defaultEnv, t.sharepoint),
    conn(t.tokens.maker, t.defaultEnv, t.outlook),
    conn(t.tokens.maker, t.defaultEnv, t.outlook),
  ]);
  source = await flowOf(app, t.tokens.maker, {
    environmentId: t.defaultEnv,
    displayName: 'Expense approval',
    description: 'Approve expenses\nand mail the result',
    trigger: 'INSTANT',
    actions: [
      { name: 'Get item', connectionId: sp },
      { name: 'Mail', connectionId: mail },
      { name: 'Compose' },
      { name: 'Get other item', connectionId: sp2 },
    ],
    otherConnectionIds: [spare],
  });
  const mailRef = source.connectionReferences.find((r) => r.connection?.id === mail)!.id;
  ok(
    await app.gql(
      ShareRunOnly,
      { input: { flowId: source.id, add: [t.users.guest], connectionSources: [{ connectionReferenceId: mailRef, source: 'INVOKER' }] } },
      t.tokens.maker,
    ),
  );
  ok(await app.gql(ShareOwners, { input: { flowId: source.id, add: [t.users.coowner] } }, t.tokens.maker));
  [otherSp, otherMail] = await Promise.all([
    conn(other.tokens.maker, other.defaultEnv, t.sharepoint),
    conn(other.tokens.maker, other.defaultEnv, t.outlook),
  ]);
});
afterAll(() => app?.close());

const exported = async (flowId: string, token: string) => ok(await app.gql(ExportFlow, { flowId }, token)).exportFlow;
const errorCode = async (flowId: string, token: string | null) =>
  (await app.gql(ExportFlow, { flowId }, token)).errors?.[0]?.extensions?.code;
const tryImport = async (input: ImportFlowPackageInput, token: string) =>
  ok(await app.gql(ImportFlowPackage, { input }, token)).importFlowPackage;
const imported = async (input: ImportFlowPackageInput, token: string) => {
  const r = await tryImport(input, token);
  if (r.__typename !== 'ImportFlowPackageSuccess') throw new Error(JSON.stringify(r));
  return r.flow;
};

const expectedPackage = () => ({
  formatVersion: 1,
  displayName: 'Expense approval',
  description: 'Approve expenses\nand mail the result',
  trigger: 'INSTANT',
  actions: [
    { name: 'Get item', connectionReference: 0 },
    { name: 'Mail', connectionReference: 1 },
    { name: 'Compose', connectionReference: null },
    { name: 'Get other item', connectionReference: 2 },
  ],
  connectionReferences: [
    { connector: t.ext('sharepoint'), usage: 'EMBEDDED', runOnlySource: 'EMBEDDED' },
    { connector: t.ext('outlook'), usage: 'EMBEDDED', runOnlySource: 'INVOKER' },
    { connector: t.ext('sharepoint'), usage: 'EMBEDDED', runOnlySource: 'EMBEDDED' },
    { connector: t.ext('outlook'), usage: 'OTHER', runOnlySource: 'EMBEDDED' },
  ],
});

describe('exportFlow', () => {
  it('writes the flow as a version 1 package valid by the published JSON Schema, with no id of this deployment', async () => {
    const { content, exportedAt } = await exported(source.id, t.tokens.maker);
    expect(content).toEqual(expectedPackage());
    expect(Date.now() - Date.parse(exportedAt)).toBeLessThan(60_000);
    const validate = new Ajv2020({ strict: true }).compile(packageSchema);
    expect(validate(content), JSON.stringify(validate.errors)).toBe(true);
    const text = JSON.stringify(content);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    for (const id of source.connectionReferences.map((r) => r.connection!.id)) expect(text).not.toContain(id);
  });

  it('is for owners and environment admins: NOT_AUTHORIZED for run-only users, NOT_FOUND for those who cannot see the flow', async () => {
    expect((await exported(source.id, t.tokens.coowner)).content).toEqual(expectedPackage());
    expect((await exported(source.id, t.tokens.admin)).content).toEqual(expectedPackage());
    expect(await errorCode(source.id, t.tokens.guest)).toBe('NOT_AUTHORIZED'); // run-only
    expect(await errorCode(source.id, t.tokens.basic)).toBe('NOT_FOUND'); // no access
    expect(await errorCode(source.id, other.tokens.admin)).toBe('NOT_FOUND'); // another tenant (S20)
    expect(await errorCode('not-an-id', t.tokens.maker)).toBe('INVALID_INPUT');
    expect(await errorCode(source.id, null)).toBe('UNAUTHENTICATED');
  });
});

describe('importFlowPackage', () => {
  it('round trip: export, import in another tenant, export again gives the same package (INVOKER and every reference kept)', async () => {
    const { content } = await exported(source.id, t.tokens.maker);
    const flow = await imported(
      { environmentId: other.defaultEnv, package: content, connectionIds: [otherMail, otherSp] },
      other.tokens.maker,
    );
    expect(flow).toMatchObject({
      displayName: 'Expense approval',
      description: 'Approve expenses\nand mail the result',
      trigger: 'INSTANT',
      environment: { id: other.defaultEnv },
      creator: { id: other.users.maker },
      primaryOwner: { id: other.users.maker },
    });
    // One connection serves every reference of its connector; each reference keeps its own row.
    expect(flow.connectionReferences.map((r) => [r.connection?.id, r.usage, r.runOnlySource])).toEqual([
      [otherSp, 'EMBEDDED', 'EMBEDDED'],
      [otherMail, 'EMBEDDED', 'INVOKER'],
      [otherSp, 'EMBEDDED', 'EMBEDDED'],
      [otherMail, 'OTHER', 'EMBEDDED'],
    ]);
    expect(new Set(flow.connectionReferences.map((r) => r.id)).size).toBe(4);
    const refs = flow.connectionReferences.map((r) => r.id);
    expect(flow.actions!.map((a) => [a.name, a.connectionReference?.id ?? null])).toEqual([
      ['Get item', refs[0]],
      ['Mail', refs[1]],
      ['Compose', null],
      ['Get other item', refs[2]],
    ]);
    expect((await exported(flow.id, other.tokens.maker)).content).toEqual(content);
  });

  it('takes a new name, and a package with no connection needs none', async () => {
    const pkg = {
      ...expectedPackage(),
      actions: [{ name: 'Compose', connectionReference: null }],
      connectionReferences: [],
      trigger: 'SCHEDULED',
    };
    const flow = await imported({ environmentId: t.securedEnv, package: pkg, displayName: '  Nightly  ' }, t.tokens.maker);
    expect(flow).toMatchObject({
      displayName: 'Nightly',
      trigger: 'SCHEDULED',
      environment: { id: t.securedEnv },
      connectionReferences: [],
    });
    const node = ok(await app.gql(FlowById, { id: flow.id }, t.tokens.maker)).node;
    expect(node).toMatchObject({ viewerAccess: { level: 'OWNER', canEdit: true } });
  });

  it('refuses what it must, with its code and the JSON path at fault, and writes nothing', async () => {
    const flowsBefore = await tenantFlows();
    const pkg = expectedPackage();
    const connectionIds = [otherSp, otherMail];
    const mine = { environmentId: other.defaultEnv, connectionIds };
    const tMail = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.outlook });
    const [otherSp2] = await Promise.all([
      connectionOf(app, other.tokens.maker, { environmentId: other.defaultEnv, connectorId: t.sharepoint }),
    ]);
    const otherOwn = await connectionOf(app, other.tokens.maker, { environmentId: other.defaultEnv, connectorId: other.outlook });
    const coownersSp = await connectionOf(app, other.tokens.coowner, { environmentId: other.defaultEnv, connectorId: t.sharepoint });
    const { displayName: _, ...nameless } = pkg;
    const cases: [string, string, ImportFlowPackageInput, string, string[] | null][] = [
      [
        'a package failing the schema (a required property)',
        other.tokens.maker,
        { ...mine, package: nameless },
        'INVALID_INPUT',
        ['input', 'package', 'displayName'],
      ],
      [
        'a package failing the schema (a wrong type)',
        other.tokens.maker,
        { ...mine, package: { ...pkg, actions: [pkg.actions[0], { name: 'Mail', connectionReference: 'one' }] } },
        'INVALID_INPUT',
        ['input', 'package', 'actions', '1', 'connectionReference'],
      ],
      [
        'a package failing the schema (an unknown property)',
        other.tokens.maker,
        { ...mine, package: { ...pkg, connectionReferences: [{ ...pkg.connectionReferences[0], connectionId: 'x' }] } },
        'INVALID_INPUT',
        ['input', 'package', 'connectionReferences', '0', 'connectionId'],
      ],
      ['a package that is not an object', other.tokens.maker, { ...mine, package: [pkg] }, 'INVALID_INPUT', ['input', 'package']],
      [
        'an unknown version',
        other.tokens.maker,
        { ...mine, package: { ...pkg, formatVersion: 2 } },
        'INVALID_INPUT',
        ['input', 'package', 'formatVersion'],
      ],
      [
        'over 1 MB',
        other.tokens.maker,
        { ...mine, package: { ...pkg, padding: 'x'.repeat(MAX_PACKAGE_BYTES) } },
        'INVALID_INPUT',
        ['input', 'package'],
      ],
      [
        'a name with a control character (S27)',
        other.tokens.maker,
        { ...mine, package: { ...pkg, displayName: 'Bad\u0000name' } },
        'INVALID_INPUT',
        ['input', 'package', 'displayName'],
      ],
      [
        'an action name twice',
        other.tokens.maker,
        { ...mine, package: { ...pkg, actions: [pkg.actions[0], { ...pkg.actions[2], name: 'Get item' }] } },
        'INVALID_INPUT',
        ['input', 'package', 'actions', '1', 'name'],
      ],
      [
        'an action of a reference that is not there',
        other.tokens.maker,
        { ...mine, package: { ...pkg, actions: [{ name: 'Get item', connectionReference: 7 }] } },
        'INVALID_INPUT',
        ['input', 'package', 'actions', '0', 'connectionReference'],
      ],
      [
        'a usage the actions contradict',
        other.tokens.maker,
        {
          ...mine,
          package: { ...pkg, connectionReferences: pkg.connectionReferences.map((r, i) => (i === 3 ? { ...r, usage: 'EMBEDDED' } : r)) },
        },
        'INVALID_INPUT',
        ['input', 'package', 'connectionReferences', '3', 'usage'],
      ],
      [
        'INVOKER on a flow that is not instant (S8)',
        other.tokens.maker,
        { ...mine, package: { ...pkg, trigger: 'AUTOMATED' } },
        'RUN_ONLY_REQUIRES_INSTANT_TRIGGER',
        ['input', 'package', 'connectionReferences', '1', 'runOnlySource'],
      ],
      [
        'a connector this directory lacks',
        other.tokens.maker,
        {
          ...mine,
          package: {
            ...pkg,
            connectionReferences: pkg.connectionReferences.map((r, i) => (i === 2 ? { ...r, connector: 'no-such-connector' } : r)),
          },
        },
        'INVALID_INPUT',
        ['input', 'package', 'connectionReferences', '2', 'connector'],
      ],
      [
        'a missing connector, named',
        other.tokens.maker,
        { environmentId: other.defaultEnv, package: pkg, connectionIds: [otherSp] },
        'INVALID_INPUT',
        ['input', 'connectionIds'],
      ],
      [
        "someone else's connection",
        other.tokens.maker,
        { environmentId: other.defaultEnv, package: pkg, connectionIds: [otherMail, coownersSp] },
        'CONNECTION_NOT_OWNED',
        ['input', 'connectionIds', '1'],
      ],
      [
        "another tenant's connection",
        other.tokens.maker,
        { environmentId: other.defaultEnv, package: pkg, connectionIds: [otherSp, tMail] },
        'NOT_FOUND',
        ['input', 'connectionIds', '1'],
      ],
      [
        'a connector the package does not need',
        other.tokens.maker,
        { environmentId: other.defaultEnv, package: pkg, connectionIds: [otherSp, otherMail, otherOwn] },
        'CONNECTOR_MISMATCH',
        ['input', 'connectionIds', '2'],
      ],
      [
        'two connections for one connector',
        other.tokens.maker,
        { environmentId: other.defaultEnv, package: pkg, connectionIds: [otherSp, otherMail, otherSp2] },
        'INVALID_INPUT',
        ['input', 'connectionIds', '2'],
      ],
      [
        'more connection ids than the cap',
        other.tokens.maker,
        { ...mine, package: pkg, connectionIds: Array.from({ length: 101 }, () => otherSp) },
        'INVALID_INPUT',
        ['input', 'connectionIds'],
      ],
      [
        'an empty name for the flow',
        other.tokens.maker,
        { ...mine, package: pkg, displayName: ' ' },
        'INVALID_INPUT',
        ['input', 'displayName'],
      ],
      [
        'a user who may not author flows there (S15)',
        other.tokens.basic,
        { environmentId: other.defaultEnv, package: { ...pkg, actions: [], connectionReferences: [] } },
        'ROLE_REQUIRED',
        null,
      ],
      [
        "a user outside the environment's security group (S16)",
        other.tokens.guest,
        { environmentId: other.securedEnv, package: { ...pkg, actions: [], connectionReferences: [] } },
        'NOT_AUTHORIZED',
        ['input', 'environmentId'],
      ],
      [
        "another tenant's environment",
        other.tokens.maker,
        { environmentId: t.defaultEnv, package: pkg, connectionIds },
        'NOT_FOUND',
        ['input', 'environmentId'],
      ],
      [
        'an id of the wrong kind',
        other.tokens.maker,
        { environmentId: source.id, package: pkg, connectionIds },
        'INVALID_INPUT',
        ['input', 'environmentId'],
      ],
    ];
    for (const [story, token, input, code, field] of cases) {
      const refusal = failure(await tryImport(input, token));
      expect({ story, code: refusal.code, field: refusal.field }).toEqual({ story, code, field: field ?? refusal.field });
    }
    const missing = failure(
      await tryImport({ environmentId: other.defaultEnv, package: pkg, connectionIds: [otherSp] }, other.tokens.maker),
    );
    expect(missing.message).toContain(`Outlook ${t.tag}`);
    expect(missing.message).not.toContain(`SharePoint ${t.tag}`);
    expect(await tenantFlows()).toEqual(flowsBefore);
    const anonymous = await app.gql(ImportFlowPackage, { input: { environmentId: other.defaultEnv, package: pkg } }, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

/** The other tenant's flows and their references, as counted in the database. */
async function tenantFlows() {
  const env = parseGlobalId(other.defaultEnv)!.id;
  const { db } = app.database;
  const [f] = await db.select({ n: count() }).from(flows).where(eq(flows.environmentId, env));
  const [r] = await db
    .select({ n: count() })
    .from(connectionReferences)
    .where(sql`${connectionReferences.flowId} in (select id from flows where environment_id = ${env})`);
  return { flows: f!.n, references: r!.n };
}
