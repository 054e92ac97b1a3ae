// sharingAudit: what an environment admin should look at (the source document's "regular
// auditing"): guests with access, grants left inert by the security group (S16), flows
// with no active owner and connections of departed users (S17), expired grants (S19).
// One indexed query per kind, each bounded by the environment and ordered and limited in SQL
// (only the first MAX_AUDIT_FINDINGS are answered, so no kind reads more than that); nothing
// is written.
import { and, asc, eq, isNotNull, lte, ne, not, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/open.js';
import { connectionReferences, connections, flows, groupMembers, groups, ownerGrants, runOnlyGrants, users } from '../db/tables.js';
import type { PrincipalRef } from '../policy/access.js';
import { grantPrincipal, loadFlowFacts, type FlowRow, type UserRow } from './access.js';
import { flowsWithActiveOwner } from './departures.js';
import { administeredEnvironment } from './environments.js';
import { loadPrincipals } from './grants.js';
import { assertListCap, MAX_KINDS } from './input.js';
import { nameKey } from '../reads/flow-filter.js';
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
/** Each search reads one more than can be answered: enough to know there were more. */
const LIMIT = MAX_AUDIT_FINDINGS + 1;

type GrantTable = typeof ownerGrants | typeof runOnlyGrants;
const grantName = (table: GrantTable) => (table === ownerGrants ? 'owner' : 'run-only');

/**
 * A finding with the key it is ordered by within its kind: the flow's folded name (as
 * DISPLAY_NAME orders flow lists: fold_case under "C", the same on every database), then ids
 * that tell findings of one flow apart. Each search orders by the same key in SQL, so a
 * search's first LIMIT rows are the first LIMIT of its kind.
 */
type Keyed = AuditFinding & { nameKey: string; ties: string[]; expiry?: Expiry };
/** An expired grant's detail names its principal: written for the listed ones only (describeExpired). */
type Expiry = { what: string; at: Date };
const nameColumn = sql<string>`${nameKey}`;

/** Code point order (what "C" gives): UTF-8 bytes compare as code points do, UTF-16 units not quite. */
function byKey(a: Keyed, b: Keyed): number {
  const byName = a.nameKey === b.nameKey ? 0 : Buffer.compare(Buffer.from(a.nameKey), Buffer.from(b.nameKey));
  if (byName !== 0) return byName;
  for (let i = 0; i < Math.max(a.ties.length, b.ties.length); i++) {
    const x = a.ties[i] ?? '';
    const y = b.ties[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * The environment's findings, most severe first, then by flow name. `kinds` (none or empty:
 * all) narrows them; a kind not asked for is not searched for at all.
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
      when(asked.has('EXPIRED_GRANT'), () => expired(tx, inEnvironment, generatedAt)),
    ]);
    const rank = (k: AuditFindingKind) => auditFindingKinds.indexOf(k);
    const findings = found.flat().sort((a, b) => rank(a.kind) - rank(b.kind) || byKey(a, b));
    const listed = findings.slice(0, MAX_AUDIT_FINDINGS);
    await describeExpired(tx, listed);
    return {
      environment,
      generatedAt,
      findings: listed.map(({ nameKey: _, ties: __, expiry: ___, ...finding }): AuditFinding => finding),
      truncated: findings.length > MAX_AUDIT_FINDINGS,
    };
  });
}

/** Guests holding a live grant, directly or as members of a group that holds it. */
async function guests(tx: Tx, table: GrantTable, inEnvironment: SQL, now: Date): Promise<Keyed[]> {
  const columns = { flow: flows, nameKey: nameColumn, userId: users.id, userName: users.displayName, email: users.email };
  const where = and(inEnvironment, eq(users.kind, 'GUEST'), liveGrant(table, now));
  // Two plain joins, not one join on "user or group member": each can use its index.
  const [direct, throughGroups] = await Promise.all([
    tx
      .select(columns)
      .from(table)
      .innerJoin(flows, eq(flows.id, table.flowId))
      .innerJoin(users, eq(users.id, table.userId))
      .where(where)
      .orderBy(nameKey, asc(flows.id), asc(users.id))
      .limit(LIMIT),
    tx
      .select({ ...columns, groupId: groups.id, groupName: groups.displayName })
      .from(table)
      .innerJoin(flows, eq(flows.id, table.flowId))
      .innerJoin(groups, eq(groups.id, table.groupId))
      .innerJoin(groupMembers, eq(groupMembers.groupId, groups.id))
      .innerJoin(users, eq(users.id, groupMembers.userId))
      .where(where)
      .orderBy(nameKey, asc(flows.id), asc(users.id), asc(groups.id))
      .limit(LIMIT),
  ]);
  return [...direct.map((r) => ({ ...r, groupId: '', groupName: null })), ...throughGroups].map((r) => ({
    kind: table === ownerGrants ? 'GUEST_OWNER' : 'GUEST_RUN_ONLY',
    flow: r.flow,
    principal: { kind: 'USER', id: r.userId },
    connectionId: null,
    detail: `Guest ${r.userName} (${r.email}) has ${grantName(table)} access${r.groupName ? ` through group ${r.groupName}` : ''}.`,
    nameKey: r.nameKey,
    ties: [r.flow.id, r.userId, r.groupId],
  }));
}

