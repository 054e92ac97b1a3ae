// triggerFlow and run history (S8, S9, S17, S18): who may run, what each action runs on.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connections } from '../src/db/tables.js';
import { parseGlobalId } from '../src/graphql/ids.js';
import { graphql } from './gql/index.js';
import type { TriggerFlowInput } from './gql/graphql.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { SetFlowState } from './support/documents.js';
import { connectionOf, failure, flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const TriggerFlow = graphql(`
  mutation TriggerFlow($input: TriggerFlowInput!) {
    triggerFlow(input: $input) {
      __typename
      ... on TriggerFlowSuccess { run { id status invoker { id } flow { id } failures { actionName reason connection { id } } } }
      ... on OperationError { code message field }
    }
  }
`);
const Runs = graphql(`
  query Runs($id: ID!) { node(id: $id) { ... on Flow { runs { totalCount edges { node { id invoker { id } status } } } } } }
`);
const RunNode = graphql(`
  query RunNode($id: ID!) { node(id: $id) { __typename ... on FlowRun { id status } } }
`);
const ShareRunOnly = graphql(`
  mutation ShareRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }
`);

let app: TestApp;
let t: Tenant;
let other: Tenant;
let flow: Awaited<ReturnType<typeof flowOf>>;
let sp: string;
let mail: string;

beforeAll(async () => {
  app = await startTestApp();
  [t, other] = await Promise.all([makeTenant(app), makeTenant(app)]);
  sp = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
  mail = await connectionOf(app, t.tokens.maker, { environmentId: t.defaultEnv, connectorId: t.outlook });
  flow = await flowOf(app, t.tokens.maker, {
    environmentId: t.defaultEnv,
    trigger: 'INSTANT',
    actions: [{ name: 'Get', connectionId: sp }, { name: 'Mail', connectionId: mail }, { name: 'Compose' }],
  });
  // Run-only for the co-owner-to-be; Outlook provided by each runner (INVOKER).
  const mailRef = flow.connectionReferences.find((r) => r.connection?.id === mail)!.id;
  ok(
    await app.gql(
      ShareRunOnly,
      { input: { flowId: flow.id, add: [t.users.coowner], connectionSources: [{ connectionReferenceId: mailRef, source: 'INVOKER' }] } },
      t.tokens.maker,
    ),
  );
});
afterAll(() => app?.close());

const trigger = async (input: TriggerFlowInput, token: string) => ok(await app.gql(TriggerFlow, { input }, token)).triggerFlow;
const ran = async (input: TriggerFlowInput, token: string) => {
  const r = await trigger(input, token);
  if (r.__typename !== 'TriggerFlowSuccess') throw new Error(JSON.stringify(r));
  return r.run;
};

describe('triggerFlow', () => {
  it('an owner runs on the embedded connections, INVOKER or not (S9)', async () => {
    const run = await ran({ flowId: flow.id }, t.tokens.maker);
    expect(run).toMatchObject({ status: 'SUCCEEDED', invoker: { id: t.users.maker }, flow: { id: flow.id }, failures: [] });
  });

  it('a run-only user brings their own connection for INVOKER references; without one, that action fails', async () => {
    const missing = await ran({ flowId: flow.id }, t.tokens.coowner);
    expect(missing).toMatchObject({
      status: 'FAILED',
      failures: [{ actionName: 'Mail', reason: 'INVOKER_CONNECTION_MISSING', connection: null }],
    });
    const own = await connectionOf(app, t.tokens.coowner, { environmentId: t.defaultEnv, connectorId: t.outlook });
    const fine = await ran({ flowId: flow.id, invokerConnectionIds: [own] }, t.tokens.coowner);
    expect(fine).toMatchObject({ status: 'SUCCEEDED', failures: [] });
    // Someone else's connection, or one of a connector no reference takes from the runner, is refused.
    expect(failure(await trigger({ flowId: flow.id, invokerConnectionIds: [mail] }, t.tokens.coowner))).toMatchObject({
      code: 'CONNECTION_NOT_OWNED',
      field: ['input', 'invokerConnectionIds', '0'],
    });
    const ownSp = await connectionOf(app, t.tokens.coowner, { environmentId: t.defaultEnv, connectorId: t.sharepoint });
    expect(failure(await trigger({ flowId: flow.id, invokerConnectionIds: [ownSp] }, t.tokens.coowner))).toMatchObject({
      code: 'CONNECTOR_MISMATCH',
      field: ['input', 'invokerConnectionIds', '0'],
    });
  });

  it('an embedded connection in ERROR fails its action (CONNECTION_ERROR), until its owner re-enters credentials', async () => {
    await app.database.db
      .update(connections)
      .set({ status: 'ERROR' })
      .where(eq(connections.id, parseGlobalId(sp)!.id));
    const run = await ran({ flowId: flow.id }, t.tokens.maker);
    expect(run).toMatchObject({ status: 'FAILED', failures: [{ actionName: 'Get', reason: 'CONNECTION_ERROR', connection: { id: sp } }] });
    await app.database.db
      .update(connections)
      .set({ status: 'CONNECTED' })
      .where(eq(connections.id, parseGlobalId(sp)!.id));
  });

  it('refuses an OFF flow (FLOW_NOT_RUNNABLE), strangers (NOT_FOUND), and anonymous callers', async () => {
    const off = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    ok(await app.gql(SetFlowState, { input: { flowId: off.id, state: 'OFF' } }, t.tokens.maker));
    expect(failure(await trigger({ flowId: off.id }, t.tokens.maker))).toMatchObject({
      code: 'FLOW_NOT_RUNNABLE',
      field: ['input', 'flowId'],
    });
    expect(failure(await trigger({ flowId: flow.id }, other.tokens.admin))).toMatchObject({ code: 'NOT_FOUND' });
    expect(failure(await trigger({ flowId: flow.id }, t.tokens.guest))).toMatchObject({ code: 'NOT_FOUND' });
    const anonymous = await app.gql(TriggerFlow, { input: { flowId: flow.id } }, null);
    expect([anonymous.status, anonymous.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('run history', () => {
  it('owners see every run; a run-only user sees only their own (S8)', async () => {
    const mine = await ran({ flowId: flow.id }, t.tokens.coowner);
    const theirs = await ran({ flowId: flow.id }, t.tokens.maker);
    const asOwner = ok(await app.gql(Runs, { id: flow.id }, t.tokens.maker)).node as {
      runs: { edges: { node: { invoker: { id: string } } }[] };
    };
    expect(new Set(asOwner.runs.edges.map((e) => e.node.invoker.id))).toEqual(new Set([t.users.maker, t.users.coowner]));
    const asRunner = ok(await app.gql(Runs, { id: flow.id }, t.tokens.coowner)).node as {
      runs: { edges: { node: { invoker: { id: string } } }[] };
    };
    expect(asRunner.runs.edges.every((e) => e.node.invoker.id === t.users.coowner)).toBe(true);
    expect(ok(await app.gql(RunNode, { id: mine.id }, t.tokens.coowner)).node).toMatchObject({ __typename: 'FlowRun' });
    expect(ok(await app.gql(RunNode, { id: theirs.id }, t.tokens.coowner)).node).toBeNull();
    expect(ok(await app.gql(RunNode, { id: theirs.id }, other.tokens.admin)).node).toBeNull();
  });
});
