// The hand-written SQL floors of bench case "at-scale" (bench/at-scale.ts): each answers what
// the GraphQL call answers (the same rows, the same related names, the same count) in ONE
// statement, with the indexes the server has, and no API around it.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../src/db/open.js';
import type { AuditFindingKind } from '../src/sharing/audit.js';
import { rowsOf } from './at-scale-seed.js';

export type PageFilter = { words: readonly string[]; state?: 'ON' | 'OFF'; trigger?: 'INSTANT' | 'AUTOMATED' | 'SCHEDULED' };
export type PageOrder = { field: 'CREATED_AT' | 'DISPLAY_NAME'; direction: 'ASC' | 'DESC' };

const live = (alias: string) => sql.raw(`(${alias}.expires_at is null or ${alias}.expires_at > now())`);
/** The principal a grant `alias` names, by name: a user's display name, a group's, a list's title. */
const grantee = (table: 'owner_grants' | 'run_only_grants', alias: string) =>
  sql.raw(`${table} ${alias} left join users gu on gu.id = ${alias}.user_id left join groups gg on gg.id = ${alias}.group_id
    left join sharepoint_lists gl on gl.id = ${alias}.list_id`);

/**
 * environmentFlows(filter, orderBy, first: 50) with totalCount and each flow's first 5 owners
 * (primary first) and run-only users, by name: a page of 51 (one more says there is a next).
 */
export async function inventoryPage(db: Db, environmentId: string, filter: PageFilter, order: PageOrder) {
  const where = sql.join(
    [
      sql`f.environment_id = ${environmentId}::uuid`,
      ...filter.words.map(
        (w) => sql`fold_case(f.display_name || ' ' || coalesce(f.description, '')) like '%' || fold_case(${w}::text) || '%'`,
      ),
      ...(filter.state ? [sql`f.state = ${filter.state}`] : []),
      ...(filter.trigger ? [sql`f.trigger = ${filter.trigger}`] : []),
    ],
    sql` and `,
  );
  const dir = sql.raw(order.direction);
  const key = order.field === 'DISPLAY_NAME' ? sql`(fold_case(f.display_name) collate "C")` : sql`f.created_at`;
  const outerKey = order.field === 'DISPLAY_NAME' ? sql`(fold_case(page.display_name) collate "C")` : sql`page.created_at`;
  const result = await db.execute(sql`
    with page as (
      select f.id, f.display_name, f.state, f.created_at, f.primary_owner_id from flows f where ${where}
      order by ${key} ${dir}, f.id ${dir} limit 51
    )
    select page.id, page.display_name, page.state,
      (select json_agg(x.name) from (select coalesce(gu.display_name, gg.display_name, gl.title) as name from ${grantee('owner_grants', 'o')}
        where o.flow_id = page.id and ${live('o')} order by (o.user_id is not distinct from page.primary_owner_id) desc, o.added_at, o.id limit 5) x) as owners,
      (select json_agg(x.name) from (select coalesce(gu.display_name, gg.display_name, gl.title) as name from ${grantee('run_only_grants', 'r')}
        where r.flow_id = page.id and ${live('r')} order by r.added_at, r.id limit 5) x) as run_only,
      (select count(*) from flows f where ${where}) as total
    from page order by ${outerKey} ${dir}, page.id ${dir}`);
  return rowsOf<{ id: string; total: number | string }>(result);
}

/**
 * accessibleFlows(userId, environmentId, first: 50) with totalCount and each flow's access
 * paths: the user's live grants, direct or through their groups and lists, and primary ownership.
 */
