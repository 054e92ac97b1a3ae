// Search, filter and order on the flow lists (issue 14, items 1 and 2): myFlows, teamFlows,
// runOnlyFlows and environmentFlows take `filter` and `orderBy`; keyset pages stay stable
// under every order with ties; totalCount honours the filter; DISPLAY_NAME orders by a fixed
// case fold under "C" (the order is written out); environmentFlows is for admins only and a
// page of it costs the same statements for 2 flows as for 10.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flows, ownerGrants, runOnlyGrants } from '../src/db/tables.js';
import { globalId, parseGlobalId } from '../src/graphql/ids.js';
import { graphql } from './gql/index.js';
import type { FlowFilter, FlowOrder } from './gql/graphql.js';
import { ok, startTestApp, type GqlResult, type TestApp } from './support/app.js';
import { SetFlowState } from './support/documents.js';
import { flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const SearchMyFlows = graphql(`
  query SearchMyFlows($environmentId: ID, $filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String, $last: Int, $before: String) {
    myFlows(environmentId: $environmentId, filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id displayName } }
    }
  }
`);
const SearchTeamFlows = graphql(`
  query SearchTeamFlows($filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String) {
    teamFlows(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id displayName } }
    }
  }
`);
const SearchRunOnlyFlows = graphql(`
  query SearchRunOnlyFlows($filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String) {
    runOnlyFlows(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id displayName } }
    }
  }
`);
const Inventory = graphql(`
  query Inventory($environmentId: ID!, $filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String) {
    environmentFlows(environmentId: $environmentId, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          id
          displayName
          creator { id }
          environment { id }
          viewerAccess { level canEdit }
          owners(first: 10) { edges { isPrimaryOwner node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } }
          runOnlyUsers(first: 10) { edges { node { __typename ... on User { id } ... on Group { id } } } }
        }
      }
    }
  }
`);

let app: TestApp;
let t: Tenant;
let other: Tenant;

beforeAll(async () => {
  app = await startTestApp({ countsStatements: true });
  [t, other] = await Promise.all([makeTenant(app), makeTenant(app)]);
});
afterAll(() => app?.close());

const uuid = (gid: string) => parseGlobalId(gid)!.id;
const names = (connection: { edges: { node: { displayName: string } }[] }) => connection.edges.map((e) => e.node.displayName);

/** A query's refusal: its code and field. */
function refusal(result: GqlResult<unknown>) {
  expect(result.errors?.length).toBeGreaterThan(0);
  const extensions = result.errors![0]!.extensions as { code?: string; field?: string[] };
  return { code: extensions.code, field: extensions.field };
}

async function setTimes(flowId: string, createdAt: Date, modifiedAt: Date) {
  await app.database.db
    .update(flows)
    .set({ createdAt, modifiedAt })
    .where(eq(flows.id, uuid(flowId)));
}

describe('filter', () => {
  // The maker's flows in the default environment of tenant t, by name.
  const made: Record<string, { id: string }> = {};
  const myFlows = async (filter: FlowFilter, first = 50) =>
    ok(
      await app.gql(
        SearchMyFlows,
        { environmentId: t.defaultEnv, filter, first, orderBy: { field: 'DISPLAY_NAME', direction: 'ASC' } },
        t.tokens.maker,
      ),
    ).myFlows;

  beforeAll(async () => {
    const specs = [
      { displayName: 'Approve expenses', description: 'Asks a manager for approval', trigger: 'INSTANT', solutionAware: true },
      { displayName: 'Weekly report', description: 'Sends the REPORT to finance', trigger: 'SCHEDULED', solutionAware: false },
      { displayName: '100% done_flag', description: null, trigger: 'AUTOMATED', solutionAware: false },
      { displayName: '1000 rows', description: 'doneXflag', trigger: 'AUTOMATED', solutionAware: false },
      { displayName: 'Expense Approvals (EU)', description: 'Approve in Europe', trigger: 'INSTANT', solutionAware: true },
      { displayName: 'École Über', description: 'Ärger mit ΟΔΟΣ', trigger: 'INSTANT', solutionAware: false },
      { displayName: 'Back\\slash', description: null, trigger: 'INSTANT', solutionAware: false },
    ] as const;
    for (const spec of specs) {
      made[spec.displayName] = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, ...spec, actions: [] });
    }
    // A flow elsewhere: environmentId still narrows.
    await flowOf(app, t.tokens.maker, { environmentId: t.securedEnv, displayName: 'Approve elsewhere' });
    const off = ok(
      await app.gql(SetFlowState, { input: { flowId: made['Weekly report']!.id, state: 'OFF' } }, t.tokens.maker),
    ).setFlowState;
    expect(off.__typename).toBe('SetFlowStateSuccess');
    const { db } = app.database;
    await db
      .insert(ownerGrants)
      .values({ flowId: uuid(made['Approve expenses']!.id), principalKind: 'GROUP', groupId: t.rows.groups.get('team')! });
    await db
      .insert(runOnlyGrants)
      .values({ flowId: uuid(made['Expense Approvals (EU)']!.id), principalKind: 'USER', userId: t.rows.users.get('free')! });
    await db
      .insert(ownerGrants)
      .values({ flowId: uuid(made['Weekly report']!.id), principalKind: 'LIST', listId: t.rows.lists.get('list')! });
    // An expired grant is not held any more (S19).
    await db.insert(ownerGrants).values({
      flowId: uuid(made['1000 rows']!.id),
      principalKind: 'GROUP',
      groupId: t.rows.groups.get('team')!,
      expiresAt: new Date(Date.now() - 60_000),
    });
  });

  it('search: every word, case-insensitively, in the name or the description', async () => {
    expect(names(await myFlows({ search: 'approve' }))).toEqual(['Approve expenses', 'Expense Approvals (EU)']);
    expect(names(await myFlows({ search: 'EXPENSE approv' }))).toEqual(['Approve expenses', 'Expense Approvals (EU)']);
    // One word in the description, the other in the name.
    expect(names(await myFlows({ search: 'manager  expenses' }))).toEqual(['Approve expenses']);
    expect(names(await myFlows({ search: 'report FINANCE weekly' }))).toEqual(['Weekly report']);
    expect(names(await myFlows({ search: 'approve nowhere' }))).toEqual([]);
    // Whitespace only: no condition.
    const all = await myFlows({ search: ' \t ' });
    expect(all.totalCount).toBe(7);
  });

  it('search: letters beyond ASCII fold too, the same way on every database', async () => {
    expect(names(await myFlows({ search: 'école' }))).toEqual(['École Über']);
    expect(names(await myFlows({ search: 'ÜBER ärger οδος' }))).toEqual(['École Über']);
  });

  it('search: %, _ and \\ are taken literally', async () => {
    expect(names(await myFlows({ search: '100%' }))).toEqual(['100% done_flag']);
    expect(names(await myFlows({ search: 'done_flag' }))).toEqual(['100% done_flag']);
    expect(names(await myFlows({ search: '%' }))).toEqual(['100% done_flag']);
    expect(names(await myFlows({ search: 'k\\s' }))).toEqual(['Back\\slash']);
  });

  it('search: too many words or too long a search is INVALID_INPUT naming filter.search', async () => {
    const words = await app.gql(SearchMyFlows, { filter: { search: 'a b c d e f g h i' } }, t.tokens.maker);
    expect(refusal(words)).toEqual({ code: 'INVALID_INPUT', field: ['filter', 'search'] });
    expect(words.errors![0]!.message).toContain('at most 8 words');
    const long = await app.gql(SearchMyFlows, { filter: { search: 'x'.repeat(201) } }, t.tokens.maker);
    expect(refusal(long)).toEqual({ code: 'INVALID_INPUT', field: ['filter', 'search'] });
    // A word said twice counts once.
    expect(
      ok(await app.gql(SearchMyFlows, { filter: { search: 'a a a a a a a a a a' } }, t.tokens.maker)).myFlows.totalCount,
    ).toBeGreaterThanOrEqual(0);
  });

  it('state, trigger and solutionAware', async () => {
    expect(names(await myFlows({ state: 'OFF' }))).toEqual(['Weekly report']);
    expect(names(await myFlows({ trigger: 'AUTOMATED' }))).toEqual(['100% done_flag', '1000 rows']);
    expect(names(await myFlows({ solutionAware: true }))).toEqual(['Approve expenses', 'Expense Approvals (EU)']);
    expect(names(await myFlows({ solutionAware: false, trigger: 'INSTANT', state: 'ON' }))).toEqual(['Back\\slash', 'École Über']);
  });

  it('sharedWith: a user, group or list holding a live owner or run-only grant directly', async () => {
    expect(names(await myFlows({ sharedWith: t.team }))).toEqual(['Approve expenses']);
    expect(names(await myFlows({ sharedWith: t.list }))).toEqual(['Weekly report']);
    expect(names(await myFlows({ sharedWith: t.users.free }))).toEqual(['Expense Approvals (EU)']);
    // The primary owner holds an owner grant on each of their flows.
    expect((await myFlows({ sharedWith: t.users.maker })).totalCount).toBe(7);
    // Through the team, not directly: not listed.
    expect(names(await myFlows({ sharedWith: t.users.coowner }))).toEqual([]);
    // Unknown and other tenants' ids match nothing.
    expect(names(await myFlows({ sharedWith: globalId('User', randomUUID()) }))).toEqual([]);
    expect(names(await myFlows({ sharedWith: other.team }))).toEqual([]);
    const wrong = await app.gql(SearchMyFlows, { filter: { sharedWith: t.defaultEnv } }, t.tokens.maker);
    expect(refusal(wrong)).toEqual({ code: 'INVALID_INPUT', field: ['filter', 'sharedWith'] });
  });

  it('totalCount honours the filter and every condition must hold', async () => {
    const page = await myFlows({ search: 'approv', trigger: 'INSTANT', sharedWith: t.team }, 1);
    expect(page.totalCount).toBe(1);
    expect(names(page)).toEqual(['Approve expenses']);
    const searched = await myFlows({ search: 'e' }, 1);
    expect(searched.edges).toHaveLength(1);
    expect(searched.totalCount).toBe(6);
    expect(searched.pageInfo.hasNextPage).toBe(true);
  });
});

