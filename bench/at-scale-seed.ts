// Seeds for bench case "at-scale" (bench/at-scale.ts), set-based: generate_series into temporary
// tables of (number, uuid), then one INSERT ... SELECT per table, all in one transaction.
//
// inventory(): one tenant whose default environment holds 100,000 flows and 1,000,000 grants:
//   20,000 users (1 in 50 a guest), 1,000 groups of 20, 500 SharePoint lists (two users and a
//   group edit each); per flow an owner grant to its primary owner, to 3 users, a group and a
//   list, and run-only grants to 3 users and a group. Terry is in 5 groups (3 of which edit a
//   list); the leaver is primary owner of 1,000 classic flows (reassigned over HTTP), the
//   other leaver of 1,000 more (reassigned by the SQL floor).
// audit(): another tenant whose secured environment holds 10,000 flows and 100,000 grants
//   (bench/audit.ts's shape): 2,000 users, 1 in 20 a guest, 1 in 100 departed, 1 in 10
//   outside the security group; 1 flow in 100 owned by a departed user alone, 1 in 50 using a
//   departed user's connection, 1 grant in 50 expired.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../src/db/open.js';
import { connections, connectors, environments, groups, users } from '../src/db/tables.js';
import { importDirectory } from '../src/directory/import.js';
import { tenantDirectory } from '../test/support/tenant.js';

export const INVENTORY = { flows: 100_000, users: 20_000, groups: 1_000, lists: 500, reassigned: 1_000 };
export const AUDIT = { flows: 10_000, users: 2_000 };

const ADJECTIVES = [
  'Daily',
  'Weekly',
  'Monthly',
  'Urgent',
  'Shared',
  'Legacy',
  'New',
  'Team',
  'Regional',
  'Global',
  'Quick',
  'Secure',
  'Manual',
];
const NOUNS = [
  'invoice',
  'report',
  'expense',
  'timesheet',
  'contract',
  'order',
  'ticket',
  'lead',
  'survey',
  'budget',
  'payroll',
  'shipment',
  'backup',
  'newsletter',
  'meeting',
  'holiday',
  'badge',
  'laptop',
  'purchase',
  'quote',
  'claim',
  'audit',
  'vendor',
  'license',
  'renewal',
  'incident',
  'asset',
  'training',
  'candidate',
  'feedback',
  'forecast',
  'refund',
  'delivery',
  'booking',
  'policy',
  'alert',
  'inventory',
  'catalog',
  'review',
  'schedule',
];
const VERBS = [
  'approve',
  'collect',
  'notify',
  'archive',
  'sync',
  'escalate',
  'summarise',
  'route',
  'translate',
  'validate',
  'export',
  'import',
  'remind',
  'publish',
  'assign',
  'close',
  'open',
  'merge',
  'flag',
  'count',
  'tag',
  'post',
  'sign',
  'scan',
  'file',
  'forward',
  'print',
  'rank',
  'score',
  'track',
];
const words = (list: readonly string[]) => sql.raw(`array[${list.map((w) => `'${w}'`).join(',')}]`);

/** Terry's groups: 1, 401 and 801 edit lists 0, 200 and 400 (list n is edited by group 2n+1). */
export const TERRY_GROUPS = [1, 200, 401, 600, 801];

type Tenant = {
  tag: string;
  tenantId: string;
  environmentId: string;
  admin: typeof users.$inferSelect;
  maker: typeof users.$inferSelect;
  coowner: typeof users.$inferSelect;
};

async function tenant(db: Db, prefix: string, environment: 'default' | 'secured'): Promise<Tenant> {
  const tag = `${prefix}${randomUUID().slice(0, 6)}`;
  await importDirectory(db, tenantDirectory(tag));
  const [env] = await db
    .select()
    .from(environments)
    .where(eq(environments.externalId, `${environment}-${tag}`));
  const person = async (name: string) =>
    (
      await db
        .select()
        .from(users)
        .where(eq(users.externalId, `${name}-${tag}`))
    )[0]!;
  const [admin, maker, coowner] = await Promise.all([person('admin'), person('maker'), person('coowner')]);
  return { tag, tenantId: env!.tenantId, environmentId: env!.id, admin, maker, coowner };
}

/** n -> a fresh uuid, for n in [from, to], as a temporary table dropped at commit. */
async function numbered(tx: Tx, name: string, from: number, to: number) {
  await tx.execute(
    sql.raw(`create temporary table ${name} on commit drop as select n, gen_random_uuid() as id from generate_series(${from}, ${to}) n`),
  );
  await tx.execute(sql.raw(`alter table ${name} add primary key (n)`));
}

export type Inventory = Tenant & { terry: string; leaver: string; floorLeaver: string; grants: number };

