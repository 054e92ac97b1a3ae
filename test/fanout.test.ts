// One live event, many subscribers (#13): the rows every viewer reads alike are loaded once
// for all of them, so delivering an event costs the same statements for five subscribers as
// for one; and each viewer's access is still decided for them alone (no shared result).
import { setTimeout as pause } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { flowOf } from './support/fixtures.js';
import { wsClient } from './support/live.js';
import { makeTenant, type Person, type Tenant } from './support/tenant.js';

const Live = graphql(`
  subscription FanoutLive {
    sharingEvents { kind flowId actor { id displayName } principal { ... on User { id displayName } } flow { id displayName owners { totalCount } viewerAccess { level } } }
  }
`);
const Owners = graphql(`
  mutation FanoutOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);
const RunOnly = graphql(`
  mutation FanoutRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }
`);

let app: TestApp;
const clients: { close(): unknown }[] = [];
beforeAll(async () => {
  app = await startTestApp({ countsStatements: true });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await app?.close();
});

async function subscribe(t: Tenant, people: Person[]) {
  const streams = people.map((p) => {
    const client = wsClient(app.url, t.tokens[p]);
    clients.push(client);
    return client.subscribe(Live, {});
  });
  await pause(500); // live subscriptions registered
  return streams;
}

/** Statements to make a run-only change and deliver its event to the flow's owners, `subscribers` of them listening. */
async function statementsToDeliver(owners: Person[], subscribers: number) {
  const t = await makeTenant(app);
  const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, trigger: 'INSTANT', actions: [] });
  ok(await app.gql(Owners, { input: { flowId: flow.id, add: owners.map((p) => t.users[p]) } }, t.tokens.maker));
  await app.feed.wake(); // the additions read before anyone subscribes, so no stream starts with them
  const streams = await subscribe(t, ['maker', ...owners].slice(0, subscribers) as Person[]);
  await app.feed.wake();
  const before = app.database.statementCount();
  ok(await app.gql(RunOnly, { input: { flowId: flow.id, add: [t.users.basic] } }, t.tokens.maker));
  await Promise.all(streams.map((s) => s.waitFor(1, 5000)));
  const statements = app.database.statementCount() - before;
  for (const s of streams)
    expect(s.events[0]!.sharingEvents).toMatchObject({ kind: 'RUN_ONLY_ADDED', flow: { owners: { totalCount: 5 } } });
  return statements;
}

describe('one event to many subscribers', () => {
  it('costs the same statements for five subscribers as for one', async () => {
    const owners: Person[] = ['coowner', 'free', 'guest', 'admin'];
    const forOne = await statementsToDeliver(owners, 1);
    const forFive = await statementsToDeliver(owners, 5);
    console.log(`statements to change and deliver: ${forOne} for 1 subscriber, ${forFive} for 5`);
    expect(forFive).toBe(forOne);
  });

  it("decides each subscriber's access alone: a removed owner sees no flow, the remaining owner does", async () => {
    const t = await makeTenant(app);
    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, trigger: 'INSTANT', actions: [] });
    ok(await app.gql(Owners, { input: { flowId: flow.id, add: [t.users.coowner] } }, t.tokens.maker));
    await app.feed.wake(); // that change read by the feed before anyone subscribes (PostgreSQL reads it after the response)
    const [maker, coowner] = await subscribe(t, ['maker', 'coowner']);
    ok(await app.gql(Owners, { input: { flowId: flow.id, remove: [t.users.coowner] } }, t.tokens.maker));
    const [[toMaker], [toCoowner]] = await Promise.all([maker!.waitFor(1, 5000), coowner!.waitFor(1, 5000)]);
    expect(toMaker!.sharingEvents).toMatchObject({ kind: 'OWNER_REMOVED', flow: { id: flow.id, viewerAccess: { level: 'OWNER' } } });
    expect(toCoowner!.sharingEvents).toMatchObject({
      kind: 'OWNER_REMOVED',
      flowId: flow.id,
      flow: null,
      principal: { id: t.users.coowner },
    });
  });
});