describe('order and keyset pages', () => {
  let o: Tenant;
  type Row = { id: string; name: string; created: number; modified: number };
  const rows: Row[] = [];

  beforeAll(async () => {
    o = await makeTenant(app);
    const base = Date.parse('2030-01-01T00:00:00.000Z');
    // Ties on every order: created (0, 0, 1, 2, 2, 3), modified (5, 4, 4, 4, 1, 0), names folded (alpha x2, beta x2).
    const specs = [
      ['alpha', 0, 5],
      ['Alpha', 0, 4],
      ['beta', 1, 4],
      ['BETA', 2, 4],
      ['Gamma', 2, 1],
      ['delta', 3, 0],
    ] as const;
    for (const [name, created, modified] of specs) {
      const flow = await flowOf(app, o.tokens.maker, { environmentId: o.defaultEnv, displayName: name });
      await setTimes(flow.id, new Date(base + created * 1000), new Date(base + modified * 1000));
      rows.push({ id: flow.id, name, created, modified });
    }
  });

  const expected = (order: FlowOrder) => {
    const value = (r: Row) =>
      order.field === 'CREATED_AT' ? r.created : order.field === 'MODIFIED_AT' ? r.modified : r.name.toLowerCase();
    const sorted = [...rows].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      if (x !== y) return x < y ? -1 : 1;
      return uuid(a.id) < uuid(b.id) ? -1 : 1;
    });
    return (order.direction === 'ASC' ? sorted : sorted.reverse()).map((r) => r.id);
  };

  const orders: FlowOrder[] = (['CREATED_AT', 'MODIFIED_AT', 'DISPLAY_NAME'] as const).flatMap((field) =>
    (['ASC', 'DESC'] as const).map((direction) => ({ field, direction })),
  );

  it.each(orders)('pages forward by 2 under $field $direction, ties broken by id', async (orderBy) => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const { myFlows } = ok(await app.gql(SearchMyFlows, { orderBy, first: 2, after }, o.tokens.maker));
      expect(myFlows.totalCount).toBe(6);
      seen.push(...myFlows.edges.map((e) => e.node.id));
      if (!myFlows.pageInfo.hasNextPage) break;
      after = myFlows.pageInfo.endCursor!;
    }
    expect(seen).toEqual(expected(orderBy));
  });

  it.each(orders)('pages backward by 4 under $field $direction to the same order', async (orderBy) => {
    const { myFlows: last } = ok(await app.gql(SearchMyFlows, { orderBy, last: 4 }, o.tokens.maker));
    const { myFlows: before } = ok(await app.gql(SearchMyFlows, { orderBy, last: 4, before: last.pageInfo.startCursor }, o.tokens.maker));
    expect(last.pageInfo.hasPreviousPage).toBe(true);
    expect([...before.edges, ...last.edges].map((e) => e.node.id)).toEqual(expected(orderBy));
  });

  it('no orderBy is CREATED_AT DESC', async () => {
    const { myFlows } = ok(await app.gql(SearchMyFlows, {}, o.tokens.maker));
    expect(myFlows.edges.map((e) => e.node.id)).toEqual(expected({ field: 'CREATED_AT', direction: 'DESC' }));
  });

  it('a cursor from one order given with another is INVALID_INPUT', async () => {
    const { myFlows } = ok(
      await app.gql(SearchMyFlows, { orderBy: { field: 'DISPLAY_NAME', direction: 'ASC' }, first: 2 }, o.tokens.maker),
    );
    const after = myFlows.pageInfo.endCursor!;
    for (const orderBy of [{ field: 'DISPLAY_NAME', direction: 'DESC' }, { field: 'CREATED_AT', direction: 'ASC' }, undefined] as const) {
      const result = await app.gql(SearchMyFlows, { orderBy, first: 2, after }, o.tokens.maker);
      expect(refusal(result).code).toBe('INVALID_INPUT');
      expect(result.errors![0]!.message).toContain('DISPLAY_NAME ASC');
    }
    const garbage = await app.gql(
      SearchMyFlows,
      { first: 2, after: Buffer.from('F:CREATED_AT:DESC:x:y').toString('base64') },
      o.tokens.maker,
    );
    expect(refusal(garbage).code).toBe('INVALID_INPUT');
  });

  it('search and order together, paged: the filter holds on every page', async () => {
    const orderBy: FlowOrder = { field: 'MODIFIED_AT', direction: 'ASC' };
    const first = ok(await app.gql(SearchMyFlows, { orderBy, filter: { search: 'TA' }, first: 2 }, o.tokens.maker)).myFlows;
    const second = ok(
      await app.gql(SearchMyFlows, { orderBy, filter: { search: 'TA' }, first: 2, after: first.pageInfo.endCursor }, o.tokens.maker),
    ).myFlows;
    expect(first.totalCount).toBe(3);
    const matching = new Set(rows.filter((r) => r.name.toLowerCase().includes('ta')).map((r) => r.id));
    expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual(expected(orderBy).filter((id) => matching.has(id)));
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});

