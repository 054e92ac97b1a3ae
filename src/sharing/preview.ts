// previewFlowOwners and previewRunOnlyUsers: the mutation itself, run in a transaction that is
// always rolled back (withoutWriting), with the access of the users it touches read before and
// after it inside that transaction. So a preview can't disagree with the mutation (S25): it is
// the mutation. Its DomainError is thrown out unchanged, for the caller to answer as the
// mutation does; nothing it wrote (grants, environment users, events) outlives the preview.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/open.js';
import { flows, groupMembers, listEditors, users } from '../db/tables.js';
import { isGrantActive, type AccessLevel, type EnvironmentRole, type PrincipalRef } from '../policy/access.js';
import { sharingAdvice, type AddedPrincipal, type SharingAdvice } from '../policy/advice.js';
import { isInsideEnvironment } from '../policy/environments.js';
import { connectionsWithConnectors } from '../reads/connections.js';
import { loadDefinitionsOf, type Definition } from '../reads/flows.js';
import { decideAccess, loadEnvironmentRolesOf, loadFlowFacts, loadMembershipsOf, type FlowFacts, type UserRow } from './access.js';
import { withoutWriting } from './dry-run.js';
import { key, loadPrincipals, type PrincipalInput } from './grants.js';
import { lockEnvironment } from './locks.js';
import { modifyFlowOwners, type ModifyFlowOwnersInput, type ModifyFlowOwnersResult } from './owners.js';
import { modifyRunOnlyUsers, type ModifyRunOnlyUsersInput } from './runonly.js';

type ConnectionRow = ModifyFlowOwnersResult['connectionsNeedingAttention'][number];

export type UserAccessChange = { user: UserRow; before: AccessLevel; after: AccessLevel };

export type SharingPreview = {
  /** Users whose access level would change, by display name then id. */
  changes: UserAccessChange[];
  usersAddedToEnvironment: UserRow[];
  /** Users reached by an added principal who are outside the environment (S16), by display name. */
  inertFor: UserRow[];
  connectionsNeedingAttention: ConnectionRow[];
  advice: SharingAdvice[];
};

/** Users a statement asks about at once: far below PostgreSQL's 65,535 parameters. */
const USERS_PER_STATEMENT = 1_000;

/** What modifyFlowOwners would do with this input; throws the DomainError it would throw. */
export function previewFlowOwners(db: Db, viewer: UserRow, input: ModifyFlowOwnersInput): Promise<SharingPreview> {
  return preview(db, 'OWNER', input, async (tx) => {
    const result = await modifyFlowOwners(tx, viewer, input);
    return { usersAddedToEnvironment: result.usersAddedToEnvironment, connectionsNeedingAttention: result.connectionsNeedingAttention };
  });
}

/** What modifyRunOnlyUsers would do with this input; throws the DomainError it would throw. */
export function previewRunOnlyUsers(db: Db, viewer: UserRow, input: ModifyRunOnlyUsersInput): Promise<SharingPreview> {
  return preview(db, 'RUN_ONLY', input, async (tx) => {
    await modifyRunOnlyUsers(tx, viewer, input);
    return { usersAddedToEnvironment: [], connectionsNeedingAttention: [] };
  });
}

type Change = {
  flowId: string;
  add: PrincipalInput[];
  remove: PrincipalInput[];
  expiresAt: Date | null;
  connectionSources?: ModifyRunOnlyUsersInput['connectionSources'];
};
type Outcome = Pick<SharingPreview, 'usersAddedToEnvironment' | 'connectionsNeedingAttention'>;