export async function reachablePage(db: Db, userId: string, environmentId: string) {
  const U = sql`${userId}::uuid`;
  // One branch per way in, each on its own index (grants' user_id, group_id, list_id).
  const reach = (table: 'owner_grants' | 'run_only_grants', kinds: [string, string, string]) =>
    sql`select g.flow_id, ${kinds[0]}::text as kind, g.user_id as via from ${sql.raw(table)} g where g.user_id = ${U} and ${live('g')}
      union all select g.flow_id, ${kinds[1]}, g.group_id from ${sql.raw(table)} g join my_groups m on m.group_id = g.group_id where ${live('g')}
      union all select g.flow_id, ${kinds[2]}, g.list_id from ${sql.raw(table)} g join my_lists m on m.list_id = g.list_id where ${live('g')}`;
  const result = await db.execute(sql`
    with my_groups as (select group_id from group_members where user_id = ${U}),
    my_lists as (
      select list_id from list_editors where user_id = ${U}
      union select le.list_id from list_editors le join my_groups m on m.group_id = le.group_id
    ),
    paths as (
      ${reach('owner_grants', ['DIRECT_OWNER', 'GROUP_OWNER', 'LIST_OWNER'])}
      union all ${reach('run_only_grants', ['DIRECT_RUN_ONLY', 'GROUP_RUN_ONLY', 'LIST_RUN_ONLY'])}
      union all select id, 'PRIMARY_OWNER', ${U} from flows where primary_owner_id = ${U}
    ),
    reachable as (
      select f.id, f.display_name, f.created_at from flows f where f.environment_id = ${environmentId}::uuid and f.id in (select flow_id from paths)
    ),
    page as (select * from reachable order by created_at desc, id desc limit 51)
    select page.id, page.display_name,
      (select json_agg(json_build_object('kind', p.kind, 'via', p.via)) from paths p where p.flow_id = page.id) as paths,
      (select count(*) from reachable) as total
    from page order by page.created_at desc, page.id desc`);
  return rowsOf<{ id: string; total: number | string }>(result);
}

/**
 * reassignFlows by hand (removeFromUser: false, classic flows): in one transaction, an owner
 * grant to `heir` on every flow of the environment `leaver` is primary owner of, and one
 * OWNER_ADDED per flow by the admin, with its watchers (owners now, as users, and the
 * environment's admins) and its recipients (the heir and the owners now), under the log's lock.
 */