describe('DISPLAY_NAME order, written out', () => {
  it('folds case (accents included), then orders by code point: digits, ASCII letters, then other letters', async () => {
    const d = await makeTenant(app);
    const shuffled = [
      'Über',
      'cherry 10',
      'Zebra',
      'éclair',
      '10 items',
      'Banana',
      'Éclair au café',
      'eclair',
      'apple',
      'Cherry 9',
      'ubuntu',
      '2 items',
    ];
    for (const displayName of shuffled) await flowOf(app, d.tokens.maker, { environmentId: d.defaultEnv, displayName });
    const ascending = [
      '10 items',
      '2 items',
      'apple',
      'Banana',
      'cherry 10',
      'Cherry 9',
      'eclair',
      'ubuntu',
      'Zebra',
      'éclair',
      'Éclair au café',
      'Über',
    ];
    const asc = ok(
      await app.gql(Inventory, { environmentId: d.defaultEnv, orderBy: { field: 'DISPLAY_NAME', direction: 'ASC' } }, d.tokens.admin),
    );
    expect(names(asc.environmentFlows)).toEqual(ascending);
    const desc = ok(
      await app.gql(
        Inventory,
        { environmentId: d.defaultEnv, orderBy: { field: 'DISPLAY_NAME', direction: 'DESC' }, first: 5 },
        d.tokens.admin,
      ),
    );
    expect(names(desc.environmentFlows)).toEqual([...ascending].reverse().slice(0, 5));
  });
});

