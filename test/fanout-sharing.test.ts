// One live event executed once for every subscription that reads it alike (shared-delivery.ts):
// which selections share (only those with no viewer-specific field, within one tenant), that a
// shared answer is byte for byte the one the subscriber would get alone, that two viewers with
// different access never share one, and that a flow's stream costs no statement per subscriber.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { setTimeout as pause } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryClass, sharedExecutions } from '../src/graphql/shared-delivery.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { flowOf } from './support/fixtures.js';
import { sseSubscribe, typedDocument, wsClient, type Received } from './support/live.js';
import { makeTenant, type Person } from './support/tenant.js';

type Event = { sharingEvents: Record<string, unknown> };
type FlowEvent = { flowSharingEvents: Record<string, unknown> };

const EVERYONE_FIELDS = `kind cursor occurredAt flowId flowDisplayName actorRole __typename
  actor { id displayName email }
  principal { __typename ... on User { id displayName } ... on Group { id displayName } ... on SharePointList { id title } }`;
/** Reads nothing about the viewer: executed once per event for all its subscribers. */
const Shared = typedDocument<Event, Record<string, never>>(`subscription FanoutShared { sharingEvents { ${EVERYONE_FIELDS} } }`);
/** The same answer, but a (skipped) viewer-specific field keeps it on the per-subscriber path. */
const Unshared = typedDocument<Event, Record<string, never>>(
  `subscription FanoutShared { sharingEvents { ${EVERYONE_FIELDS} flow @include(if: false) { id } } }`,
);
/** What the viewer may see of the flow: never shared between viewers. */
const ViewerSpecific = typedDocument<Event, Record<string, never>>(
  'subscription FanoutViewer { sharingEvents { kind flowId flow { id viewerAccess { level } } } }',
);
const FlowShared = typedDocument<FlowEvent, { flowId: string }>(
  'subscription FanoutFlowShared($flowId: ID!) { flowSharingEvents(flowId: $flowId) { kind flowId actor { displayName } } }',
);
const FlowViewer = typedDocument<FlowEvent, { flowId: string }>(
  'subscription FanoutFlowViewer($flowId: ID!) { flowSharingEvents(flowId: $flowId) { kind flow { id owners { totalCount } viewerAccess { level } } } }',
);
const Owners = typedDocument<
  { modifyFlowOwners: { __typename: string } },
  { input: { flowId: string; add?: string[]; remove?: string[] } }
>('mutation FanoutSharingOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }');
const RunOnly = typedDocument<{ modifyRunOnlyUsers: { __typename: string } }, { input: { flowId: string; add: string[] } }>(
  'mutation FanoutSharingRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }',
);

const inTenant = (tenantId: string) => ({ viewer: { tenantId } });
const classOf = (source: string, variableValues?: Record<string, unknown>, tenant = 't1') =>
  deliveryClass({ document: parse(source), variableValues, contextValue: inTenant(tenant) });

describe('which subscriptions share an execution', () => {
  it('those whose every field reads alike to every recipient, through fragments too', () => {
    expect(classOf(`subscription { sharingEvents { ${EVERYONE_FIELDS} } }`)).not.toBeNull();
    expect(
      classOf('subscription { copyReceived { ...E } } fragment E on SharingEvent { kind actor { ...U } } fragment U on User { id }'),
    ).not.toBeNull();
    expect(classOf('subscription { environmentSharingEvents(environmentId: "x") { ... { kind } } }')).not.toBeNull();
  });

  it('not those that read anything about the viewer, however it is reached', () => {
    for (const source of [
      'subscription { sharingEvents { kind flow { id } } }',
      'subscription { sharingEvents { kind flow @include(if: false) { id } } }',
      'subscription { sharingEvents { connection { id } } }',
      'subscription { sharingEvents { ... on SharingEvent { flow { id } } } }',
      'subscription { sharingEvents { ...E } } fragment E on SharingEvent { kind flow { id } }',
      'subscription { sharingEvents { principal { ... on Group { members { totalCount } } } } }',
      'subscription { sharingEvents { actor { tenant { id } } } }',
      'subscription { sharingEvents { actor { ... on Node { id } } } }',
      'subscription { sharingEvents { ...Missing } }',
    ]) {
      expect(classOf(source), source).toBeNull();
    }
  });

  it('only within one tenant, one operation and one set of variables', () => {
    const source = 'subscription A($after: String) { sharingEvents(after: $after) { kind } } subscription B { sharingEvents { kind } }';
    const a = deliveryClass({ document: parse(source), operationName: 'A', contextValue: inTenant('t1') });
    expect(deliveryClass({ document: parse(source), operationName: 'A', contextValue: inTenant('t1') })).toBe(a);
    expect(deliveryClass({ document: parse(source), operationName: 'A', contextValue: inTenant('t2') })).not.toBe(a);
    expect(deliveryClass({ document: parse(source), operationName: 'B', contextValue: inTenant('t1') })).not.toBe(a);
    expect(
      deliveryClass({ document: parse(source), operationName: 'A', variableValues: { after: null }, contextValue: inTenant('t1') }),
    ).not.toBe(a);
    expect(deliveryClass({ document: parse(source), operationName: 'A', contextValue: { viewer: null } })).toBeNull();
  });
});

let app: TestApp;
const clients: { close(): unknown }[] = [];
beforeAll(async () => {
  app = await startTestApp({ countsStatements: true });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await app?.close();
});

function ws<R, V>(token: string, document: TypedDocumentNode<R, V>, variables: V): Received<R> {
  const client = wsClient(app.url, token);
  clients.push(client);
  return client.subscribe(document, variables);
}

