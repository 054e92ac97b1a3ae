// Directory import: upserts tenants, users, groups, lists, environments and connectors from
// a directory file in one transaction. Idempotent; group members and list editors become
// exactly what the file says. A bad file is refused whole, naming the JSON path of each fault.
import { readFile } from 'node:fs/promises';
import { inArray, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/open.js';
import { connectors, environments, environmentUsers, groups, listEditors, sharePointLists, tenants, users } from '../db/tables.js';
import { directoryFile, jsonPath, type DirectoryFile } from './format.js';
import { importChanges, recordChanges } from './changes.js';
import { resumeFlowsRegainingOwners } from '../sharing/resume.js';
import { chunks, departUsers, replaceChildren, setGroupMembers, upsert, upsertGroups, upsertUsers } from './write.js';

export class DirectoryError extends Error {
  constructor(readonly problems: string[]) {
    super(`directory refused, nothing was written:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

export type ImportSummary = Record<keyof DirectoryFile, number> & { departedUsers: string[]; suspendedFlows: number; resumedFlows: number };

/** "2 tenants, 7 users, ..., departed: bob" */
export function describeImport(summary: ImportSummary): string {
  const { departedUsers, suspendedFlows, resumedFlows, ...counts } = summary;
  const parts = Object.entries(counts).map(([kind, n]) => `${n} ${kind}`);
  if (departedUsers.length > 0) parts.push(`departed: ${departedUsers.join(', ')}`);
  if (suspendedFlows > 0) parts.push(`${suspendedFlows} flows suspended with no active owner`);
  if (resumedFlows > 0) parts.push(`${resumedFlows} flows resumed (an owner is back)`);
  return parts.join(', ');
}

/** Reads and checks the file's shape; references are checked against the database on import. */
export async function readDirectoryFile(file: string): Promise<DirectoryFile> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new DirectoryError([`${file}: ${(error as Error).message}`]);
  }
  return parseDirectory(json);
}

export function parseDirectory(json: unknown): DirectoryFile {
  const parsed = directoryFile.safeParse(json);
  if (!parsed.success) {
    throw new DirectoryError(parsed.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`));
  }
  return parsed.data;
}

export async function importDirectoryFile(db: Db, file: string): Promise<ImportSummary> {
  return importDirectory(db, await readDirectoryFile(file));
}

export async function importDirectory(db: Db, json: unknown): Promise<ImportSummary> {
  const dir = parseDirectory(json);
  return db.transaction(async (tx) => {
    const known = await loadKnown(tx, dir);
    const problems = checkReferences(dir, known);
    if (problems.length > 0) throw new DirectoryError(problems);
    return write(tx, dir, known);
  });
}

// ------------------------------------------------------------------ what the database has

type Known = {
  tenants: Map<string, { id: string }>;
  users: Map<string, { id: string; tenant: string; status: string }>;
  groups: Map<string, { id: string; tenant: string }>;
  lists: Map<string, { id: string; tenant: string }>;
  environments: Map<string, { id: string; tenant: string; isDefault: boolean }>;
};

async function loadKnown(tx: Tx, dir: DirectoryFile): Promise<Known> {
  // Tenants are few: load them all (moving a user between tenants is refused by name).
  const tenantRows = await tx.select({ id: tenants.id, externalId: tenants.externalId }).from(tenants);
  const tenantName = new Map(tenantRows.map((t) => [t.id, t.externalId]));
  const withTenant = <T extends { tenantId: string }>(row: T) => ({
    ...row,
    tenant: tenantName.get(row.tenantId) ?? '',
  });
  const memberIds = unique([
    ...dir.users.map((u) => u.id),
    ...dir.groups.flatMap((g) => g.members),
    ...dir.sharePointLists.flatMap((l) => l.editors),
    ...dir.environments.flatMap((e) => e.users.map((u) => u.user)),
  ]);
  const groupIds = unique([
    ...dir.groups.map((g) => g.id),
    ...dir.sharePointLists.flatMap((l) => l.editors),
    ...dir.environments.flatMap((e) => (e.securityGroup ? [e.securityGroup] : [])),
  ]);
  const [userRows, groupRows, listRows, environmentRows, defaultRows] = await Promise.all([
    byExternalId(tx, users, memberIds, { id: users.id, tenantId: users.tenantId, status: users.status }),
    byExternalId(tx, groups, groupIds, { id: groups.id, tenantId: groups.tenantId }),
    byExternalId(
      tx,
      sharePointLists,
      dir.sharePointLists.map((l) => l.id),
      {
        id: sharePointLists.id,
        tenantId: sharePointLists.tenantId,
      },
    ),
    byExternalId(
      tx,
      environments,
      dir.environments.map((e) => e.id),
      {
        id: environments.id,
        tenantId: environments.tenantId,
        isDefault: environments.isDefault,
      },
    ),
    tx
      .select({ externalId: environments.externalId, tenantId: environments.tenantId, id: environments.id })
      .from(environments)
      .where(sql`${environments.isDefault}`),
  ]);
  return {
    tenants: new Map(tenantRows.map((t) => [t.externalId, t])),
    users: new Map(userRows.map((u) => [u.externalId, withTenant(u)])),
    groups: new Map(groupRows.map((g) => [g.externalId, withTenant(g)])),
    lists: new Map(listRows.map((l) => [l.externalId, withTenant(l)])),
    environments: new Map(
      [...defaultRows.map((e) => ({ ...e, isDefault: true })), ...environmentRows].map((e) => [e.externalId, withTenant(e)]),
    ),
  };
}

