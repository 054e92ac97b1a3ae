// Flows' owner and run-only grants as policy decides on them: one prepared statement for any
// number of flows (src/reads/plain.ts). Every page of flows reads them; so does every use case
// that decides access (src/sharing/access.ts loadGrantsOf is this).
import type { Db } from '../db/open.js';
import { ownerGrants, runOnlyGrants } from '../db/tables.js';
import type { PrincipalRef } from '../policy/access.js';
import type { FlowGrants, GrantFacts } from '../sharing/access.js';
import { plainRows, tableName } from './plain.js';

// The kind is a literal, not a parameter: a parameter's type is unknown inside a UNION.
const part = (table: typeof ownerGrants | typeof runOnlyGrants, kind: 'OWNER' | 'RUN_ONLY') => `
  select '${kind}' as kind, g.id, g.flow_id as "flowId", g.principal_kind::text as "principalKind", g.user_id as "userId",
         g.group_id as "groupId", g.list_id as "listId", g.added_by_id as "addedById", g.added_at as "addedAt", g.expires_at as "expiresAt"
  from ${tableName(table)} g where g.flow_id = any($1::uuid[])`;
const GRANTS_SQL = `${part(ownerGrants, 'OWNER')} union all ${part(runOnlyGrants, 'RUN_ONLY')}`;

type GrantRow = {
  kind: 'OWNER' | 'RUN_ONLY';
  id: string;
  flowId: string;
  principalKind: 'USER' | 'GROUP' | 'LIST';
  userId: string | null;
  groupId: string | null;
  listId: string | null;
  addedById: string | null;
  addedAt: string;
  expiresAt: string | null;
};

/** The principal a grant row names: its user, group or list. */
export function grantPrincipal(g: Pick<typeof ownerGrants.$inferSelect, 'principalKind' | 'userId' | 'groupId' | 'listId'>): PrincipalRef {
  const id = g.principalKind === 'USER' ? g.userId : g.principalKind === 'GROUP' ? g.groupId : g.listId;
  return { kind: g.principalKind, id: id! };
}

// Both drivers answer timestamps as text under drizzle; as its timestamp columns read them.
const decodeTime = (value: string) => ownerGrants.addedAt.mapFromDriverValue(value) as Date;

/** The owner and run-only grants of flows, in one statement (UNION ALL); every flow id has an entry. */
export async function loadGrantsOf(db: Db, flowIds: readonly string[]): Promise<Map<string, FlowGrants>> {
  const out = new Map<string, FlowGrants>(flowIds.map((id) => [id, { ownerGrants: [], runOnlyGrants: [] }]));
  if (flowIds.length === 0) return out;
  for (const g of await plainRows<GrantRow>(db, 'grants_of_flows', GRANTS_SQL, [[...new Set(flowIds)]])) {
    const grants = out.get(g.flowId)!;
    const grant: GrantFacts = {
      id: g.id,
      principal: grantPrincipal(g),
      expiresAt: g.expiresAt === null ? null : decodeTime(g.expiresAt),
      addedById: g.addedById,
      addedAt: decodeTime(g.addedAt),
    };
    (g.kind === 'OWNER' ? grants.ownerGrants : grants.runOnlyGrants).push(grant);
  }
  return out;
}