describe('one live event, many subscribers', () => {
  it('executes a shared selection once, byte for byte what each would get alone, and never shares between viewers', async () => {
    const t = await makeTenant(app);
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, trigger: 'INSTANT', actions: [] });
    ok(await app.gql(Owners, { input: { flowId: flow.id, add: [t.users.coowner] } }, t.tokens.maker));
    await app.feed.wake(); // that change read by the feed before anyone subscribes (PostgreSQL reads it after the response)

    const shared = [
      ws(t.tokens.maker, Shared, {}),
      ws(t.tokens.maker, Shared, {}),
      ws(t.tokens.coowner, Shared, {}),
      sseSubscribe(app.url, t.tokens.coowner, Shared, {}),
    ];
    clients.push({ close: () => shared[3]!.stop() });
    const alone = [ws(t.tokens.maker, Unshared, {}), ws(t.tokens.coowner, Unshared, {})];
    const [makerView, coownerView] = [ws(t.tokens.maker, ViewerSpecific, {}), ws(t.tokens.coowner, ViewerSpecific, {})];
    await pause(700); // all live

    const before = sharedExecutions.count;
    ok(await app.gql(Owners, { input: { flowId: flow.id, remove: [t.users.coowner] } }, t.tokens.maker));
    const all = [...shared, ...alone, makerView!, coownerView!];
    await Promise.all(all.map((s) => s.waitFor(1, 5000)));
    // One execution for the four subscriptions of the shared selection (two viewers, two transports).
    expect(sharedExecutions.count - before).toBe(1);

    const bytes = (s: Received<Event>) => JSON.stringify(s.events[0]);
    const answer = bytes(shared[0]!);
    expect(JSON.parse(answer).sharingEvents).toMatchObject({
      kind: 'OWNER_REMOVED',
      flowId: flow.id,
      principal: { __typename: 'User', id: t.users.coowner },
      actor: { id: t.users.maker },
    });
    for (const s of [...shared, ...alone]) expect(bytes(s)).toBe(answer);

    // Same document and variables, different access: each their own answer.
    expect(makerView!.events[0]!.sharingEvents).toMatchObject({ flow: { id: flow.id, viewerAccess: { level: 'OWNER' } } });
    expect(coownerView!.events[0]!.sharingEvents).toMatchObject({ kind: 'OWNER_REMOVED', flow: null });
  });

  it('answers a replayed event as it answered it live', async () => {
    const t = await makeTenant(app);
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, trigger: 'INSTANT', actions: [] });
    const live = ws(t.tokens.maker, Shared, {});
    await pause(500);
    ok(await app.gql(Owners, { input: { flowId: flow.id, add: [t.users.coowner] } }, t.tokens.maker));
    ok(await app.gql(Owners, { input: { flowId: flow.id, add: [t.users.free] } }, t.tokens.maker));
    const [first, second] = await live.waitFor(2);
    const Replay = typedDocument<Event, { after: string }>(
      `subscription FanoutReplay($after: String) { sharingEvents(after: $after) { ${EVERYONE_FIELDS} } }`,
    );
    const replayed = await ws(t.tokens.maker, Replay, { after: first!.sharingEvents.cursor as string }).waitFor(1);
    expect(JSON.stringify(replayed[0])).toBe(JSON.stringify(second));
  });
});

/** Statements from a run-only change to its delivery to `subscribers` of the flow's stream. */
async function statementsToDeliver(document: typeof FlowShared | typeof FlowViewer, subscribers: number) {
  const t = await makeTenant(app);
  const owners: Person[] = ['coowner', 'free', 'guest', 'admin'];
  const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, trigger: 'INSTANT', actions: [] });
  ok(await app.gql(Owners, { input: { flowId: flow.id, add: owners.map((p) => t.users[p]) } }, t.tokens.maker));
  await app.feed.wake();
  const watching = (['maker', ...owners] as Person[]).slice(0, subscribers);
  const streams = watching.map((p) => ws(t.tokens[p], document, { flowId: flow.id }));
  await pause(700);
  const before = app.database.statementCount();
  ok(await app.gql(RunOnly, { input: { flowId: flow.id, add: [t.users.basic] } }, t.tokens.maker));
  await Promise.all(streams.map((s) => s.waitFor(1, 5000)));
  // The feed has read the event in every case (with no subscriber nothing waits for it): one more read of an empty log each time.
  await app.feed.wake();
  const statements = app.database.statementCount() - before;
  for (const s of streams) expect(s.events[0]!.flowSharingEvents).toMatchObject({ kind: 'RUN_ONLY_ADDED' });
  return statements;
}

describe("a flow's stream", () => {
  it('costs no statement per subscriber: authorized from the recorded audience, the flow read once for all', async () => {
    const noSubscriber = await statementsToDeliver(FlowShared, 0);
    const sharedOne = await statementsToDeliver(FlowShared, 1);
    const sharedFive = await statementsToDeliver(FlowShared, 5);
    const viewerOne = await statementsToDeliver(FlowViewer, 1);
    const viewerFive = await statementsToDeliver(FlowViewer, 5);
    console.log(
      `flowSharingEvents, statements to change and deliver: shared selection ${sharedOne} (1 subscriber) / ${sharedFive} (5); ` +
        `viewer-specific ${viewerOne} / ${viewerFive}; with no subscriber ${noSubscriber}`,
    );
    expect(sharedFive).toBe(sharedOne);
    expect(viewerFive).toBe(viewerOne);
    // The shared selection reads one row more than no subscriber at all: its actor, once for all.
    expect(sharedFive).toBe(noSubscriber + 1);
  });
});