async function byExternalId<T extends Record<string, PgColumn>>(
  tx: Tx,
  table: PgTable & { externalId: PgColumn },
  externalIds: string[],
  columns: T,
) {
  if (externalIds.length === 0) return [];
  const rows = await tx
    .select({ ...columns, externalId: table.externalId })
    .from(table)
    .where(inArray(table.externalId, externalIds));
  return rows as ({ [K in keyof T]: T[K]['_']['data'] } & { externalId: string })[];
}

// ------------------------------------------------------------------ checks

function checkReferences(dir: DirectoryFile, known: Known): string[] {
  const problems: string[] = [];
  const fault = (path: PropertyKey[], message: string) => problems.push(`${jsonPath(path)}: ${message}`);

  const tenantOf = new Map<string, string>(); // tenant external id → cloud, for existence
  for (const t of dir.tenants) tenantOf.set(t.id, t.cloud);
  for (const id of known.tenants.keys()) if (!tenantOf.has(id)) tenantOf.set(id, '');

  // Users, groups and lists share one id space: list editors name either.
  const seen = new Map<string, string>();
  const once = (section: string, items: { id: string }[]) =>
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first) fault([section, i, 'id'], `duplicate id "${item.id}" (first at ${first})`);
      else seen.set(item.id, jsonPath([section, i, 'id']));
    });
  once('tenants', dir.tenants);
  seen.clear();
  once('users', dir.users);
  once('groups', dir.groups);
  once('sharePointLists', dir.sharePointLists);
  seen.clear();
  once('environments', dir.environments);
  seen.clear();
  once('connectors', dir.connectors);

  // Where each user, group and list lives after this import.
  const userTenant = new Map([...known.users].map(([id, u]) => [id, u.tenant]));
  const groupTenant = new Map([...known.groups].map(([id, g]) => [id, g.tenant]));
  const sections = [
    ['users', dir.users, known.users, userTenant],
    ['groups', dir.groups, known.groups, groupTenant],
    ['sharePointLists', dir.sharePointLists, known.lists, null],
    ['environments', dir.environments, known.environments, null],
  ] as const;
  for (const [section, items, existing, tenantMap] of sections) {
    items.forEach((item, i) => {
      if (!tenantOf.has(item.tenant)) fault([section, i, 'tenant'], `unknown tenant "${item.tenant}"`);
      const before = existing.get(item.id);
      if (before && before.tenant !== item.tenant) {
        fault([section, i, 'tenant'], `"${item.id}" belongs to tenant "${before.tenant}"; it cannot move`);
      }
      tenantMap?.set(item.id, item.tenant);
    });
  }

  const member = (path: PropertyKey[], userId: string, tenant: string) => {
    const t = userTenant.get(userId);
    if (t === undefined) fault(path, `unknown user "${userId}"`);
    else if (t !== tenant) fault(path, `user "${userId}" is in tenant "${t}", not "${tenant}"`);
  };
  for (const [i, g] of dir.groups.entries()) {
    for (const [j, m] of g.members.entries()) member(['groups', i, 'members', j], m, g.tenant);
  }
  for (const [i, l] of dir.sharePointLists.entries()) {
    for (const [j, e] of l.editors.entries()) {
      const path = ['sharePointLists', i, 'editors', j];
      const groupT = groupTenant.get(e);
      if (groupT === undefined) member(path, e, l.tenant);
      else if (groupT !== l.tenant) fault(path, `group "${e}" is in tenant "${groupT}", not "${l.tenant}"`);
    }
  }

  const defaults = new Map<string, string>(); // tenant → its default environment
  for (const [id, e] of known.environments) if (e.isDefault) defaults.set(e.tenant, id);
  dir.environments.forEach((e, i) => {
    if (e.securityGroup !== null) {
      const t = groupTenant.get(e.securityGroup);
      if (t === undefined) fault(['environments', i, 'securityGroup'], `unknown group "${e.securityGroup}"`);
      else if (t !== e.tenant) fault(['environments', i, 'securityGroup'], `group "${e.securityGroup}" is in tenant "${t}"`);
    }
    for (const [j, u] of e.users.entries()) member(['environments', i, 'users', j, 'user'], u.user, e.tenant);
    const other = defaults.get(e.tenant);
    if (e.isDefault && other !== undefined && other !== e.id) {
      fault(['environments', i, 'isDefault'], `tenant "${e.tenant}" already has a default environment ("${other}")`);
    }
    if (e.isDefault) defaults.set(e.tenant, e.id);
    else if (other === e.id) defaults.delete(e.tenant);
  });
  return problems;
}

// ------------------------------------------------------------------ writing