describe('teamFlows and runOnlyFlows', () => {
  it('take the same filter and order', async () => {
    const r = await makeTenant(app);
    const made: string[] = [];
    for (const displayName of ['Invoice intake', 'invoice approval', 'Timesheets']) {
      const flow = await flowOf(app, r.tokens.maker, { environmentId: r.defaultEnv, displayName, trigger: 'INSTANT' });
      made.push(flow.id);
      await app.database.db.insert(ownerGrants).values({ flowId: uuid(flow.id), principalKind: 'LIST', listId: r.rows.lists.get('list')! });
      await app.database.db
        .insert(runOnlyGrants)
        .values({ flowId: uuid(flow.id), principalKind: 'USER', userId: r.rows.users.get('free')! });
    }
    const orderBy: FlowOrder = { field: 'DISPLAY_NAME', direction: 'DESC' };
    const team = ok(await app.gql(SearchTeamFlows, { filter: { search: 'INVOICE' }, orderBy, first: 1 }, r.tokens.coowner)).teamFlows;
    expect([team.totalCount, names(team)]).toEqual([2, ['Invoice intake']]);
    const next = ok(
      await app.gql(
        SearchTeamFlows,
        { filter: { search: 'INVOICE' }, orderBy, first: 1, after: team.pageInfo.endCursor },
        r.tokens.coowner,
      ),
    ).teamFlows;
    expect([names(next), next.pageInfo.hasNextPage]).toEqual([['invoice approval'], false]);
    const runOnly = ok(await app.gql(SearchRunOnlyFlows, { filter: { search: 'sheet' }, orderBy }, r.tokens.free)).runOnlyFlows;
    expect([runOnly.totalCount, names(runOnly)]).toEqual([1, ['Timesheets']]);
    const shared = ok(
      await app.gql(
        SearchRunOnlyFlows,
        { filter: { sharedWith: r.users.free }, orderBy: { field: 'DISPLAY_NAME', direction: 'ASC' } },
        r.tokens.free,
      ),
    ).runOnlyFlows;
    expect(names(shared)).toEqual(['invoice approval', 'Invoice intake', 'Timesheets']);
  });
});