/** Live grants to users outside the environment's security group (S16): kept, but inert. */
async function outside(tx: Tx, inEnvironment: SQL, environmentId: string, securityGroupId: string, now: Date): Promise<Keyed[]> {
  const [securityGroup] = await tx.select({ name: groups.displayName }).from(groups).where(eq(groups.id, securityGroupId));
  const perTable = async (table: GrantTable) => {
    const rows = await tx
      .select({ flow: flows, nameKey: nameColumn, userId: users.id, userName: users.displayName })
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
      )
      .orderBy(nameKey, asc(flows.id), asc(users.id))
      .limit(LIMIT);
    return rows.map(
      (r): Keyed => ({
        kind: 'OUTSIDE_ENVIRONMENT',
        flow: r.flow,
        principal: { kind: 'USER', id: r.userId },
        connectionId: null,
        detail: `${r.userName} has ${grantName(table)} access but is not in the security group ${securityGroup?.name ?? ''}, so the grant does nothing.`,
        nameKey: r.nameKey,
        // Owner grants before run-only ones of the same user on the same flow.
        ties: [r.flow.id, r.userId, table === ownerGrants ? '0' : '1'],
      }),
    );
  };
  return (await Promise.all([perTable(ownerGrants), perTable(runOnlyGrants)])).flat();
}

/** S17: flows whose owners have all left. Only a flow whose primary owner left can be one. */
async function withoutActiveOwner(tx: Tx, inEnvironment: SQL): Promise<Keyed[]> {
  const candidates = await tx
    .select({ id: flows.id, nameKey: nameColumn, ownerName: users.displayName })
    .from(flows)
    .innerJoin(users, eq(users.id, flows.primaryOwnerId))
    .where(and(inEnvironment, ne(users.status, 'ACTIVE')));
  const facts = await loadFlowFacts(
    tx,
    candidates.map((c) => c.id),
  );
  const owned = await flowsWithActiveOwner(tx, [...facts.values()]);
  return candidates
    .filter((c) => !owned.has(c.id))
    .map(({ id, nameKey, ownerName }) => {
      const { flow } = facts.get(id)!;
      const state = flow.state === 'SUSPENDED' ? 'it is suspended until an admin adds an owner and turns it on' : `it is ${flow.state}`;
      return {
        kind: 'NO_ACTIVE_OWNER',
        flow,
        principal: { kind: 'USER', id: flow.primaryOwnerId },
        connectionId: null,
        detail: `No owner is active: the primary owner ${ownerName} has left; ${state}.`,
        nameKey,
        ties: [id],
      };
    });
}

/** S17: connections whose owner left, still used by flows here: runs using them fail. */
async function departedConnections(tx: Tx, inEnvironment: SQL): Promise<Keyed[]> {
  const rows = await tx
    .selectDistinct({
      flow: flows,
      nameKey: nameColumn,
      connectionId: connections.id,
      connectionName: connections.displayName,
      ownerName: users.displayName,
    })
    .from(connectionReferences)
    .innerJoin(flows, eq(flows.id, connectionReferences.flowId))
    .innerJoin(connections, eq(connections.id, connectionReferences.connectionId))
    .innerJoin(users, eq(users.id, connections.ownerId))
    .where(and(inEnvironment, eq(users.status, 'DEPARTED')))
    .orderBy(nameKey, asc(flows.id), asc(connections.id))
    .limit(LIMIT);
  return rows.map((r) => ({
    kind: 'DEPARTED_CONNECTION_OWNER',
    flow: r.flow,
    principal: null,
    connectionId: r.connectionId,
    detail: `Connection ${r.connectionName} belongs to ${r.ownerName}, who has left: actions using it fail until an owner replaces it.`,
    nameKey: r.nameKey,
    ties: [r.flow.id, r.connectionId],
  }));
}

/**
 * S19: grants past their expiry still on record (they give nothing). Their detail names the
 * principal; only the listed ones are named (describeExpired), in one batch.
 */
async function expired(tx: Tx, inEnvironment: SQL, now: Date): Promise<Keyed[]> {
  const perTable = async (table: GrantTable) => {
    const rows = await tx
      .select({ flow: flows, nameKey: nameColumn, grant: table })
      .from(table)
      .innerJoin(flows, eq(flows.id, table.flowId))
      .where(and(inEnvironment, isNotNull(table.expiresAt), lte(table.expiresAt, now)))
      .orderBy(nameKey, asc(flows.id), asc(table.id))
      .limit(LIMIT);
    return rows.map(
      (r): Keyed => ({
        kind: 'EXPIRED_GRANT',
        flow: r.flow,
        principal: grantPrincipal(r.grant),
        connectionId: null,
        detail: '',
        expiry: { what: grantName(table), at: r.grant.expiresAt! },
        nameKey: r.nameKey,
        ties: [r.flow.id, table === ownerGrants ? '0' : '1', r.grant.id],
      }),
    );
  };
  return (await Promise.all([perTable(ownerGrants), perTable(runOnlyGrants)])).flat();
}

/** Writes the detail of the listed expired grants, naming their principals (one batch). */
async function describeExpired(tx: Tx, listed: Keyed[]): Promise<void> {
  const expiredOnes = listed.filter((f) => f.expiry !== undefined);
  if (expiredOnes.length === 0) return;
  const principals = await loadPrincipals(
    tx,
    expiredOnes.map((f) => f.principal!),
  );
  for (const f of expiredOnes) {
    const name = principals.get(`${f.principal!.kind}:${f.principal!.id}`)?.name ?? 'A principal';
    f.detail = `${name}'s ${f.expiry!.what} access expired at ${f.expiry!.at.toISOString()}; the grant is still on record.`;
  }
}