async function write(tx: Tx, dir: DirectoryFile, known: Known): Promise<ImportSummary> {
  const tenantIds = await upsert(
    tx,
    tenants,
    dir.tenants.map((t) => ({ externalId: t.id, displayName: t.displayName, cloud: t.cloud })),
    ['displayName', 'cloud'],
  );
  for (const [ext, t] of known.tenants) if (!tenantIds.has(ext)) tenantIds.set(ext, t.id);
  const tenantId = (ext: string) => tenantIds.get(ext)!;

  // Users and groups through the directory's one write path (write.ts), as SCIM does.
  const {
    ids: userIds,
    departed,
    returned,
  } = await upsertUsers(
    tx,
    dir.users.map((u) => ({
      externalId: u.id,
      tenantId: tenantId(u.tenant),
      displayName: u.displayName,
      email: u.email,
      kind: u.kind,
      license: u.license,
      status: u.status,
    })),
  );
  for (const [ext, u] of known.users) if (!userIds.has(ext)) userIds.set(ext, u.id);
  const departedIds = new Set(departed);
  const departedUsers = dir.users.filter((u) => departedIds.has(userIds.get(u.id)!)).map((u) => u.id);

  const groupIds = await upsertGroups(
    tx,
    dir.groups.map((g) => ({ externalId: g.id, tenantId: tenantId(g.tenant), displayName: g.displayName })),
  );
  for (const [ext, g] of known.groups) if (!groupIds.has(ext)) groupIds.set(ext, g.id);
  await setGroupMembers(
    tx,
    dir.groups.map((g) => groupIds.get(g.id)!),
    dir.groups.flatMap((g) => unique(g.members).map((m) => ({ groupId: groupIds.get(g.id)!, userId: userIds.get(m)! }))),
  );

  const listIds = await upsert(
    tx,
    sharePointLists,
    dir.sharePointLists.map((l) => ({
      externalId: l.id,
      tenantId: tenantId(l.tenant),
      title: l.title,
      siteUrl: l.siteUrl,
    })),
    ['title', 'siteUrl'],
  );
  await replaceChildren(
    tx,
    listEditors,
    listEditors.listId,
    dir.sharePointLists.map((l) => listIds.get(l.id)!),
    dir.sharePointLists.flatMap((l) =>
      unique(l.editors).map((e) => ({
        listId: listIds.get(l.id)!,
        userId: groupIds.has(e) ? null : userIds.get(e)!,
        groupId: groupIds.get(e) ?? null,
      })),
    ),
  );

  // A default that moves within a tenant: clear the old one first (one default per tenant).
  const newDefaults = dir.environments.filter((e) => e.isDefault).map((e) => e.id);
  if (newDefaults.length > 0) {
    await tx
      .update(environments)
      .set({ isDefault: false })
      .where(
        sql`${environments.isDefault} and ${environments.tenantId} in (select tenant_id from environments where ${inArray(environments.externalId, newDefaults)}) and not ${inArray(environments.externalId, newDefaults)}`,
      );
  }
  const environmentIds = await upsert(
    tx,
    environments,
    dir.environments.map((e) => ({
      externalId: e.id,
      tenantId: tenantId(e.tenant),
      displayName: e.displayName,
      isDefault: e.isDefault,
      securityGroupId: e.securityGroup === null ? null : groupIds.get(e.securityGroup)!,
    })),
    ['displayName', 'isDefault', 'securityGroupId'],
  );
  // Environment users are upserted, never removed here: sharing (S14) and admins add them too.
  const roles = dir.environments.flatMap((e) =>
    e.users.map((u) => ({ environmentId: environmentIds.get(e.id)!, userId: userIds.get(u.user)!, role: u.role })),
  );
  for (const batch of chunks(roles)) {
    await tx
      .insert(environmentUsers)
      .values(batch)
      .onConflictDoUpdate({
        target: [environmentUsers.environmentId, environmentUsers.userId],
        set: { role: sql`excluded.role` },
      });
  }

  await upsert(
    tx,
    connectors,
    dir.connectors.map((c) => ({ externalId: c.id, displayName: c.displayName })),
    ['displayName'],
  );

  // S17 and S26: what leaving means, and the signal that ends the departed users' open streams.
  const { suspendedFlowIds } = await departUsers(tx, departed);
  // Owners back (a user active again, a group's members as the file has them): their flows may resume.
  const { resumedFlowIds } = await resumeFlowsRegainingOwners(tx, { userIds: returned, groupIds: [...groupIds.values()] });
  await recordChanges(
    tx,
    importChanges(
      dir,
      tenantId,
      departedUsers.map((ext) => ({ ext, id: userIds.get(ext)! })),
    ),
  );

  return {
    tenants: dir.tenants.length,
    users: dir.users.length,
    groups: dir.groups.length,
    sharePointLists: dir.sharePointLists.length,
    environments: dir.environments.length,
    connectors: dir.connectors.length,
    departedUsers,
    suspendedFlows: suspendedFlowIds.length,
    resumedFlows: resumedFlowIds.length,
  };
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
