// SCIM Groups onto the directory's groups, through its one write path (src/directory/write.ts).
//
//   id          our row id
//   externalId  the group's directory id (what a directory file names): the client's when it
//               sends one, else one we make at creation
//   displayName displayName (S27)
//   members     users of the same tenant, by their SCIM id; a membership change counts for
//               access at once (a member added to a co-owner group owns its flows: no event,
//               accessFor shows it). Groups as members are refused (400 invalidValue).
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import SCIMMY from 'scimmy';
import type { Tx } from '../db/open.js';
import { groupMembers, groups, users } from '../db/tables.js';
import { deleteGroup, GroupInUseError, setGroupMembers, upsertGroups } from '../directory/write.js';
import { guard, type ScimContext } from './context.js';
import { notFound, scimError } from './errors.js';
import { filterSql, UUID, type EqColumns } from './filter.js';
import { storedName } from './text.js';

type GroupRow = typeof groups.$inferSelect;

const EQ: EqColumns = {
  externalid: (v) => (typeof v === 'string' ? eq(groups.externalId, v) : sql`false`),
  displayname: (v) => (typeof v === 'string' ? sql`lower(${groups.displayName}) = lower(${v})` : sql`false`),
  id: (v) => (typeof v === 'string' && UUID.test(v) ? eq(groups.id, v) : sql`false`),
};

/** The SCIM representations of `rows`, with their members (users the identity provider has not deleted). */
async function groupsToScim(tx: Tx, rows: GroupRow[]) {
  const members = rows.length
    ? await tx
        .select({ groupId: groupMembers.groupId, id: users.id, displayName: users.displayName })
        .from(groupMembers)
        .innerJoin(users, eq(users.id, groupMembers.userId))
        .where(
          and(
            inArray(
              groupMembers.groupId,
              rows.map((g) => g.id),
            ),
            isNull(users.removedAt),
          ),
        )
        .orderBy(asc(users.id))
    : [];
  return rows.map((g) => ({
    id: g.id,
    externalId: g.externalId,
    displayName: g.displayName,
    members: members.filter((m) => m.groupId === g.id).map((m) => ({ value: m.id, display: m.displayName, type: 'User' })),
  }));
}

async function findGroup(tx: Tx, tenantId: string, id: string | undefined): Promise<GroupRow> {
  if (!id || !UUID.test(id)) throw notFound(id);
  const [row] = await tx
    .select()
    .from(groups)
    .where(and(eq(groups.tenantId, tenantId), eq(groups.id, id)));
  if (!row) throw notFound(id);
  return row;
}

export async function listGroups(ctx: ScimContext, filter: SCIMMY.Types.Filter | undefined, startIndex: number, count: number) {
  const { tx, tenant } = ctx;
  const condition = filterSql(filter, EQ);
  const inTenant = eq(groups.tenantId, tenant.id);
  if (condition === null) {
    const all = await groupsToScim(tx, await tx.select().from(groups).where(inTenant).orderBy(asc(groups.displayName), asc(groups.id)));
    const matched = filter!.match(all);
    return { total: matched.length, page: matched.slice(startIndex - 1, startIndex - 1 + count) };
  }
  const where = and(inTenant, condition);
  const [{ total }] = (await tx
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(groups)
    .where(where)) as [{ total: number }];
  const rows =
    count === 0
      ? []
      : await tx
          .select()
          .from(groups)
          .where(where)
          .orderBy(asc(groups.displayName), asc(groups.id))
          .limit(count)
          .offset(startIndex - 1);
  return { total, page: await groupsToScim(tx, rows) };
}

type GroupInstance = { displayName?: unknown; externalId?: unknown; members?: { value?: unknown; type?: unknown }[] };

/** The members' user ids, each a live user of the tenant. */
async function memberIds(tx: Tx, tenantId: string, members: GroupInstance['members']): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, m] of (members ?? []).entries()) {
    if (typeof m.type === 'string' && m.type !== 'User') throw scimError(400, 'invalidValue', `members[${i}]: only users can be members`);
    if (typeof m.value !== 'string' || !UUID.test(m.value)) throw scimError(400, 'invalidValue', `members[${i}].value: no such user`);
    ids.push(m.value);
  }
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = new Set(
    (
      await tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, unique), eq(users.tenantId, tenantId), isNull(users.removedAt)))
    ).map((u) => u.id),
  );
  const missing = unique.find((id) => !found.has(id));
  if (missing) throw scimError(400, 'invalidValue', `members: no user "${missing}" in this tenant`);
  return unique;
}

async function write(ctx: ScimContext, id: string | undefined, instance: GroupInstance): Promise<GroupRow> {
  const { tx, tenant } = ctx;
  const displayName = storedName('displayName', instance.displayName);
  const sentExternalId = instance.externalId === undefined ? undefined : storedName('externalId', instance.externalId);
  const before = id === undefined ? undefined : await findGroup(tx, tenant.id, id);
  const externalId = sentExternalId ?? before?.externalId ?? `scim-${randomUUID()}`;
  const [taken] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.externalId, externalId));
  if (taken && taken.id !== before?.id) throw scimError(409, 'uniqueness', `externalId "${externalId}" is already taken`);
  const members = await memberIds(tx, tenant.id, instance.members);
  let groupId: string;
  if (before) {
    await tx.update(groups).set({ externalId, displayName }).where(eq(groups.id, before.id));
    groupId = before.id;
  } else {
    groupId = (await upsertGroups(tx, [{ externalId, tenantId: tenant.id, displayName }])).get(externalId)!;
    ctx.created = true;
  }
  await setGroupMembers(
    tx,
    [groupId],
    members.map((userId) => ({ groupId, userId })),
  );
  ctx.groupsWritten.push(groupId);
  return findGroup(tx, tenant.id, groupId);
}

/** scimmy's Group resource, served from the request's transaction and tenant (ctx). */
export function declareGroups(): void {
  SCIMMY.Resources.declare(
    SCIMMY.Resources.Group.egress((resource, ctx: ScimContext) =>
      guard(ctx, async () => (await groupsToScim(ctx.tx, [await findGroup(ctx.tx, ctx.tenant.id, resource.id)]))[0]!),
    )
      .ingress((resource, instance, ctx: ScimContext) =>
        guard(ctx, async () => (await groupsToScim(ctx.tx, [await write(ctx, resource.id, instance as unknown as GroupInstance)]))[0]!),
      )
      .degress((resource, ctx: ScimContext) =>
        guard(ctx, async () => {
          const group = await findGroup(ctx.tx, ctx.tenant.id, resource.id);
          try {
            if ((await deleteGroup(ctx.tx, group.id)).eventsWritten) ctx.eventsWritten = true;
          } catch (error) {
            if (error instanceof GroupInUseError) throw scimError(409, null, `The group can't be deleted yet: ${error.message}.`);
            throw error;
          }
        }),
      ) as unknown as typeof SCIMMY.Types.Resource,
  );
}