export async function reassignByHand(db: Db, s: { environmentId: string; tenantId: string; leaver: string; heir: string; admin: string }) {
  const [E, L, H, A] = [sql`${s.environmentId}::uuid`, sql`${s.leaver}::uuid`, sql`${s.heir}::uuid`, sql`${s.admin}::uuid`];
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from flows where environment_id = ${E} and primary_owner_id = ${L} order by id for update`);
    await tx.execute(sql`create temporary table handed on commit drop as
      select id, display_name from flows where environment_id = ${E} and primary_owner_id = ${L}`);
    await tx.execute(sql`insert into owner_grants (flow_id, principal_kind, user_id, added_by_id)
      select id, 'USER', ${H}, ${A} from handed on conflict do nothing`);
    await tx.execute(sql`create temporary table owners_now on commit drop as
      select distinct g.flow_id, coalesce(g.user_id, gm.user_id, le.user_id, lgm.user_id) as user_id
      from owner_grants g join handed h on h.id = g.flow_id
        left join group_members gm on gm.group_id = g.group_id
        left join list_editors le on le.list_id = g.list_id
        left join group_members lgm on lgm.group_id = le.group_id
      where ${live('g')} and coalesce(g.user_id, gm.user_id, le.user_id, lgm.user_id) is not null`);
    await tx.execute(sql`select pg_advisory_xact_lock(727002)`);
    const written = await tx.execute(sql`
      with admins as (
        select coalesce(array_agg(user_id), '{}') as ids from environment_users where environment_id = ${E} and role = 'ENVIRONMENT_ADMIN'
      ),
      written as (
        insert into sharing_events (kind, tenant_id, environment_id, flow_id, flow_display_name, actor_id, actor_role, principal_kind, principal_id, watchers, admins)
        select 'OWNER_ADDED', ${s.tenantId}::uuid, ${E}, h.id, h.display_name, ${A}, 'ADMIN', 'USER', ${H},
          array(select user_id from owners_now o where o.flow_id = h.id) || admins.ids, admins.ids
        from handed h, admins
        returning position, flow_id
      )
      insert into sharing_event_recipients (user_id, position)
      select o.user_id, w.position from written w join owners_now o on o.flow_id = w.flow_id
      returning 1`);
    return rowsOf(written).length;
  });
}

const RANK: Record<AuditFindingKind, number> = {
  GUEST_OWNER: 1,
  GUEST_RUN_ONLY: 2,
  OUTSIDE_ENVIRONMENT: 3,
  NO_ACTIVE_OWNER: 4,
  DEPARTED_CONNECTION_OWNER: 5,
  EXPIRED_GRANT: 6,
};

/**
 * sharingAudit(kinds) by hand: each asked kind's findings with their detail text, most severe
 * first, at most 1,000, and how many there were.
 */
export async function auditByHand(db: Db, environmentId: string, securityGroupId: string, kinds: readonly AuditFindingKind[]) {
  const E = sql`${environmentId}::uuid`;
  const inEnv = sql`f.environment_id = ${E}`;
  const guests = (table: 'owner_grants' | 'run_only_grants', kind: AuditFindingKind, what: string) => [
    sql`(select ${RANK[kind]}::int as rank, f.id, f.display_name, u.id as principal, 'Guest ' || u.display_name || ' (' || u.email || ') has ${sql.raw(what)} access.' as detail
      from ${sql.raw(table)} g join flows f on f.id = g.flow_id join users u on u.id = g.user_id where ${inEnv} and u.kind = 'GUEST' and ${live('g')})`,
    sql`(select ${RANK[kind]}::int, f.id, f.display_name, u.id, 'Guest ' || u.display_name || ' (' || u.email || ') has ${sql.raw(what)} access through group ' || gr.display_name
      from ${sql.raw(table)} g join flows f on f.id = g.flow_id join groups gr on gr.id = g.group_id join group_members m on m.group_id = gr.id
        join users u on u.id = m.user_id where ${inEnv} and u.kind = 'GUEST' and ${live('g')})`,
  ];
  const outside = (table: 'owner_grants' | 'run_only_grants', what: string) =>
    sql`(select ${RANK.OUTSIDE_ENVIRONMENT}::int, f.id, f.display_name, u.id, u.display_name || ' has ${sql.raw(what)} access but is not in the security group, so the grant does nothing.'
      from ${sql.raw(table)} g join flows f on f.id = g.flow_id join users u on u.id = g.user_id
      where ${inEnv} and ${live('g')}
        and not exists (select 1 from group_members m where m.group_id = ${securityGroupId}::uuid and m.user_id = u.id)
        and not exists (select 1 from environment_users eu where eu.environment_id = ${E} and eu.user_id = u.id and eu.role = 'ENVIRONMENT_ADMIN'))`;
  const expired = (table: 'owner_grants' | 'run_only_grants', what: string) =>
    sql`(select ${RANK.EXPIRED_GRANT}::int, f.id, f.display_name, coalesce(g.user_id, g.group_id, g.list_id),
        coalesce(u.display_name, gr.display_name, l.title) || '''s ${sql.raw(what)} access expired at ' || g.expires_at || '; the grant is still on record.'
      from ${sql.raw(table)} g join flows f on f.id = g.flow_id left join users u on u.id = g.user_id left join groups gr on gr.id = g.group_id
        left join sharepoint_lists l on l.id = g.list_id
      where ${inEnv} and g.expires_at <= now())`;
  const parts: Record<AuditFindingKind, SQL[]> = {
    GUEST_OWNER: guests('owner_grants', 'GUEST_OWNER', 'owner'),
    GUEST_RUN_ONLY: guests('run_only_grants', 'GUEST_RUN_ONLY', 'run-only'),
    OUTSIDE_ENVIRONMENT: [outside('owner_grants', 'owner'), outside('run_only_grants', 'run-only')],
    NO_ACTIVE_OWNER: [
      sql`(select ${RANK.NO_ACTIVE_OWNER}::int, f.id, f.display_name, u.id, 'No owner is active: the primary owner ' || u.display_name || ' has left; it is ' || f.state
        from flows f join users u on u.id = f.primary_owner_id
        where ${inEnv} and u.status <> 'ACTIVE' and not exists (
          select 1 from owner_grants g left join group_members gm on gm.group_id = g.group_id left join list_editors le on le.list_id = g.list_id
            left join group_members lgm on lgm.group_id = le.group_id join users o on o.id = coalesce(g.user_id, gm.user_id, le.user_id, lgm.user_id)
          where g.flow_id = f.id and ${live('g')} and o.status = 'ACTIVE'))`,
    ],
    DEPARTED_CONNECTION_OWNER: [
      sql`(select distinct ${RANK.DEPARTED_CONNECTION_OWNER}::int, f.id, f.display_name, null::uuid,
          'Connection ' || c.display_name || ' belongs to ' || u.display_name || ', who has left: actions using it fail until an owner replaces it.'
        from connection_references r join flows f on f.id = r.flow_id join connections c on c.id = r.connection_id join users u on u.id = c.owner_id
        where ${inEnv} and u.status = 'DEPARTED')`,
    ],
    EXPIRED_GRANT: [expired('owner_grants', 'owner'), expired('run_only_grants', 'run-only')],
  };
  const asked = kinds.flatMap((k) => parts[k]);
  const result = await db.execute(sql`
    select found.*, count(*) over () as total from (${sql.join(asked, sql` union all `)}) found(rank, id, display_name, principal, detail)
    order by rank, display_name, detail limit 1000`);
  const rows = rowsOf<{ total: number | string }>(result);
  return { findings: rows.length, total: Number(rows[0]?.total ?? 0) };
}
