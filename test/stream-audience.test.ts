// S28: a stream delivers an event to a viewer iff the viewer could see it when it committed.
// Owner changes race deleteFlow; every flowSharingEvents stream of someone who could see the
// flow throughout (primary owner, co-owner, environment admin; graphql-ws and SSE) gets every
// committed OWNER_* event and FLOW_DELETED, in log order, then completes: none ends
// NOT_AUTHORIZED because the flow is gone by delivery. One server on either database; two
// server processes on PostgreSQL, the mutations spread over both.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharingEvents } from '../src/db/tables.js';
import { encodeEventCursor } from '../src/events/cursor.js';
import { parseGlobalId } from '../src/graphql/ids.js';
import { oneServer, sseSubscribe, twoProcesses, typedDocument, wsClient, type Received, type World } from './support/live.js';
import type { Person } from './support/tenant.js';

type Event = { cursor: string; kind: string };
const FlowEvents = typedDocument<{ flowSharingEvents: Event }, { flowId: string; after?: string | null }>(
  'subscription AudienceFlow($flowId: ID!, $after: String) { flowSharingEvents(flowId: $flowId, after: $after) { cursor kind } }',
);
const NewFlow = typedDocument<{ createFlow: { __typename: string; flow?: { id: string } } }, { environmentId: string }>(
  `mutation AudienceNewFlow($environmentId: ID!) {
    createFlow(input: { environmentId: $environmentId, displayName: "Raced", trigger: INSTANT, actions: [] }) { __typename ... on CreateFlowSuccess { flow { id } } }
  }`,
);
const Owners = typedDocument<{ modifyFlowOwners: { __typename: string } }, { flowId: string; add?: string[]; remove?: string[] }>(
  'mutation AudienceOwners($flowId: ID!, $add: [ID!], $remove: [ID!]) { modifyFlowOwners(input: { flowId: $flowId, add: $add, remove: $remove }) { __typename } }',
);
const Delete = typedDocument<{ deleteFlow: { __typename: string } }, { flowId: string }>(
  'mutation AudienceDelete($flowId: ID!) { deleteFlow(input: { flowId: $flowId }) { __typename } }',
);

const START = encodeEventCursor(0);
const FLOWS = 5;
const WATCHERS: Person[] = ['maker', 'coowner', 'admin'];

async function raceOwnerChangesThenDelete(world: World) {
  const people = await world.tenant();
  const environmentId = await people.defaultEnv();
  const coowner = await people.user('coowner');
  const guest = await people.user('guest');
  const basic = await people.user('basic');
  const url = (i: number): string => world.urls[i % world.urls.length]!;

  const flows = await Promise.all(
    Array.from({ length: FLOWS }, async (_, i) => {
      const flowId = (await people.gql(url(i), NewFlow, { environmentId }, 'maker')).createFlow.flow!.id;
      await people.gql(url(i), Owners, { flowId, add: [coowner] }, 'maker');
      return flowId;
    }),
  );
  // Every watcher follows every flow on every server over both transports, live before the race.
  const streams: { flowId: string; name: string; received: Received<{ flowSharingEvents: Event }> }[] = [];
  for (const flowId of flows) {
    for (const [s, at] of world.urls.entries()) {
      for (const person of WATCHERS) {
        const token = await people.token(person);
        const ws = world.track(wsClient(at, token)).subscribe(FlowEvents, { flowId, after: START });
        const sse = sseSubscribe(at, token, FlowEvents, { flowId, after: START });
        world.track({ close: () => sse.stop() });
        streams.push({ flowId, name: `${person} over graphql-ws on server ${s}`, received: ws });
        streams.push({ flowId, name: `${person} over SSE on server ${s}`, received: sse });
      }
    }
  }
  await Promise.all(streams.map((s) => s.received.waitFor(1))); // the co-owner's OWNER_ADDED, replayed

  // Per flow: owner changes through one server and deleteFlow through another, all at once.
  const outcomes = await Promise.all(
    flows.flatMap((flowId, i) => [
      people.gql(url(i), Owners, { flowId, add: [guest] }, 'maker'),
      people.gql(url(i + 1), Owners, { flowId, add: [basic] }, 'coowner'),
      people.gql(url(i), Owners, { flowId, add: [guest], remove: [basic] }, 'admin'),
      people.gql(url(i + 1), Delete, { flowId }, 'maker'),
    ]),
  );
  expect(outcomes.filter((o) => 'deleteFlow' in o).map((o) => (o as { deleteFlow: { __typename: string } }).deleteFlow.__typename)).toEqual(
    flows.map(() => 'DeleteFlowSuccess'),
  );

  const committed = new Map<string, Event[]>();
  for (const flowId of flows) {
    const rows = await world.db
      .select()
      .from(sharingEvents)
      .where(eq(sharingEvents.flowId, parseGlobalId(flowId)!.id))
      .orderBy(asc(sharingEvents.position));
    committed.set(
      flowId,
      rows.map((r) => ({ cursor: encodeEventCursor(r.position), kind: r.kind })),
    );
  }
  const seen = await Promise.all(
    streams.map(async (s) => {
      await s.received.ended(5000).catch(() => {});
      return {
        flowId: s.flowId,
        name: s.name,
        events: s.received.events.map((e) => e.flowSharingEvents),
        end: s.received.errors[0]?.extensions?.code ?? (s.received.completed ? 'COMPLETED' : 'STILL OPEN'),
      };
    }),
  );
  expect(seen).toEqual(streams.map((s) => ({ flowId: s.flowId, name: s.name, events: committed.get(s.flowId), end: 'COMPLETED' })));
  for (const events of committed.values()) {
    expect(events[0]!.kind).toBe('OWNER_ADDED');
    expect(events.at(-1)!.kind).toBe('FLOW_DELETED');
    expect(events.slice(1, -1).every((e) => e.kind === 'OWNER_ADDED' || e.kind === 'OWNER_REMOVED')).toBe(true);
  }
}

describe('flowSharingEvents decides each event as of its commit (S28), one server', () => {
  let world: World;
  beforeAll(async () => {
    world = await oneServer();
  });
  afterAll(() => world?.close());

  it(
    'every stream gets the committed owner changes and FLOW_DELETED, in order, then completes',
    () => raceOwnerChangesThenDelete(world),
    30_000,
  );
});

describe.runIf(process.env.DATABASE_URL)('flowSharingEvents decides each event as of its commit (S28), two server processes', () => {
  let world: World;
  beforeAll(async () => {
    world = await twoProcesses();
  }, 60_000);
  afterAll(() => world?.close());

  it(
    'every stream on either process gets the committed owner changes and FLOW_DELETED, in order, then completes',
    () => raceOwnerChangesThenDelete(world),
    60_000,
  );
});