export async function seedInventory(db: Db): Promise<Inventory> {
  const t = await tenant(db, 'scale', 'default');
  const { flows: F, users: U, groups: G, lists: L } = INVENTORY;
  const E = sql`${t.environmentId}::uuid`;
  const T = sql`${t.tenantId}::uuid`;
  const tag = t.tag;
  const special = await db
    .insert(users)
    .values(
      ['terry', 'leaver', 'floorleaver'].map((name) => ({
        externalId: `${name}-${tag}`,
        tenantId: t.tenantId,
        displayName: `${name} ${tag}`,
        email: `${name}.${tag}@example.com`,
        kind: 'MEMBER' as const,
        license: 'PREMIUM' as const,
        status: name === 'terry' ? ('ACTIVE' as const) : ('DEPARTED' as const),
      })),
    )
    .returning();
  const [terry, leaver, floorLeaver] = special.map((u) => u.id) as [string, string, string];
  await db.transaction(async (tx) => {
    await numbered(tx, 'p', 0, U - 1);
    await numbered(tx, 'gr', 0, G - 1);
    await numbered(tx, 'li', 0, L - 1);
    await numbered(tx, 'fl', 1, F);
    await tx.execute(sql`insert into users (id, external_id, tenant_id, display_name, email, kind, license, status)
      select id, 'u' || n || '-' || ${tag}::text, ${T}, 'User ' || n, 'u' || n || '.' || ${tag}::text || '@example.com',
        (case when n % 50 = 0 then 'GUEST' else 'MEMBER' end)::user_kind, 'PREMIUM', 'ACTIVE' from p`);
    await tx.execute(sql`insert into environment_users (environment_id, user_id, role)
      select ${E}, id, 'ENVIRONMENT_MAKER'::environment_role from p
      union all select ${E}, u, 'ENVIRONMENT_MAKER'::environment_role from unnest(array[${terry}::uuid, ${leaver}::uuid, ${floorLeaver}::uuid]) u`);
    await tx.execute(
      sql`insert into groups (id, external_id, tenant_id, display_name) select id, 'g' || n || '-' || ${tag}::text, ${T}, 'Group ' || n from gr`,
    );
    await tx.execute(sql`insert into group_members (group_id, user_id)
      select gr.id, p.id from gr cross join generate_series(0, 19) m join p on p.n = (gr.n * 20 + m) % ${U}::int
      union all select gr.id, ${terry}::uuid from gr where gr.n = any(${sql.raw(`array[${TERRY_GROUPS.join(',')}]`)})`);
    await tx.execute(sql`insert into sharepoint_lists (id, external_id, tenant_id, title, site_url)
      select id, 'l' || n || '-' || ${tag}::text, ${T}, 'List ' || n, 'https://example.sharepoint.com/sites/l' || n from li`);
    await tx.execute(sql`insert into list_editors (list_id, user_id, group_id)
      select li.id, p.id, null::uuid from li join p on p.n in ((li.n * 40 + 3) % ${U}::int, (li.n * 40 + 17) % ${U}::int)
      union all select li.id, null, gr.id from li join gr on gr.n = (li.n * 2 + 1) % ${G}::int`);
    // Flows g % 100 = 1 and 2 are the leavers' (1,000 each): never solution-aware (g % 4 <> 0).
    await tx.execute(sql`insert into flows (id, environment_id, creator_id, primary_owner_id, display_name, description, trigger, state, solution_aware, created_at, modified_at)
      select fl.id, ${E}, o.id, o.id,
        (${words(ADJECTIVES)})[1 + fl.n % ${ADJECTIVES.length}::int] || ' ' || (${words(NOUNS)})[1 + (fl.n / 7) % ${NOUNS.length}::int] || ' ' || fl.n,
        'Flows that ' || (${words(VERBS)})[1 + (fl.n / 3) % ${VERBS.length}::int] || ' each ' || (${words(NOUNS)})[1 + (fl.n / 11) % ${NOUNS.length}::int],
        (array['INSTANT', 'AUTOMATED', 'SCHEDULED'])[1 + fl.n % 3]::trigger_kind, (case when fl.n % 10 = 0 then 'OFF' else 'ON' end)::flow_state, fl.n % 4 = 0,
        timestamptz '2030-01-01' + fl.n * interval '1 minute', timestamptz '2030-01-01' + ((fl.n * 7919) % ${F}::int) * interval '1 minute'
      from fl cross join lateral (select case fl.n % 100 when 1 then ${leaver}::uuid when 2 then ${floorLeaver}::uuid
        else (select id from p where p.n = (fl.n * 7) % ${U}::int) end as id) o`);
    // Co-owners and run-only users: users (n*7 + k*1009) % U, k = 1..6, never the primary owner's slot.
    await tx.execute(sql`insert into owner_grants (flow_id, principal_kind, user_id, group_id, list_id, added_by_id)
      select f.id, 'USER'::principal_kind, f.primary_owner_id, null::uuid, null::uuid, f.primary_owner_id from flows f join fl on fl.id = f.id
      union all select fl.id, 'USER'::principal_kind, p.id, null, null, null from fl cross join generate_series(1, 3) k join p on p.n = (fl.n * 7 + k * 1009) % ${U}::int
      union all select fl.id, 'GROUP'::principal_kind, null, gr.id, null, null from fl join gr on gr.n = fl.n % ${G}::int
      union all select fl.id, 'LIST'::principal_kind, null, null, li.id, null from fl join li on li.n = fl.n % ${L}::int`);
    await tx.execute(sql`insert into run_only_grants (flow_id, principal_kind, user_id, group_id, added_by_id)
      select fl.id, 'USER'::principal_kind, p.id, null::uuid, null::uuid from fl cross join generate_series(4, 6) k join p on p.n = (fl.n * 7 + k * 1009) % ${U}::int
      union all select fl.id, 'GROUP'::principal_kind, null, gr.id, null from fl join gr on gr.n = (fl.n * 3 + 500) % ${G}::int`);
  });
  return { ...t, terry, leaver, floorLeaver, grants: F * 10 };
}

