// sharingAudit: what an environment admin should look at (the source document's "regular
// auditing"): guests with access, grants left inert by the security group (S16), flows
// with no active owner and connections of departed users (S17), expired grants (S19).
// One indexed query per kind, each bounded by the environment; nothing is written.
import { and, eq, isNotNull, lte, ne, not, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/open.js';
import { connectionReferences, connections, flows, groupMembers, groups, ownerGrants, runOnlyGrants, users } from '../db/tables.js';
import type { PrincipalRef } from '../policy/access.js';
import { grantPrincipal, loadFlowFacts, type FlowRow, type UserRow } from './access.js';
import { hasActiveOwner } from './departures.js';
import { administeredEnvironment } from './environments.js';
import { loadPrincipals } from './grants.js';
import { assertListCap, MAX_KINDS } from './input.js';
import { insideEnvironment, liveGrant } from '../reads/visibility.js';

export const auditFindingKinds = [
  'GUEST_OWNER',
  'GUEST_RUN_ONLY',
  'OUTSIDE_ENVIRONMENT',
  'NO_ACTIVE_OWNER',
  'DEPARTED_CONNECTION_OWNER',
  'EXPIRED_GRANT',
] as const;
export type AuditFindingKind = (typeof auditFindingKinds)[number];

export type AuditFinding = {
  kind: AuditFindingKind;
  flow: FlowRow;
  principal: PrincipalRef | null;
  connectionId: string | null;
  detail: string;
};

/** The most findings one audit answers (the contract's list is unpaged); `truncated` says when there were more. */
export const MAX_AUDIT_FINDINGS = 1_000;

type GrantTable = typeof ownerGrants | typeof runOnlyGrants;
const grantName = (table: GrantTable) => (table === ownerGrants ? 'owner' : 'run-only');

/**
 * The environment's findings, most severe first. `kinds` (none or empty: all) narrows them;
 * a kind not asked for is not searched for at all.
 */
export async function sharingAudit(db: Db, viewer: UserRow, environmentId: string, kinds?: readonly AuditFindingKind[] | null) {
  assertListCap(kinds, MAX_KINDS, ['kinds']);
  return db.transaction(async (tx) => {
    const environment = await administeredEnvironment(tx, viewer, environmentId, ['environmentId'], 'audit its sharing');
    const generatedAt = new Date();
    const inEnvironment = eq(flows.environmentId, environment.id);
    const asked = new Set(kinds?.length ? kinds : auditFindingKinds);
    const when = <T>(wanted: boolean, search: () => Promise<T[]> | T[]) => (wanted ? search() : []);
    const found = await Promise.all([
      when(asked.has('GUEST_OWNER'), () => guests(tx, ownerGrants, inEnvironment, generatedAt)),
      when(asked.has('GUEST_RUN_ONLY'), () => guests(tx, runOnlyGrants, inEnvironment, generatedAt)),
      when(asked.has('OUTSIDE_ENVIRONMENT') && environment.securityGroupId !== null, () =>
        outside(tx, inEnvironment, environment.id, environment.securityGroupId!, generatedAt),
      ),
      when(asked.has('NO_ACTIVE_OWNER'), () => withoutActiveOwner(tx, inEnvironment)),
      when(asked.has('DEPARTED_CONNECTION_OWNER'), () => departedConnections(tx, inEnvironment)),
      when(asked.has('EXPIRED_GRANT'), () => expired(tx, ownerGrants, inEnvironment, generatedAt)),
      when(asked.has('EXPIRED_GRANT'), () => expired(tx, runOnlyGrants, inEnvironment, generatedAt)),
    ]);
    const order = (k: AuditFindingKind) => auditFindingKinds.indexOf(k);
    const findings = found
      .flat()
      .filter((f) => asked.has(f.kind))
      .sort(
        (a, b) => order(a.kind) - order(b.kind) || a.flow.displayName.localeCompare(b.flow.displayName) || a.detail.localeCompare(b.detail),
      );
    return { environment, generatedAt, findings: findings.slice(0, MAX_AUDIT_FINDINGS), truncated: findings.length > MAX_AUDIT_FINDINGS };
  });
}

/** Guests holding a live grant, directly or as members of a group that holds it. */
async function guests(tx: Tx, table: GrantTable, inEnvironment: SQL, now: Date): Promise<AuditFinding[]> {
  const columns = { flow: flows, userId: users.id, userName: users.displayName, email: users.email };
  const where = and(inEnvironment, eq(users.kind, 'GUEST'), liveGrant(table, now));
  // Two plain joins, not one join on "user or group member": each can use its index.
  const [direct, throughGroups] = await Promise.all([
    tx.select(columns).from(table).innerJoin(flows, eq(flows.id, table.flowId)).innerJoin(users, eq(users.id, table.userId)).where(where),
    tx
      .select({ ...columns, groupName: groups.displayName })
      .from(table)
      .innerJoin(flows, eq(flows.id, table.flowId))
      .innerJoin(groups, eq(groups.id, table.groupId))
      .innerJoin(groupMembers, eq(groupMembers.groupId, groups.id))
      .innerJoin(users, eq(users.id, groupMembers.userId))
      .where(where),
  ]);
  return [...direct.map((r) => ({ ...r, groupName: null })), ...throughGroups].map((r) => ({
    kind: table === ownerGrants ? 'GUEST_OWNER' : 'GUEST_RUN_ONLY',
    flow: r.flow,
    principal: { kind: 'USER', id: r.userId },
    connectionId: null,
    detail: `Guest ${r.userName} (${r.email}) has ${grantName(table)} access${r.groupName ? ` through group ${r.groupName}` : ''}.`,
  }));
}

/** Live grants to users outside the environment's security group (S16): kept, but inert. */
async function outside(tx: Tx, inEnvironment: SQL, environmentId: string, securityGroupId: string, now: Date): Promise<AuditFinding[]> {
  const [securityGroup] = await tx.select({ name: groups.displayName }).from(groups).where(eq(groups.id, securityGroupId));
  const perTable = async (table: GrantTable) => {
    const rows = await tx
      .select({ flow: flows, userId: users.id, userName: users.displayName })
      .from(table)
      .innerJoin(flows, eq(flows.id, table.flowId))
      .innerJoin(users, eq(users.id, table.userId))
      .where(
        and(
          inEnvironment,
          liveGrant(table, now),
          // S16 (src/reads/visibility.ts): members of the security group and admins are inside.
          not(insideEnvironment(tx, { id: environmentId, securityGroupId }, users.id)),
        ),
      );
    return rows.map(
      (r): AuditFinding => ({
        kind: 'OUTSIDE_ENVIRONMENT',
        flow: r.flow,
        principal: { kind: 'USER', id: r.userId },
        connectionId: null,
        detail: `${r.userName} has ${grantName(table)} access but is not in the security group ${securityGroup?.name ?? ''}, so the grant does nothing.`,
      }),
    );
  };
  return (await Promise.all([perTable(ownerGrants), perTable(runOnlyGrants)])).flat();
}

/** S17: flows whose owners have all left. Only a flow whose primary owner left can be one. */
async function withoutActiveOwner(tx: Tx, inEnvironment: SQL): Promise<AuditFinding[]> {
  const candidates = await tx
    .select({ id: flows.id, ownerName: users.displayName })
    .from(flows)
    .innerJoin(users, eq(users.id, flows.primaryOwnerId))
    .where(and(inEnvironment, ne(users.status, 'ACTIVE')));
  const facts = await loadFlowFacts(
    tx,
    candidates.map((c) => c.id),
  );
  const findings: AuditFinding[] = [];
  for (const { id, ownerName } of candidates) {
    const f = facts.get(id)!;
    if (await hasActiveOwner(tx, f)) continue;
    const state = f.flow.state === 'SUSPENDED' ? 'it is suspended until an admin adds an owner and turns it on' : `it is ${f.flow.state}`;
    findings.push({
      kind: 'NO_ACTIVE_OWNER',
      flow: f.flow,
      principal: { kind: 'USER', id: f.flow.primaryOwnerId },
      connectionId: null,
      detail: `No owner is active: the primary owner ${ownerName} has left; ${state}.`,
    });
  }
  return findings;
}

/** S17: connections whose owner left, still used by flows here: runs using them fail. */
async function departedConnections(tx: Tx, inEnvironment: SQL): Promise<AuditFinding[]> {
  const rows = await tx
    .selectDistinct({
      flow: flows,
      connectionId: connections.id,
      connectionName: connections.displayName,
      ownerName: users.displayName,
    })
    .from(connectionReferences)
    .innerJoin(flows, eq(flows.id, connectionReferences.flowId))
    .innerJoin(connections, eq(connections.id, connectionReferences.connectionId))
    .innerJoin(users, eq(users.id, connections.ownerId))
    .where(and(inEnvironment, eq(users.status, 'DEPARTED')));
  return rows.map((r) => ({
    kind: 'DEPARTED_CONNECTION_OWNER',
    flow: r.flow,
    principal: null,
    connectionId: r.connectionId,
    detail: `Connection ${r.connectionName} belongs to ${r.ownerName}, who has left: actions using it fail until an owner replaces it.`,
  }));
}

/** S19: grants past their expiry still on record (they give nothing). */
async function expired(tx: Tx, table: GrantTable, inEnvironment: SQL, now: Date): Promise<AuditFinding[]> {
  const rows = await tx
    .select({ flow: flows, grant: table })
    .from(table)
    .innerJoin(flows, eq(flows.id, table.flowId))
    .where(and(inEnvironment, isNotNull(table.expiresAt), lte(table.expiresAt, now)));
  const principals = await loadPrincipals(
    tx,
    rows.map((r) => grantPrincipal(r.grant)),
  );
  return rows.map((r) => {
    const principal = grantPrincipal(r.grant);
    const name = principals.get(`${principal.kind}:${principal.id}`)?.name ?? 'A principal';
    return {
      kind: 'EXPIRED_GRANT',
      flow: r.flow,
      principal,
      connectionId: null,
      detail: `${name}'s ${grantName(table)} access expired at ${r.grant.expiresAt!.toISOString()}; the grant is still on record.`,
    };
  });
}
