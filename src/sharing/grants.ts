// What co-owner and run-only grants have in common: principals named in input, looked
// up, matched against grant rows.
import { inArray, or, type AnyColumn } from 'drizzle-orm';
import type { Tx } from '../db/open.js';
import { groups, sharePointLists, users } from '../db/tables.js';
import type { PrincipalRef } from '../policy/access.js';
import { DomainError } from '../policy/errors.js';
import { assertExpiryInFuture, type PrincipalFacts } from '../policy/owners.js';
import { listCaps, MAX_IDS, parseInput } from './input.js';

/** A principal named in a mutation's input, with the input path that named it. */
export type PrincipalInput = PrincipalRef & { field: string[] };

export const key = (p: PrincipalRef) => `${p.kind}:${p.id}`;

const grantCaps = listCaps({ add: MAX_IDS, remove: MAX_IDS });

/**
 * What is wrong with an add/remove call before anything is read: too many principals, an
 * expiry in the past, or a principal both added and removed. Returns the keys of those removed.
 */
export function checkGrantChange(
  input: { add: PrincipalInput[]; remove: PrincipalInput[]; expiresAt: Date | null },
  now: Date,
): Set<string> {
  parseInput(grantCaps, input);
  assertExpiryInFuture(input.expiresAt, now, ['input', 'expiresAt']);
  const removing = new Set(input.remove.map(key));
  const both = input.add.find((p) => removing.has(key(p)));
  if (both) throw new DomainError('INVALID_INPUT', 'The same principal is both added and removed.', both.field);
  return removing;
}

/** The grants (of an owner or run-only table) to any of these principals. */
export function grantsOf(table: GrantColumns, principals: PrincipalRef[]) {
  const ids = (kind: PrincipalRef['kind']) => principals.filter((p) => p.kind === kind).map((p) => p.id);
  const match = (column: AnyColumn, list: string[]) => (list.length ? inArray(column, list) : undefined);
  return or(match(table.userId, ids('USER')), match(table.groupId, ids('GROUP')), match(table.listId, ids('LIST')));
}

export function grantTarget(p: PrincipalRef) {
  return {
    principalKind: p.kind,
    userId: p.kind === 'USER' ? p.id : null,
    groupId: p.kind === 'GROUP' ? p.id : null,
    listId: p.kind === 'LIST' ? p.id : null,
  };
}

type GrantColumns = { userId: AnyColumn; groupId: AnyColumn; listId: AnyColumn };

export function union(a: Set<string>, b: Set<string>): Set<string> {
  return new Set([...a, ...b]);
}

/** Users, groups and lists by id, with what the rules need to know of them. */
export async function loadPrincipals(tx: Tx, refs: readonly PrincipalRef[]): Promise<Map<string, PrincipalFacts>> {
  const ids = (kind: PrincipalRef['kind']) => refs.filter((r) => r.kind === kind).map((r) => r.id);
  const [u, g, l] = [ids('USER'), ids('GROUP'), ids('LIST')];
  const [userRows, groupRows, listRows] = await Promise.all([
    u.length ? tx.select().from(users).where(inArray(users.id, u)) : [],
    g.length ? tx.select().from(groups).where(inArray(groups.id, g)) : [],
    l.length ? tx.select().from(sharePointLists).where(inArray(sharePointLists.id, l)) : [],
  ]);
  const out = new Map<string, PrincipalFacts>();
  for (const r of userRows)
    out.set(`USER:${r.id}`, { kind: 'USER', id: r.id, tenantId: r.tenantId, name: r.displayName, status: r.status });
  for (const r of groupRows) out.set(`GROUP:${r.id}`, { kind: 'GROUP', id: r.id, tenantId: r.tenantId, name: r.displayName });
  for (const r of listRows) out.set(`LIST:${r.id}`, { kind: 'LIST', id: r.id, tenantId: r.tenantId, name: r.title });
  return out;
}