async function preview(db: Db, grant: 'OWNER' | 'RUN_ONLY', input: Change, mutate: (tx: Tx) => Promise<Outcome>): Promise<SharingPreview> {
  return withoutWriting(db, async (tx) => {
    // The flow's locks first, in the mutation's order (environment, then flow): the levels read
    // before are the ones the mutation changes, not older ones.
    await lockFlow(tx, input.flowId);
    const reached = await usersBehind(tx, [...input.add, ...input.remove]);
    const affected = [...new Set([...reached.values()].flatMap((s) => [...s]))];
    const before = await accessOf(tx, input.flowId, affected);
    // The mutation, for real: its own transaction becomes a savepoint of this one. A refusal
    // leaves here as it would leave the mutation.
    const outcome = await mutate(tx);
    const after = await accessOf(tx, input.flowId, affected);
    const facts = after.facts!;

    const changes: UserAccessChange[] = [];
    for (const [id, now] of after.users) {
      const was = before.users.get(id)?.level ?? 'NONE';
      if (was !== now.level) changes.push({ user: now.user, before: was, after: now.level });
    }
    changes.sort((a, b) => byName(a.user, b.user));

    const addedUsers = new Set(input.add.flatMap((p) => [...(reached.get(key(p)) ?? [])]));
    const inertFor = [...addedUsers]
      .map((id) => after.users.get(id))
      .filter((u) => u !== undefined && u.user.status === 'ACTIVE' && !u.inside)
      .map((u) => u!.user)
      .sort(byName);

    const names = await loadPrincipals(tx, input.add);
    const added: AddedPrincipal[] = input.add.map((p) => {
      const reachedUsers = [...(reached.get(key(p)) ?? [])].map((id) => after.users.get(id)).filter((u) => u !== undefined);
      return {
        principal: { kind: p.kind, id: p.id },
        name: names.get(key(p))?.name ?? 'A principal',
        users: reachedUsers.length,
        guests: reachedUsers.filter((u) => u.user.kind === 'GUEST').length,
        inert: reachedUsers.filter((u) => u.user.status === 'ACTIVE' && !u.inside).length,
        role: p.kind === 'USER' ? (after.users.get(p.id)?.role ?? null) : null,
      };
    });

    const definition = (await loadDefinitionsOf(tx, [facts.flow.id])).get(facts.flow.id)!;
    const connectionIds = [...new Set(definition.references.map((r) => r.connectionId))];
    const connections = connectionIds.length ? await connectionsWithConnectors(tx, connectionIds) : [];
    const connectionOf = new Map(connections.map((c) => [c.connection.id, c.connection]));
    const advice = sharingAdvice({
      grant,
      flow: { trigger: facts.flow.trigger, connectorIds: connections.map((c) => c.connector.externalId) },
      expiresAt: input.expiresAt,
      added,
      usersAddedToEnvironment: outcome.usersAddedToEnvironment.length,
      connectionsNeedingAttention: outcome.connectionsNeedingAttention.map((c) => ({ id: c.id, name: c.displayName })),
      embeddedConnections: grant === 'RUN_ONLY' ? embeddedConnections(input, facts, definition, connectionOf) : [],
    });
    return {
      changes,
      usersAddedToEnvironment: [...outcome.usersAddedToEnvironment].sort(byName),
      inertFor,
      connectionsNeedingAttention: outcome.connectionsNeedingAttention,
      advice,
    };
  });
}

/**
 * S9: the connections run-only users would run on with their owners' credentials (references
 * an action uses, source EMBEDDED), when after the change the flow has run-only users and the
 * change adds some or makes a reference EMBEDDED.
 */
function embeddedConnections(
  input: Change,
  facts: FlowFacts,
  definition: Definition,
  connectionOf: Map<string, ConnectionRow>,
): { id: string; name: string }[] {
  const now = new Date();
  const hasRunners = facts.runOnlyGrants.some((g) => isGrantActive(g, now));
  const exposes = input.add.length > 0 || (input.connectionSources ?? []).some((s) => s.source === 'EMBEDDED');
  if (!hasRunners || !exposes) return [];
  const used = new Set(definition.actions.map((a) => a.connectionReferenceId).filter((id) => id !== null));
  const ids = new Set(definition.references.filter((r) => r.runOnlySource === 'EMBEDDED' && used.has(r.id)).map((r) => r.connectionId));
  return [...ids].flatMap((id) => {
    const c = connectionOf.get(id);
    return c ? [{ id: c.id, name: c.displayName }] : [];
  });
}

