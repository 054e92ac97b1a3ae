// S20, S24 (#12 items 5 and 9): a principal of another tenant is CROSS_TENANT on every mutation
// that names one (adding, removing, sending, handing over, giving a role), and a refusal names
// nothing the viewer may not see (no other tenant's user, no connection the viewer can't see).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { connectionOf, flowOf } from './support/fixtures.js';
import {
  CreateFlow,
  TryChangePrimaryOwner,
  TryModifyFlowOwners,
  TryModifyRunOnlyUsers,
  TrySendFlowCopy,
  TrySetEnvironmentRole,
  TryUpdateConnectionCredentials,
} from './support/documents.js';
import { makeTenant, type Tenant } from './support/tenant.js';

let app: TestApp;
let t: Tenant;
let other: Tenant;
let flowId: string;
let awareId: string;
beforeAll(async () => {
  app = await startTestApp();
  [t, other] = await Promise.all([makeTenant(app), makeTenant(app)]);
  flowId = (await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, trigger: 'INSTANT' })).id;
  awareId = (await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, solutionAware: true })).id;
});
afterAll(() => app?.close());

type Refusal = { __typename?: string; code?: string; message?: string; field?: string[] | null };
/** Nothing of the other tenant in the message: no display name, email, or tenant tag. */
const namesNothingOf = (tenant: Tenant, message: string | undefined) => {
  expect(message ?? '').not.toContain(tenant.tag);
  for (const u of tenant.directory.users) {
    expect(message ?? '').not.toContain(u.displayName);
    expect(message ?? '').not.toContain(u.email);
  }
};

describe("another tenant's principal (S20): CROSS_TENANT, naming nothing, on every mutation", () => {
  const cases: [string, () => Promise<Refusal>, string[]][] = [
    [
      'modifyFlowOwners add',
      async () => ok(await app.gql(TryModifyFlowOwners, { input: { flowId, add: [other.users.maker] } }, t.tokens.maker)).modifyFlowOwners,
      ['input', 'add', '0'],
    ],
    [
      'modifyFlowOwners remove',
      async () =>
        ok(await app.gql(TryModifyFlowOwners, { input: { flowId, remove: [other.users.maker] } }, t.tokens.maker)).modifyFlowOwners,
      ['input', 'remove', '0'],
    ],
    [
      'modifyRunOnlyUsers add',
      async () =>
        ok(await app.gql(TryModifyRunOnlyUsers, { input: { flowId, add: [other.users.basic] } }, t.tokens.maker)).modifyRunOnlyUsers,
      ['input', 'add', '0'],
    ],
    [
      'modifyRunOnlyUsers remove',
      async () => ok(await app.gql(TryModifyRunOnlyUsers, { input: { flowId, remove: [other.team] } }, t.tokens.maker)).modifyRunOnlyUsers,
      ['input', 'remove', '0'],
    ],
    [
      'sendFlowCopy',
      async () => ok(await app.gql(TrySendFlowCopy, { input: { flowId, recipientIds: [other.users.basic] } }, t.tokens.maker)).sendFlowCopy,
      ['input', 'recipientIds', '0'],
    ],
    [
      'changePrimaryOwner',
      async () =>
        ok(await app.gql(TryChangePrimaryOwner, { input: { flowId: awareId, newOwnerId: other.users.maker } }, t.tokens.maker))
          .changePrimaryOwner,
      ['input', 'newOwnerId'],
    ],
    [
      'setEnvironmentRole',
      async () =>
        ok(
          await app.gql(
            TrySetEnvironmentRole,
            { input: { environmentId: t.defaultEnv, userId: other.users.maker, role: 'BASIC_USER' } },
            t.tokens.admin,
          ),
        ).setEnvironmentRole,
      ['input', 'userId'],
    ],
  ];
  for (const [what, call, field] of cases) {
    it(what, async () => {
      const refused = await call();
      expect(refused).toMatchObject({ __typename: 'OperationError', code: 'CROSS_TENANT', field });
      namesNothingOf(other, refused.message);
    });
  }
});

describe("a connection the viewer can't see is not named in a refusal (S24)", () => {
  it("updateConnectionCredentials on someone else's connection", async () => {
    const secret = await connectionOf(app, t.tokens.maker, {
      environmentId: t.defaultEnv,
      connectorId: t.outlook,
      displayName: 'secret-mailbox (Outlook)',
    });
    const refused = ok(
      await app.gql(TryUpdateConnectionCredentials, { input: { connectionId: secret } }, t.tokens.coowner),
    ).updateConnectionCredentials;
    expect(refused).toMatchObject({ code: 'CONNECTION_NOT_OWNED', field: ['input', 'connectionId'] });
    expect((refused as Refusal).message).not.toContain('secret-mailbox');
  });

  it("createFlow with someone else's connection", async () => {
    const secret = await connectionOf(app, t.tokens.coowner, {
      environmentId: t.defaultEnv,
      connectorId: t.sharepoint,
      displayName: 'secret-site (SharePoint)',
    });
    const { createFlow } = ok(
      await app.gql(
        CreateFlow,
        {
          input: { environmentId: t.defaultEnv, displayName: 'x', trigger: 'INSTANT', actions: [{ name: 'Get', connectionId: secret }] },
        },
        t.tokens.maker,
      ),
    );
    expect(createFlow).toMatchObject({ code: 'CONNECTION_NOT_OWNED' });
    expect((createFlow as Refusal).message).not.toContain('secret-site');
  });
});
