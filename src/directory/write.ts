// The directory's one write path: what a change to users and groups does, whichever front
// door it came through (the JSON import, SCIM). Each function runs in the caller's
// transaction; a departure's effects (S17) and its signal to open streams (S26) are written in
// that same transaction. After the commit the caller wakes its feed and NOTIFYs the other
// processes (src/events/directory.ts).
//
// Lock order: a SCIM change first locks its tenant's row (lockTenant), before anything of
// src/sharing/locks.ts (environments, flows, grants, the log), which applyDepartures takes
// after it. The import upserts tenants first, which locks the same rows in the same place.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/open.js';
import { environments, groupMembers, groups, tenants, users } from '../db/tables.js';
import { announceDirectoryChange } from '../events/directory.js';
import { applyDepartures } from '../sharing/departures.js';
import { removeGroupGrants } from '../sharing/removed-groups.js';

export const CHUNK = 1000; // rows per statement, well under PostgreSQL's 65,535 parameters

export type UserRecord = {
  /** The directory id: what the JWT `sub` names. */
  externalId: string;
  tenantId: string;
  displayName: string;
  email: string;
  kind: 'MEMBER' | 'GUEST';
  license: 'FREE' | 'PREMIUM' | 'SEEDED';
  status: 'ACTIVE' | 'DEPARTED';
};

/** Serialises the directory changes of one tenant (SCIM): uniqueness checks then hold until commit. */
export async function lockTenant(tx: Tx, tenantId: string): Promise<void> {
  await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId)).for('update');
}

/**
 * Inserts or updates users by directory id (a removed user named again comes back). Returns
 * directory id → row id, the row ids of those who were ACTIVE and are DEPARTED now (pass them to
 * departUsers once the rest of the change is written) and of those who were DEPARTED and are
 * ACTIVE again (pass them to resumeFlowsRegainingOwners).
 */
export async function upsertUsers(
  tx: Tx,
  rows: UserRecord[],
): Promise<{ ids: Map<string, string>; departed: string[]; returned: string[] }> {
  const departed = await changingStatus(tx, rows, 'ACTIVE', 'DEPARTED');
  const returned = await changingStatus(tx, rows, 'DEPARTED', 'ACTIVE');
  const ids = await upsert(
    tx,
    users,
    rows.map((u) => ({ ...u, removedAt: null })),
    ['displayName', 'email', 'kind', 'license', 'status', 'removedAt'],
  );
  return { ids, departed, returned };
}

/** Row ids of the users of `rows` now `from` whom `rows` make `to`. */
async function changingStatus(tx: Tx, rows: UserRecord[], from: UserRecord['status'], to: UserRecord['status']): Promise<string[]> {
  const ids: string[] = [];
  for (const batch of chunks(rows.filter((u) => u.status === to).map((u) => u.externalId))) {
    const found = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.externalId, batch), eq(users.status, from)));
    ids.push(...found.map((u) => u.id));
  }
  return ids;
}

/**
 * Changes one user, by row id. `removed`: the identity provider deleted them (they are DEPARTED
 * too) or created them again (false). Returns whether they left, or came back, with this change.
 */
export async function updateUser(
  tx: Tx,
  id: string,
  change: Partial<Omit<UserRecord, 'tenantId'>> & { removed?: boolean },
): Promise<{ departed: boolean; returned: boolean }> {
  const { removed, ...fields } = change;
  // NO KEY UPDATE: the key stays, so a concurrent grant to this user (a foreign key: KEY SHARE) need not wait.
  const [before] = await tx.select({ status: users.status }).from(users).where(eq(users.id, id)).for('no key update');
  if (!before) return { departed: false, returned: false };
  await tx
    .update(users)
    .set({ ...fields, ...(removed === undefined ? {} : { removedAt: removed ? new Date() : null }) })
    .where(eq(users.id, id));
  return {
    departed: before.status === 'ACTIVE' && fields.status === 'DEPARTED',
    returned: before.status === 'DEPARTED' && fields.status === 'ACTIVE',
  };
}

/**
 * What leaving means (S17: connections to ERROR, orphaned flows suspended, FLOW_SUSPENDED) and
 * the signal that ends the departed users' open streams on every process (S26). Call once per
 * change, after its other writes, in its transaction.
 */
export async function departUsers(tx: Tx, userIds: string[]): Promise<{ suspendedFlowIds: string[] }> {
  if (userIds.length === 0) return { suspendedFlowIds: [] };
  await announceDirectoryChange(tx);
  return applyDepartures(tx, userIds);
}

export type GroupRecord = { externalId: string; tenantId: string; displayName: string };

/** Inserts or updates groups by directory id; returns directory id → row id. */
export async function upsertGroups(tx: Tx, rows: GroupRecord[]): Promise<Map<string, string>> {
  return upsert(tx, groups, rows, ['displayName']);
}

/** Makes the members of each group of `groupIds` exactly those of `members`. Access follows at once. */
export async function setGroupMembers(tx: Tx, groupIds: string[], members: { groupId: string; userId: string }[]): Promise<void> {
  await replaceChildren(tx, groupMembers, groupMembers.groupId, groupIds, members);
}

export class GroupInUseError extends Error {}

/**
 * Deletes a group: its grants on flows go with it, with their removal events (and any flow
 * left with no active owner is suspended); its memberships and list editorships too. An
 * environment's security group is refused (GroupInUseError): without it the environment
 * would be open to the whole tenant (S16). Returns whether sharing events were written.
 */
export async function deleteGroup(tx: Tx, groupId: string): Promise<{ eventsWritten: boolean }> {
  const [guarding] = await tx
    .select({ name: environments.displayName })
    .from(environments)
    .where(eq(environments.securityGroupId, groupId))
    .limit(1);
  if (guarding) throw new GroupInUseError(`it is the security group of the environment "${guarding.name}"`);
  const { flowIds } = await removeGroupGrants(tx, groupId);
  await tx.delete(groups).where(eq(groups.id, groupId));
  return { eventsWritten: flowIds.length > 0 };
}

// ------------------------------------------------------------------ batched statements

type ExternalTable = PgTable & { id: PgColumn; externalId: PgColumn };

/** Insert or update by external id; returns external id → row id. */
export async function upsert<T extends ExternalTable>(
  tx: Tx,
  table: T,
  rows: T['$inferInsert'][],
  update: (keyof T['$inferInsert'] & string)[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const set: Record<string, SQL> = {};
  for (const key of update) {
    const column = (table as unknown as Record<string, PgColumn>)[key]!;
    set[key] = sql.raw(`excluded."${column.name}"`);
  }
  for (const batch of chunks(rows)) {
    const written = await tx
      .insert(table)
      .values(batch)
      .onConflictDoUpdate({ target: table.externalId, set })
      .returning({ id: table.id, externalId: table.externalId });
    for (const row of written as { id: string; externalId: string }[]) ids.set(row.externalId, row.id);
  }
  return ids;
}

/** Make the children of `parentIds` exactly `rows`. */
export async function replaceChildren<T extends PgTable>(
  tx: Tx,
  table: T,
  parentColumn: PgColumn,
  parentIds: string[],
  rows: T['$inferInsert'][],
) {
  for (const batch of chunks(parentIds)) await tx.delete(table).where(inArray(parentColumn, batch));
  for (const batch of chunks(rows)) await tx.insert(table).values(batch);
}

export function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
