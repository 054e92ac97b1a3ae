// SCIM Users onto the directory's users, through its one write path (src/directory/write.ts).
//
//   id          our row id (stable; what group members name)
//   userName    the email; unique in the tenant, case-insensitively (409 uniqueness)
//   externalId  the directory id, which the JWT `sub` names: the client's externalId when it
//               sends one (Entra does), else the userName at creation (Okta often sends none);
//               it follows a later externalId, and stays when an update sends none
//   displayName displayName, else name.formatted, else "givenName familyName", else userName
//   active      status: false is DEPARTED (S17, S26 in the same transaction)
//   userType    "Guest" is a GUEST, anything else a MEMBER (unchanged when an update sends none)
//   license     our extension (extension.ts): SEEDED when a new user has none
//
// DELETE makes the user DEPARTED and removes them from SCIM (404 from then on); a later POST
// of the same userName brings that same user back (201).
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import SCIMMY from 'scimmy';
import type { Tx } from '../db/open.js';
import { users } from '../db/tables.js';
import { updateUser, upsertUsers } from '../directory/write.js';
import { guard, type ScimContext } from './context.js';
import { notFound, scimError } from './errors.js';
import { FLOWSHARE_USER, FlowshareUser, type License } from './extension.js';
import { filterSql, UUID, type EqColumns } from './filter.js';
import { storedEmail, storedName } from './text.js';

type UserRow = typeof users.$inferSelect;

const live = (tenantId: string) => and(eq(users.tenantId, tenantId), isNull(users.removedAt));

const byUserName = (value: string) => sql`lower(${users.email}) = lower(${value})`;

const EQ: EqColumns = {
  username: (v) => (typeof v === 'string' ? byUserName(v) : sql`false`),
  externalid: (v) => (typeof v === 'string' ? eq(users.externalId, v) : sql`false`),
  displayname: (v) => (typeof v === 'string' ? sql`lower(${users.displayName}) = lower(${v})` : sql`false`),
  id: (v) => (typeof v === 'string' && UUID.test(v) ? eq(users.id, v) : sql`false`),
  active: (v) => (typeof v === 'boolean' ? eq(users.status, v ? 'ACTIVE' : 'DEPARTED') : null),
};

/** The SCIM representation (scimmy coerces it through the User schema on the way out). */
export function userToScim(row: UserRow) {
  return {
    id: row.id,
    externalId: row.externalId,
    userName: row.email,
    displayName: row.displayName,
    name: { formatted: row.displayName },
    emails: [{ value: row.email, type: 'work', primary: true }],
    userType: row.kind === 'GUEST' ? 'Guest' : 'Member',
    active: row.status === 'ACTIVE',
    [FLOWSHARE_USER]: { license: row.license },
  };
}

async function findUser(tx: Tx, tenantId: string, id: string | undefined): Promise<UserRow> {
  if (!id || !UUID.test(id)) throw notFound(id);
  const [row] = await tx
    .select()
    .from(users)
    .where(and(live(tenantId), eq(users.id, id)));
  if (!row) throw notFound(id);
  return row;
}

/** One page of the tenant's users matching `filter`, and how many match in all. */
export async function listUsers(ctx: ScimContext, filter: SCIMMY.Types.Filter | undefined, startIndex: number, count: number) {
  const { tx, tenant } = ctx;
  const condition = filterSql(filter, EQ);
  if (condition === null) {
    // Not expressible in SQL: scimmy matches the tenant's users in memory.
    const all = (await tx.select().from(users).where(live(tenant.id)).orderBy(asc(users.email), asc(users.id))).map(userToScim);
    const matched = filter!.match(all);
    return { total: matched.length, page: matched.slice(startIndex - 1, startIndex - 1 + count) };
  }
  const where = and(live(tenant.id), condition);
  const [{ total }] = (await tx
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(users)
    .where(where)) as [{ total: number }];
  const rows =
    count === 0
      ? []
      : await tx
          .select()
          .from(users)
          .where(where)
          .orderBy(asc(sql`lower(${users.email})`), asc(users.id))
          .limit(count)
          .offset(startIndex - 1);
  return { total, page: rows.map(userToScim) };
}

type UserInstance = {
  userName?: unknown;
  externalId?: unknown;
  displayName?: unknown;
  name?: { formatted?: unknown; givenName?: unknown; familyName?: unknown };
  active?: boolean;
  userType?: unknown;
  [FLOWSHARE_USER]?: { license?: License };
};

/** What a POST, PUT or PATCH body says, checked (S27); undefined where it says nothing. */
function readInstance(instance: UserInstance) {
  const email = storedEmail('userName', instance.userName);
  const externalId = instance.externalId === undefined ? undefined : storedName('externalId', instance.externalId);
  const fromName = [instance.name?.givenName, instance.name?.familyName].filter((p) => typeof p === 'string' && p.trim()).join(' ');
  const displayName =
    instance.displayName !== undefined
      ? storedName('displayName', instance.displayName)
      : instance.name?.formatted !== undefined
        ? storedName('name.formatted', instance.name.formatted)
        : fromName
          ? storedName('name', fromName)
          : email;
  const kind =
    instance.userType === undefined
      ? undefined
      : String(instance.userType).toLowerCase() === 'guest'
        ? ('GUEST' as const)
        : ('MEMBER' as const);
  const status = instance.active === undefined ? undefined : instance.active ? ('ACTIVE' as const) : ('DEPARTED' as const);
  const license = instance[FLOWSHARE_USER]?.license;
  return { email, externalId, displayName, kind, status, license };
}

