// SCIM filters (RFC 7644 §3.4.2.2), parsed by scimmy (Types.Filter: a bad one is 400
// invalidFilter), become SQL when every comparison is an `eq` on an attribute we index
// (userName, externalId, displayName, id, active; `and`, `or`): the lookups identity providers
// make before each create. Any other filter is applied by scimmy's Filter.match to the
// tenant's resources in memory: correct, and slower on a large tenant.
import { and, or, type SQL } from 'drizzle-orm';
import type SCIMMY from 'scimmy';

/** Lower-cased attribute name → the SQL condition for `attribute eq value` (null: matches nothing). */
export type EqColumns = Record<string, (value: unknown) => SQL | null>;

/** undefined: no filter; null: not expressible here (use Filter.match); else the condition. */
export function filterSql(filter: SCIMMY.Types.Filter | undefined, columns: EqColumns): SQL | undefined | null {
  if (!filter) return undefined;
  const branches: SQL[] = [];
  for (const branch of filter as unknown as Record<string, unknown>[]) {
    const conditions: SQL[] = [];
    for (const [attribute, expression] of Object.entries(branch)) {
      const column = columns[attribute.toLowerCase()];
      if (!column || !Array.isArray(expression)) return null;
      const expressions = expression.every(Array.isArray) ? (expression as unknown[][]) : [expression];
      for (const e of expressions) {
        if (e.length !== 2 || String(e[0]).toLowerCase() !== 'eq') return null;
        const condition = column(e[1]);
        if (condition === null) return null;
        conditions.push(condition);
      }
    }
    branches.push(and(...conditions)!);
  }
  return or(...branches)!;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
