// The access rules of policy/ in SQL, for lists and counts that can't load every flow's facts.
// Each predicate is the SQL form of one pure rule and is tested against it on the same fixtures
// (test/reads/visibility.test.ts); nothing else in the server restates these rules in SQL.
//   liveGrant           S19  policy/access.ts isGrantActive
//   grantReaches             policy/access.ts accessPaths (direct, group, list grants)
//   insideEnvironment   S16  policy/environments.ts isInsideEnvironment
import { and, eq, exists, gt, inArray, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/open.js';
import { environments, environmentUsers, flows, groupMembers } from '../db/tables.js';

export type GrantTable = PgTable & { flowId: AnyColumn; userId: AnyColumn; groupId: AnyColumn; listId: AnyColumn; expiresAt: AnyColumn };

/** S19: a grant counts until its expiry (`now`: a time, or the database's now()). */
export function liveGrant(table: GrantTable, now: Date | SQL = sql`now()`): SQL {
  return or(isNull(table.expiresAt), gt(table.expiresAt, now))!;
}

/** A grant to the user, to a group they are in, or to a list they edit. */
export function grantReaches(
  table: GrantTable,
  userId: string,
  memberships: { groupIds: ReadonlySet<string>; listIds: ReadonlySet<string> },
): SQL {
  return or(
    eq(table.userId, userId),
    memberships.groupIds.size ? inArray(table.groupId, [...memberships.groupIds]) : undefined,
    memberships.listIds.size ? inArray(table.listId, [...memberships.listIds]) : undefined,
  )!;
}

/**
 * S16: the user is inside the environment: it has no security group, or they are in it, or
 * they are its admin. `environment` and `userId` are columns of the outer query or values.
 */
export function insideEnvironment(
  db: Db,
  environment: { id: AnyColumn | string; securityGroupId: AnyColumn | string | null },
  userId: AnyColumn | string,
): SQL {
  const securityGroupId = environment.securityGroupId;
  if (securityGroupId === null) return sql`true`;
  return or(
    typeof securityGroupId === 'string' ? undefined : isNull(securityGroupId),
    exists(
      db
        .select({ one: sql`1` })
        .from(groupMembers)
        .where(and(eq(groupMembers.groupId, securityGroupId), eq(groupMembers.userId, userId))),
    ),
    exists(
      db
        .select({ one: sql`1` })
        .from(environmentUsers)
        .where(
          and(
            eq(environmentUsers.environmentId, environment.id),
            eq(environmentUsers.userId, userId),
            eq(environmentUsers.role, 'ENVIRONMENT_ADMIN'),
          ),
        ),
    ),
  )!;
}

/**
 * Flows (of the outer query's `flows`) with a live grant in `table` that reaches the user, in an
 * environment the user is inside: the flows where that grant gives them access (S16, S19).
 */
export function grantedTo(
  db: Db,
  table: GrantTable,
  userId: string,
  memberships: { groupIds: ReadonlySet<string>; listIds: ReadonlySet<string> },
): SQL {
  const granted = exists(
    db
      .select({ one: sql`1` })
      .from(table)
      .where(and(eq(table.flowId, flows.id), grantReaches(table, userId, memberships), liveGrant(table))),
  );
  const inside = exists(
    db
      .select({ one: sql`1` })
      .from(environments)
      .where(and(eq(environments.id, flows.environmentId), insideEnvironment(db, environments, userId))),
  );
  return and(granted, inside)!;
}