/** Another live user of the tenant with this userName, or another user anywhere with this directory id: 409. */
async function assertUnique(tx: Tx, tenantId: string, self: string | null, email: string, externalId: string | undefined) {
  const notSelf = self ? ne(users.id, self) : undefined;
  const [sameName] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(live(tenantId), byUserName(email), notSelf))
    .limit(1);
  if (sameName) throw scimError(409, 'uniqueness', `userName "${email}" is already taken in this tenant`);
  if (externalId === undefined) return;
  const [sameId] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.externalId, externalId), notSelf))
    .limit(1);
  if (sameId) throw scimError(409, 'uniqueness', `externalId "${externalId}" is already taken`);
}

async function create(ctx: ScimContext, body: ReturnType<typeof readInstance>): Promise<UserRow> {
  const { tx, tenant } = ctx;
  const directoryId = body.externalId ?? body.email;
  // A user the identity provider deleted comes back: the same row, found by userName, or by
  // directory id when the userName changed meanwhile.
  const [removed] = await tx
    .select()
    .from(users)
    .where(
      and(
        eq(users.tenantId, tenant.id),
        sql`${users.removedAt} is not null`,
        body.externalId === undefined
          ? byUserName(body.email)
          : sql`(${byUserName(body.email)} or ${users.externalId} = ${body.externalId})`,
      ),
    )
    .orderBy(sql`${users.externalId} = ${directoryId} desc`)
    .limit(1);
  await assertUnique(tx, tenant.id, removed?.id ?? null, body.email, directoryId);
  ctx.created = true;
  if (removed) {
    const { returned } = await updateUser(tx, removed.id, {
      externalId: body.externalId ?? removed.externalId,
      email: body.email,
      displayName: body.displayName,
      kind: body.kind ?? removed.kind,
      license: body.license ?? removed.license,
      status: body.status ?? 'ACTIVE',
      removed: false,
    });
    if (returned) ctx.returned.push(removed.id);
    return findUser(tx, tenant.id, removed.id);
  }
  const { ids } = await upsertUsers(tx, [
    {
      externalId: directoryId,
      tenantId: tenant.id,
      email: body.email,
      displayName: body.displayName,
      kind: body.kind ?? 'MEMBER',
      license: body.license ?? 'SEEDED',
      status: body.status ?? 'ACTIVE',
    },
  ]);
  return findUser(tx, tenant.id, ids.get(directoryId));
}

async function replace(ctx: ScimContext, id: string, body: ReturnType<typeof readInstance>): Promise<UserRow> {
  const { tx, tenant } = ctx;
  const before = await findUser(tx, tenant.id, id);
  await assertUnique(tx, tenant.id, id, body.email, body.externalId);
  const { departed, returned } = await updateUser(tx, id, {
    ...(body.externalId === undefined ? {} : { externalId: body.externalId }),
    email: body.email,
    displayName: body.displayName,
    kind: body.kind ?? before.kind,
    license: body.license ?? before.license,
    status: body.status ?? before.status,
  });
  if (departed) ctx.departed.push(id);
  if (returned) ctx.returned.push(id);
  return findUser(tx, tenant.id, id);
}

/**
 * Entra ID sends booleans as strings in PATCH ("value": "False", or {"active": "True"} with no
 * path): make them booleans before scimmy checks the value against the schema.
 */
export function entraBooleans(message: unknown): unknown {
  if (!message || typeof message !== 'object' || !Array.isArray((message as { Operations?: unknown }).Operations)) return message;
  const asBoolean = (v: unknown) => (typeof v === 'string' && /^(true|false)$/i.test(v) ? v.toLowerCase() === 'true' : v);
  const Operations = (message as { Operations: unknown[] }).Operations.map((op) => {
    if (!op || typeof op !== 'object') return op;
    const { path, value } = op as { path?: unknown; value?: unknown };
    if (typeof path === 'string' && path.toLowerCase() === 'active') return { ...op, value: asBoolean(value) };
    if (path === undefined && value && typeof value === 'object' && !Array.isArray(value)) {
      return {
        ...op,
        value: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k.toLowerCase() === 'active' ? asBoolean(v) : v])),
      };
    }
    return op;
  });
  return { ...message, Operations };
}

/** scimmy's User resource, served from the request's transaction and tenant (ctx). */
export function declareUsers(): void {
  SCIMMY.Resources.declare(
    SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser as unknown as typeof SCIMMY.Types.Schema, false)
      .extend(FlowshareUser as unknown as typeof SCIMMY.Types.Schema, false)
      .egress((resource, ctx: ScimContext) => guard(ctx, async () => userToScim(await findUser(ctx.tx, ctx.tenant.id, resource.id))))
      .ingress((resource, instance, ctx: ScimContext) =>
        guard(ctx, async () => {
          const body = readInstance(instance as unknown as UserInstance);
          return userToScim(resource.id ? await replace(ctx, resource.id, body) : await create(ctx, body));
        }),
      )
      .degress((resource, ctx: ScimContext) =>
        guard(ctx, async () => {
          await findUser(ctx.tx, ctx.tenant.id, resource.id);
          const { departed } = await updateUser(ctx.tx, resource.id!, { status: 'DEPARTED', removed: true });
          if (departed) ctx.departed.push(resource.id!);
        }),
      ) as unknown as typeof SCIMMY.Types.Resource,
  );
}
