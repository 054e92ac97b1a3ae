// S26: a user marked DEPARTED by a directory import has every open stream (sharingEvents,
// copyReceived, flowSharingEvents, environmentSharingEvents; graphql-ws and SSE) ended with
// UNAUTHENTICATED within seconds, whether or not another event comes, on every process, and
// is sent nothing committed after the departure. One server on either database; two server
// processes on PostgreSQL (the directory CLI's NOTIFY reaches the one that never polls).
import { setTimeout as pause } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeEventCursor } from '../src/events/cursor.js';
import type { Person } from './support/tenant.js';
import { oneServer, sseSubscribe, twoProcesses, typedDocument, wsClient, type Received, type World } from './support/live.js';

type Event = { cursor: string; kind: string };
const MyEvents = typedDocument<{ sharingEvents: Event }, { after?: string | null }>(
  'subscription DepartedMine($after: String) { sharingEvents(after: $after) { cursor kind } }',
);
const Copies = typedDocument<{ copyReceived: Event }, { after?: string | null }>(
  'subscription DepartedCopies($after: String) { copyReceived(after: $after) { cursor kind } }',
);
const FlowEvents = typedDocument<{ flowSharingEvents: Event }, { flowId: string; after?: string | null }>(
  'subscription DepartedFlow($flowId: ID!, $after: String) { flowSharingEvents(flowId: $flowId, after: $after) { cursor kind } }',
);
const EnvironmentEvents = typedDocument<{ environmentSharingEvents: Event }, { environmentId: string; after?: string | null }>(
  'subscription DepartedEnvironment($environmentId: ID!, $after: String) { environmentSharingEvents(environmentId: $environmentId, after: $after) { cursor kind } }',
);
const NewFlow = typedDocument<{ createFlow: { __typename: string; flow?: { id: string } } }, { environmentId: string }>(
  `mutation DepartedNewFlow($environmentId: ID!) {
    createFlow(input: { environmentId: $environmentId, displayName: "Shared", trigger: INSTANT, actions: [] }) { __typename ... on CreateFlowSuccess { flow { id } } }
  }`,
);
const Owners = typedDocument<{ modifyFlowOwners: { __typename: string } }, { flowId: string; add: string[] }>(
  'mutation DepartedOwners($flowId: ID!, $add: [ID!]) { modifyFlowOwners(input: { flowId: $flowId, add: $add }) { __typename } }',
);
const RunOnly = typedDocument<{ modifyRunOnlyUsers: { __typename: string } }, { flowId: string; add: string[] }>(
  'mutation DepartedRunOnly($flowId: ID!, $add: [ID!]) { modifyRunOnlyUsers(input: { flowId: $flowId, add: $add }) { __typename } }',
);

const START = encodeEventCursor(0);

type Stream = { name: string; received: Received<unknown>; replayed: number };

/**
 * The co-owner (their own events, copies, the flow's) and the admin (the environment's) follow
 * on every server over both transports; both leave in one import. With `thenAnEvent`, the
 * maker changes the flow right after: an event every stream would otherwise carry.
 */
async function departedStreamsEnd(world: World, thenAnEvent: boolean) {
  const people = await world.tenant();
  const environmentId = await people.defaultEnv();
  const { createFlow } = await people.gql(world.urls[0]!, NewFlow, { environmentId }, 'maker');
  const flowId = createFlow.flow!.id;
  expect(
    (await people.gql(world.urls[0]!, Owners, { flowId, add: [await people.user('coowner')] }, 'maker')).modifyFlowOwners.__typename,
  ).toBe('ModifyFlowOwnersSuccess');

  const streams: Stream[] = [];
  for (const [i, url] of world.urls.entries()) {
    const open = async <R, V>(
      person: Person,
      name: string,
      document: Parameters<typeof sseSubscribe<R, V>>[2],
      variables: V,
      replayed: number,
    ) => {
      const token = await people.token(person);
      const ws = world.track(wsClient(url, token)).subscribe(document, variables);
      const sse = sseSubscribe(url, token, document, variables);
      world.track({ close: () => sse.stop() });
      streams.push({ name: `${name} over graphql-ws on server ${i}`, received: ws as Received<unknown>, replayed });
      streams.push({ name: `${name} over SSE on server ${i}`, received: sse as Received<unknown>, replayed });
    };
    // Each replays the OWNER_ADDED from START (so it is known to be running), except copies.
    await open('coowner', 'sharingEvents', MyEvents, { after: START }, 1);
    await open('coowner', 'copyReceived', Copies, { after: START }, 0);
    await open('coowner', 'flowSharingEvents', FlowEvents, { flowId, after: START }, 1);
    await open('admin', 'environmentSharingEvents', EnvironmentEvents, { environmentId, after: START }, 1);
  }
  await Promise.all(streams.map((s) => s.received.waitFor(s.replayed)));
  await pause(300); // live, every one of them (copyReceived has nothing to replay)

  await people.depart(['coowner', 'admin']);
  const departed = Date.now();
  if (thenAnEvent) {
    const url = world.urls.at(-1)!;
    expect((await people.gql(url, RunOnly, { flowId, add: [await people.user('guest')] }, 'maker')).modifyRunOnlyUsers.__typename).toBe(
      'ModifyRunOnlyUsersSuccess',
    );
  }

  const outcomes = await Promise.all(
    streams.map(async (s) => {
      await s.received.ended(5000).catch(() => {});
      return {
        name: s.name,
        events: s.received.events.length,
        code: s.received.errors[0]?.extensions?.code ?? (s.received.completed ? 'COMPLETED' : 'STILL OPEN'),
      };
    }),
  );
  expect(Date.now() - departed).toBeLessThan(5000);
  expect(outcomes).toEqual(streams.map((s) => ({ name: s.name, events: s.replayed, code: 'UNAUTHENTICATED' })));
  expect(streams[0]!.received.errors[0]!.message).toMatch(/left the organization/);
}

describe("a departed user's open streams (S26), one server", () => {
  let world: World;
  beforeAll(async () => {
    world = await oneServer();
  });
  afterAll(() => world?.close());

  it('end with UNAUTHENTICATED within 5 s when no other event comes', () => departedStreamsEnd(world, false));
  it('end with UNAUTHENTICATED within 5 s, without the event committed after the departure', () => departedStreamsEnd(world, true));
});

describe.runIf(process.env.DATABASE_URL)("a departed user's open streams (S26), two server processes on one PostgreSQL", () => {
  let world: World;
  beforeAll(async () => {
    world = await twoProcesses();
  }, 60_000);
  afterAll(() => world?.close());

  it('end on both processes within 5 s when no other event comes', () => departedStreamsEnd(world, false), 30_000);
  it('end on both processes within 5 s, without the event committed after the departure', () => departedStreamsEnd(world, true), 30_000);
});