export type AuditSeed = Tenant & { grants: number };

export async function seedAudit(db: Db): Promise<AuditSeed> {
  const t = await tenant(db, 'audit', 'secured');
  const { flows: F, users: U } = AUDIT;
  const E = sql`${t.environmentId}::uuid`;
  const tag = t.tag;
  const [team] = await db
    .select()
    .from(groups)
    .where(eq(groups.externalId, `team-${tag}`));
  const [connector] = await db
    .select()
    .from(connectors)
    .where(eq(connectors.externalId, `sharepoint-${tag}`));
  let grants = 0;
  await db.transaction(async (tx) => {
    await numbered(tx, 'p', 0, U - 1);
    await numbered(tx, 'fl', 0, F - 1);
    await tx.execute(sql`insert into users (id, external_id, tenant_id, display_name, email, kind, license, status)
      select id, 'a' || n || '-' || ${tag}::text, ${t.tenantId}::uuid, 'User ' || n, 'a' || n || '.' || ${tag}::text || '@example.com',
        (case when n % 20 = 0 then 'GUEST' else 'MEMBER' end)::user_kind, 'PREMIUM', (case when n % 100 = 1 then 'DEPARTED' else 'ACTIVE' end)::user_status from p`);
    await tx.execute(sql`insert into group_members (group_id, user_id) select ${team!.id}::uuid, id from p where n % 10 <> 3`);
    const [leaverConnection] = await tx
      .insert(connections)
      .values({
        environmentId: t.environmentId,
        connectorId: connector!.id,
        ownerId: sql`(select id from p where n = 1)` as never,
        displayName: 'Leaver SP',
      })
      .returning();
    const [makerConnection] = await tx
      .insert(connections)
      .values({ environmentId: t.environmentId, connectorId: connector!.id, ownerId: t.maker.id, displayName: 'Maker SP' })
      .returning();
    // Flow n % 100 = 7 belongs to a departed user alone (users 1, 101, ..., 1901 left).
    await tx.execute(sql`insert into flows (id, environment_id, creator_id, primary_owner_id, display_name, trigger, state, solution_aware)
      select fl.id, ${E}, o.id, o.id, 'Flow ' || fl.n, 'INSTANT', 'ON', false
      from fl cross join lateral (select case when fl.n % 100 = 7 then (select id from p where p.n = ((fl.n / 100) % 20) * 100 + 1)
        else ${t.maker.id}::uuid end as id) o`);
    await tx.execute(sql`insert into connection_references (flow_id, connection_id, position)
      select id, case when n % 50 = 0 then ${leaverConnection!.id}::uuid else ${makerConnection!.id}::uuid end, 0 from fl`);
    // Owners k = 0..5, run-only users k = 6..8 (and 9 on one flow in 11): users (n*7 + k*131) % U.
    const owners = await tx.execute(sql`insert into owner_grants (flow_id, principal_kind, user_id, added_by_id, expires_at)
      select f.id, 'USER'::principal_kind, f.primary_owner_id, f.primary_owner_id, null::timestamptz from flows f join fl on fl.id = f.id
      union all select fl.id, 'USER'::principal_kind, p.id, ${t.maker.id}::uuid, case when (fl.n + k) % 50 = 0 then now() - interval '1 day' end
      from fl cross join generate_series(0, 5) k join p on p.n = (fl.n * 7 + k * 131) % ${U}::int where fl.n % 100 <> 7
      returning 1`);
    const runOnly = await tx.execute(sql`insert into run_only_grants (flow_id, principal_kind, user_id, added_by_id, expires_at)
      select fl.id, 'USER'::principal_kind, p.id, ${t.maker.id}::uuid, case when (fl.n + k) % 50 = 1 then now() - interval '1 day' end
      from fl cross join generate_series(6, 9) k join p on p.n = (fl.n * 7 + k * 131) % ${U}::int
      where fl.n % 100 <> 7 and (k < 9 or fl.n % 11 = 0)
      returning 1`);
    grants = rowsOf(owners).length + rowsOf(runOnly).length;
  });
  return { ...t, grants };
}

/** db.execute's rows on either driver (postgres.js: an array; PGlite: { rows }). */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}
