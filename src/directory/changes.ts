// The record of directory changes (issue 16 item 6): who changed what, when, through which
// door (a SCIM token, or the JSON import). Rows are written in the change's transaction, so a
// change and its record commit together; each is also one structured log line. Tokens are
// named by a label (credential), never by their value.
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db, Tx } from '../db/open.js';
import { directoryChanges, tenants } from '../db/tables.js';
import type { DirectoryFile } from './format.js';
import { chunks } from './write.js';

export type DirectoryChange = {
  tenantId: string;
  source: 'SCIM' | 'IMPORT';
  /** The SCIM token's label (`token:<id>` or `env:<digest prefix>`); null for the import. */
  credential: string | null;
  /** USER_CREATED, USER_REPLACED, USER_PATCHED, USER_DELETED, USER_DEPARTED, GROUP_…, IMPORTED */
  action: string;
  resourceKind: 'USER' | 'GROUP' | 'DIRECTORY';
  resourceId: string | null;
  /** What changed, briefly: the name given, the PATCH operations' paths, counts. Never values of secrets. */
  detail: string;
};

export async function recordChanges(tx: Tx, changes: DirectoryChange[]): Promise<void> {
  for (const batch of chunks(changes)) await tx.insert(directoryChanges).values(batch);
}

/** One JSON line per change, for the structured log. */
export function changeLogLine(change: DirectoryChange): string {
  return JSON.stringify({ msg: 'directory change', ...change });
}

export type RecordedChange = typeof directoryChanges.$inferSelect;

/** A tenant's changes, newest first, `limit` at a time before `before` (a position). */
export async function listChanges(
  db: Db,
  tenantExternalId: string,
  page: { limit: number; before?: number },
): Promise<RecordedChange[] | null> {
  const [tenant] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.externalId, tenantExternalId));
  if (!tenant) return null;
  return db
    .select()
    .from(directoryChanges)
    .where(
      and(eq(directoryChanges.tenantId, tenant.id), page.before === undefined ? undefined : lt(directoryChanges.position, page.before)),
    )
    .orderBy(desc(directoryChanges.position))
    .limit(page.limit);
}

/** "#12 2026-11-30T19:00:00.000Z SCIM token:… USER_DEPARTED USER <id> active false" */
export function describeChange(c: RecordedChange): string {
  return [
    `#${c.position}`,
    c.occurredAt.toISOString(),
    c.source,
    c.credential ?? '-',
    c.action,
    c.resourceKind,
    c.resourceId ?? '-',
    c.detail,
  ]
    .filter((part) => part !== '')
    .join('  ');
}

/** The import's record (changes.ts): per tenant, what the file held; and each user who left with it. */
export function importChanges(
  dir: DirectoryFile,
  tenantId: (ext: string) => string,
  departed: { ext: string; id: string }[],
): DirectoryChange[] {
  const byTenant = new Map<string, number[]>();
  const count = (tenant: string, i: number) => {
    const counts = byTenant.get(tenant) ?? [0, 0, 0, 0];
    counts[i]! += 1;
    byTenant.set(tenant, counts);
  };
  for (const u of dir.users) count(u.tenant, 0);
  for (const g of dir.groups) count(g.tenant, 1);
  for (const l of dir.sharePointLists) count(l.tenant, 2);
  for (const e of dir.environments) count(e.tenant, 3);
  const base = { source: 'IMPORT' as const, credential: null };
  const tenantOf = new Map(dir.users.map((u) => [u.id, u.tenant]));
  return [
    ...[...byTenant].map(([tenant, [users, groups, lists, environments]]) => ({
      ...base,
      tenantId: tenantId(tenant),
      action: 'IMPORTED',
      resourceKind: 'DIRECTORY' as const,
      resourceId: null,
      detail: `${users} users, ${groups} groups, ${lists} lists, ${environments} environments written`,
    })),
    ...departed.map(({ ext, id }) => ({
      ...base,
      tenantId: tenantId(tenantOf.get(ext)!),
      action: 'USER_DEPARTED',
      resourceKind: 'USER' as const,
      resourceId: id,
      detail: 'connections to ERROR, flows left with no active owner suspended (S17)',
    })),
  ];
}
