// sharingAudit (#7): every finding kind, each produced by a real story through the API.
import { setTimeout as pause } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flows, ownerGrants } from '../src/db/tables.js';
import { importDirectory } from '../src/directory/import.js';
import { graphql } from './gql/index.js';
import { ok, startTestApp, type TestApp } from './support/app.js';
import { UpdateFlow } from './support/documents.js';
import { connectionOf, flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const Audit = graphql(`
  query Audit($environmentId: ID!) {
    sharingAudit(environmentId: $environmentId) {
      generatedAt
      environment { id }
      findings {
        kind
        flow { id displayName }
        principal { __typename ... on User { id } ... on Group { id } }
        connection { id }
        detail
      }
    }
  }
`);
const AuditOrder = graphql(`
  query AuditOrder($environmentId: ID!) {
    sharingAudit(environmentId: $environmentId) { truncated findings { kind flow { displayName } } }
  }
`);
const AuditKinds = graphql(`
  query AuditKinds($environmentId: ID!, $kinds: [AuditFindingKind!]) {
    sharingAudit(environmentId: $environmentId, kinds: $kinds) { findings { kind } }
  }
`);
const AddOwners = graphql(`
  mutation AuditAddOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);
const AddRunOnly = graphql(`
  mutation AuditAddRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }
`);

let app: TestApp;
let t: Tenant;
beforeAll(async () => {
  app = await startTestApp();
  t = await makeTenant(app);
});
afterAll(() => app?.close());

describe('sharingAudit', () => {
  it("reports guests, grants outside the security group, flows with no active owner, departed users' connections and expired grants", async () => {
    const withGuest = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: 'Guests' });
    ok(await app.gql(AddOwners, { input: { flowId: withGuest.id, add: [t.users.guest] } }, t.tokens.maker));
    const runByGuest = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: 'Run-only guest' });
    ok(await app.gql(AddRunOnly, { input: { flowId: runByGuest.id, add: [t.users.guest] } }, t.tokens.maker));

    const temporary = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: 'Temp' });
    const soon = new Date(Date.now() + 1000).toISOString();
    ok(await app.gql(AddOwners, { input: { flowId: temporary.id, add: [t.users.coowner], expiresAt: soon } }, t.tokens.maker));

    // Bob (coowner) builds a flow of his own, and brings his connection into the maker's flow.
    const bobs = await connectionOf(app, t.tokens.coowner, {
      environmentId: t.defaultEnv,
      connectorId: t.sharepoint,
      displayName: 'Bob SP',
    });
    const bobsFlow = await flowOf(app, t.tokens.coowner, {
      environmentId: t.defaultEnv,
      displayName: "Bob's",
      actions: [{ name: 'a', connectionId: bobs }],
    });
    const usesBob = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv, displayName: 'Uses Bob' });
    ok(await app.gql(AddOwners, { input: { flowId: usesBob.id, add: [t.users.coowner] } }, t.tokens.maker));
    ok(await app.gql(UpdateFlow, { input: { flowId: usesBob.id, actions: [{ name: 'a', connectionId: bobs }] } }, t.tokens.coowner));

    const secured = await flowOf(app, t.tokens.maker, { environmentId: t.securedEnv, displayName: 'Secured' });
    ok(await app.gql(AddOwners, { input: { flowId: secured.id, add: [t.users.free] } }, t.tokens.maker));

    await pause(Date.parse(soon) - Date.now() + 50);
    const bob = t.directory.users.find((u) => u.id === t.ext('coowner'))!;
    await importDirectory(app.database.db, { users: [{ ...bob, status: 'DEPARTED' }] });

    const audit = ok(await app.gql(Audit, { environmentId: t.defaultEnv }, t.tokens.admin)).sharingAudit;
    expect(audit.environment.id).toBe(t.defaultEnv);
    expect(Math.abs(Date.parse(audit.generatedAt) - Date.now())).toBeLessThan(60_000);
    const user = (id: string) => ({ __typename: 'User', id });
    expect(audit.findings.map(({ detail, ...f }) => ({ ...f, flow: f.flow.displayName }))).toEqual([
      { kind: 'GUEST_OWNER', flow: 'Guests', principal: user(t.users.guest), connection: null },
      { kind: 'GUEST_RUN_ONLY', flow: 'Run-only guest', principal: user(t.users.guest), connection: null },
      { kind: 'NO_ACTIVE_OWNER', flow: "Bob's", principal: user(t.users.coowner), connection: null },
      { kind: 'DEPARTED_CONNECTION_OWNER', flow: "Bob's", principal: null, connection: { id: bobs } },
      { kind: 'DEPARTED_CONNECTION_OWNER', flow: 'Uses Bob', principal: null, connection: { id: bobs } },
      { kind: 'EXPIRED_GRANT', flow: 'Temp', principal: user(t.users.coowner), connection: null },
    ]);
    const details = audit.findings.map((f) => f.detail);
    expect(details[0]).toContain(`Guest Guest ${t.tag}`);
    expect(details[2]).toMatch(/has left; it is suspended until an admin adds an owner/);
    expect(details[3]).toContain('Bob SP');
    expect(details[5]).toMatch(/owner access expired at .*still on record/);
    expect(audit.findings.find((f) => f.kind === 'NO_ACTIVE_OWNER')!.flow.id).toBe(bobsFlow.id);

    const securedAudit = ok(await app.gql(Audit, { environmentId: t.securedEnv }, t.tokens.admin)).sharingAudit;
    expect(securedAudit.findings).toEqual([
      {
        kind: 'OUTSIDE_ENVIRONMENT',
        flow: { id: secured.id, displayName: 'Secured' },
        principal: user(t.users.free),
        connection: null,
        detail: `Free ${t.tag} has owner access but is not in the security group Team ${t.tag}, so the grant does nothing.`,
      },
    ]);
  });

  it('narrows the findings to the kinds asked for (none or empty: all); more than 50 kinds is INVALID_INPUT', async () => {
    const u = await makeTenant(app);
    const withGuest = await flowOf(app, u.tokens.maker, { environmentId: u.defaultEnv, displayName: 'Guests' });
    ok(await app.gql(AddOwners, { input: { flowId: withGuest.id, add: [u.users.guest] } }, u.tokens.maker));
    ok(await app.gql(AddRunOnly, { input: { flowId: withGuest.id, add: [u.users.guest] } }, u.tokens.maker));
    const kindsOf = async (kinds?: string[] | null) =>
      ok(await app.gql(AuditKinds, { environmentId: u.defaultEnv, kinds: kinds as never }, u.tokens.admin)).sharingAudit.findings.map(
        (f) => f.kind,
      );
    expect(await kindsOf()).toEqual(['GUEST_OWNER', 'GUEST_RUN_ONLY']);
    expect(await kindsOf([])).toEqual(['GUEST_OWNER', 'GUEST_RUN_ONLY']);
    expect(await kindsOf(['GUEST_RUN_ONLY'])).toEqual(['GUEST_RUN_ONLY']);
    expect(await kindsOf(['GUEST_RUN_ONLY', 'GUEST_OWNER', 'GUEST_OWNER'])).toEqual(['GUEST_OWNER', 'GUEST_RUN_ONLY']);
    expect(await kindsOf(['EXPIRED_GRANT', 'NO_ACTIVE_OWNER'])).toEqual([]);
    const tooMany = await app.gql(AuditKinds, { environmentId: u.defaultEnv, kinds: Array(51).fill('GUEST_OWNER') }, u.tokens.admin);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: ['kinds'] });
  });

  it('lists the first 1,000 findings, most severe first, then by flow name whatever its case; truncated says there were more', async () => {
    const u = await makeTenant(app);
    const guests = await flowOf(app, u.tokens.maker, { environmentId: u.defaultEnv, displayName: 'zeta (guest)' });
    ok(await app.gql(AddOwners, { input: { flowId: guests.id, add: [u.users.guest] } }, u.tokens.maker));
    // 1,002 expired owner grants, on flows whose names differ in case: set up in the database.
    const db = app.database.db;
    const environmentId = u.rows.environments.get('default')!;
    const maker = u.rows.users.get('maker')!;
    const coowner = u.rows.users.get('coowner')!;
    const names = Array.from({ length: 1_002 }, (_, i) => `${i % 2 ? 'Flow' : 'flow'} ${String(i).padStart(4, '0')}`);
    const made = await db
      .insert(flows)
      .values(
        names.map((displayName) => ({
          environmentId,
          creatorId: maker,
          primaryOwnerId: maker,
          displayName,
          trigger: 'INSTANT' as const,
          state: 'ON' as const,
          solutionAware: false,
        })),
      )
      .returning({ id: flows.id });
    const expiredAt = new Date(Date.now() - 60_000);
    await db
      .insert(ownerGrants)
      .values(made.map((f) => ({ flowId: f.id, principalKind: 'USER' as const, userId: coowner, addedById: maker, expiresAt: expiredAt })));

    const audit = ok(await app.gql(AuditOrder, { environmentId: u.defaultEnv }, u.tokens.admin)).sharingAudit;
    expect(audit.truncated).toBe(true);
    expect(audit.findings).toHaveLength(1_000);
    expect(audit.findings[0]).toEqual({ kind: 'GUEST_OWNER', flow: { displayName: 'zeta (guest)' } });
    expect(audit.findings.slice(1).map((f) => f.flow.displayName)).toEqual(names.slice(0, 999));
    expect(new Set(audit.findings.slice(1).map((f) => f.kind))).toEqual(new Set(['EXPIRED_GRANT']));

    const guestsOnly = ok(await app.gql(AuditKinds, { environmentId: u.defaultEnv, kinds: ['GUEST_OWNER'] }, u.tokens.admin));
    expect(guestsOnly.sharingAudit.findings).toEqual([{ kind: 'GUEST_OWNER' }]);
  });

  it("is for the environment's admins only", async () => {
    expect((await app.gql(Audit, { environmentId: t.defaultEnv }, t.tokens.maker)).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    const other = await makeTenant(app);
    expect((await app.gql(Audit, { environmentId: t.defaultEnv }, other.tokens.admin)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await app.gql(Audit, { environmentId: 'nope' }, t.tokens.admin)).errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });
});
