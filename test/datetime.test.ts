// DateTime is strict RFC 3339 (issue 11, item 6): impossible dates are refused at the door,
// whether they come as variables or inline, and nothing is written.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { FlowSharing, TryModifyFlowOwners } from './support/documents.js';
import { flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

let app: TestApp;
let t: Tenant;
let flowId: string;

beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
  flowId = (await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv })).id;
});
afterAll(() => app.close());

it.each(['2027-02-30T00:00:00Z', '2027-01-31T24:00:00Z', '2027-01-31', '2027-01-31T12:00:00'])(
  'refuses expiresAt %s with INVALID_INPUT, writing nothing',
  async (expiresAt) => {
    const result = await app.gql(TryModifyFlowOwners, { input: { flowId, add: [t.users.coowner], expiresAt } }, t.tokens.maker);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/RFC 3339/);
    const owners = (flow: unknown) => (flow as { owners: { totalCount: number } }).owners.totalCount;
    expect(owners(ok(await app.gql(FlowSharing, { id: flowId }, t.tokens.maker)).node)).toBe(1); // the primary owner only
  },
);

it('accepts a real date with an offset', async () => {
  const result = await app.gql(
    TryModifyFlowOwners,
    { input: { flowId, add: [t.users.coowner], expiresAt: '2028-02-29T23:30:00+02:00' } },
    t.tokens.maker,
  );
  expect(ok(result).modifyFlowOwners.__typename).toBe('ModifyFlowOwnersSuccess');
  const flow = ok(await app.gql(FlowSharing, { id: flowId }, t.tokens.maker)).node as { owners: { totalCount: number } };
  expect(flow.owners.totalCount).toBe(2);
});