describe('environmentFlows', () => {
  let e: Tenant;
  beforeAll(async () => {
    e = await makeTenant(app);
    for (let i = 0; i < 10; i++) {
      const owner = i % 2 === 0 ? e.tokens.maker : e.tokens.coowner;
      const flow = await flowOf(app, owner, { environmentId: e.defaultEnv, displayName: `Inventory ${i}`, trigger: 'INSTANT' });
      await app.database.db
        .insert(ownerGrants)
        .values({ flowId: uuid(flow.id), principalKind: 'GROUP', groupId: e.rows.groups.get('team')! });
      await app.database.db
        .insert(runOnlyGrants)
        .values({ flowId: uuid(flow.id), principalKind: 'USER', userId: e.rows.users.get('free')! });
    }
    await flowOf(app, e.tokens.maker, { environmentId: e.securedEnv, displayName: 'Inventory elsewhere' });
  });

  it('lists every flow of the environment to its admin, with owners and run-only users', async () => {
    const { environmentFlows } = ok(await app.gql(Inventory, { environmentId: e.defaultEnv, first: 100 }, e.tokens.admin));
    expect(environmentFlows.totalCount).toBe(10);
    expect(names(environmentFlows)).toEqual(Array.from({ length: 10 }, (_, i) => `Inventory ${9 - i}`));
    const first = environmentFlows.edges.at(-1)!.node;
    expect(first.environment.id).toBe(e.defaultEnv);
    expect(first.creator.id).toBe(e.users.maker);
    expect(first.viewerAccess.level).toBe('ADMIN');
    expect(first.owners.edges.map((o) => [o.isPrimaryOwner, (o.node as { id: string }).id])).toEqual([
      [true, e.users.maker],
      [false, e.team],
    ]);
    expect(first.runOnlyUsers.edges.map((r) => (r.node as { id: string }).id)).toEqual([e.users.free]);
    const filtered = ok(
      await app.gql(
        Inventory,
        { environmentId: e.defaultEnv, filter: { search: 'inventory 3' }, orderBy: { field: 'DISPLAY_NAME', direction: 'ASC' } },
        e.tokens.admin,
      ),
    ).environmentFlows;
    expect([filtered.totalCount, names(filtered)]).toEqual([1, ['Inventory 3']]);
  });

  it('pages in a constant number of statements: 2 flows cost what 10 cost', async () => {
    const statements = async (first: number) => {
      const before = app.database.statementCount();
      const data = ok(
        await app.gql(
          Inventory,
          { environmentId: e.defaultEnv, first, orderBy: { field: 'DISPLAY_NAME', direction: 'DESC' } },
          e.tokens.admin,
        ),
      );
      expect(data.environmentFlows.edges).toHaveLength(first);
      return app.database.statementCount() - before;
    };
    await statements(1); // warm: sign-in caches nothing across requests, but the first request may compile plans
    const [two, ten] = [await statements(2), await statements(10)];
    console.log(`environmentFlows statements: ${two} for 2 flows, ${ten} for 10`);
    expect(ten).toBe(two);
    expect(ten).toBeLessThanOrEqual(12);
  });

  it('is NOT_AUTHORIZED for a user of the environment who is not its admin', async () => {
    const result = await app.gql(Inventory, { environmentId: e.defaultEnv }, e.tokens.maker);
    expect(refusal(result)).toEqual({ code: 'NOT_AUTHORIZED', field: ['environmentId'] });
    expect(result.errors![0]!.message).toContain(`Default ${e.tag}`);
  });

  it("is NOT_FOUND for another tenant's environment or an unknown one, INVALID_INPUT for another type of id", async () => {
    for (const environmentId of [other.defaultEnv, globalId('Environment', randomUUID())]) {
      const result = await app.gql(Inventory, { environmentId }, e.tokens.admin);
      expect(refusal(result)).toEqual({ code: 'NOT_FOUND', field: ['environmentId'] });
      expect(result.errors![0]!.message).not.toContain(other.tag);
    }
    const wrongType = await app.gql(Inventory, { environmentId: e.team }, e.tokens.admin);
    expect(refusal(wrongType)).toEqual({ code: 'INVALID_INPUT', field: ['environmentId'] });
  });

  it('refuses a page of more than 100', async () => {
    const result = await app.gql(Inventory, { environmentId: e.defaultEnv, first: 101 }, e.tokens.admin);
    expect(refusal(result).code).toBe('INVALID_INPUT');
  });
});