/** The flow's environment FOR SHARE, then the flow FOR UPDATE: what modifyFlowOwners takes. */
async function lockFlow(tx: Tx, flowId: string): Promise<void> {
  const [place] = await tx.select({ environmentId: flows.environmentId }).from(flows).where(eq(flows.id, flowId));
  if (!place) return;
  await lockEnvironment(tx, place.environmentId, 'share');
  await loadFlowFacts(tx, [flowId], true);
}

/** The users each principal stands for (a group's members, a list's editors and its editor groups' members). */
async function usersBehind(tx: Tx, principals: readonly PrincipalRef[]): Promise<Map<string, Set<string>>> {
  const out = new Map(principals.map((p) => [key(p), new Set(p.kind === 'USER' ? [p.id] : [])]));
  const groupIds = principals.filter((p) => p.kind === 'GROUP').map((p) => p.id);
  const listIds = principals.filter((p) => p.kind === 'LIST').map((p) => p.id);
  const [editors, members] = await Promise.all([
    listIds.length ? tx.select().from(listEditors).where(inArray(listEditors.listId, listIds)) : [],
    groupIds.length
      ? tx
          .select({ groupId: groupMembers.groupId, userId: groupMembers.userId })
          .from(groupMembers)
          .where(inArray(groupMembers.groupId, groupIds))
      : [],
  ]);
  for (const m of members) out.get(`GROUP:${m.groupId}`)!.add(m.userId);
  for (const e of editors) if (e.userId) out.get(`LIST:${e.listId}`)!.add(e.userId);
  const editorGroups = editors.filter((e) => e.groupId !== null);
  if (editorGroups.length > 0) {
    const viaGroups = await tx
      .select({ groupId: groupMembers.groupId, userId: groupMembers.userId })
      .from(groupMembers)
      .where(inArray(groupMembers.groupId, [...new Set(editorGroups.map((e) => e.groupId!))]));
    for (const e of editorGroups) {
      for (const m of viaGroups) if (m.groupId === e.groupId) out.get(`LIST:${e.listId}`)!.add(m.userId);
    }
  }
  return out;
}

type UserAccess = { user: UserRow; level: AccessLevel; role: EnvironmentRole | null; inside: boolean };

/**
 * The access level of each user to the flow, decided by policy (decideAccess) on facts read
 * in a few statements per USERS_PER_STATEMENT users, whatever their number: the flow's facts,
 * the users, their memberships and their roles.
 */
async function accessOf(
  tx: Tx,
  flowId: string,
  userIds: readonly string[],
): Promise<{ facts: FlowFacts | undefined; users: Map<string, UserAccess> }> {
  const facts = (await loadFlowFacts(tx, [flowId])).get(flowId);
  const out = new Map<string, UserAccess>();
  if (!facts) return { facts, users: out };
  const now = new Date();
  const environmentId = facts.flow.environmentId;
  for (let i = 0; i < userIds.length; i += USERS_PER_STATEMENT) {
    const ids = userIds.slice(i, i + USERS_PER_STATEMENT);
    const [rows, memberships, roles] = await Promise.all([
      tx
        .select()
        .from(users)
        .where(and(inArray(users.id, ids), eq(users.tenantId, facts.flow.tenantId))),
      loadMembershipsOf(tx, ids),
      loadEnvironmentRolesOf(tx, ids, [environmentId]),
    ]);
    for (const user of rows) {
      const m = memberships.get(user.id)!;
      const role = roles.get(user.id)?.get(environmentId) ?? null;
      out.set(user.id, {
        user,
        level: decideAccess(user, m, facts, role, now).level,
        role,
        inside: isInsideEnvironment({ securityGroupId: facts.flow.securityGroupId }, { role, groupIds: m.groupIds }),
      });
    }
  }
  return { facts, users: out };
}

const byName = (a: UserRow, b: UserRow) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id);
