// What the owner and run-only lists share: a connection type over a flow's grants, which grants
// a viewer is shown, and their order. (The flows granted to the viewer are src/reads/flows.ts's.)
import type { DefaultConnectionArguments } from '@pothos/plugin-relay';
import { isGrantActive, type FlowAccess } from '../policy/access.js';
import type { GroupRow, ListRow } from '../reads/loaders.js';
import type { FlowRow, GrantFacts, UserRow } from '../sharing/access.js';
import { builder, type Types } from './builder.js';
import { EDGES_COST } from './cost.js';
import { seesDefinition } from './flows.js';
import { loadPrincipal, Principal, User } from './directory.js';
import { offsetPage, type Page } from './pagination.js';

/** A grant's principal is in the flow's tenant: never null here. */
type Principals = UserRow | GroupRow | ListRow | Promise<UserRow | GroupRow | ListRow>;
type Granted = { grant: GrantFacts; flow: FlowRow };
type GrantEdge = Page<Granted>['edges'][number];

/** `<Name>Edge` (node, addedBy, addedAt, expiresAt, and `extra`) and `<Name>Connection`. */
export function grantConnection(
  name: string,
  extra: (t: PothosSchemaTypes.ObjectFieldBuilder<Types, GrantEdge>) => Record<string, ReturnType<typeof t.boolean>> = () => ({}),
) {
  const edge = builder.objectRef<GrantEdge>(`${name}Edge`).implement({
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      node: t.field({ type: Principal, resolve: (e, _, ctx) => loadPrincipal(ctx, e.node.grant.principal) as Principals }),
      ...extra(t),
      addedBy: t.field({
        type: User,
        nullable: true,
        resolve: (e, _, ctx) => (e.node.grant.addedById ? ctx.loaders.user.now(e.node.grant.addedById) : null),
      }),
      addedAt: t.field({ type: 'DateTime', resolve: (e) => e.node.grant.addedAt }),
      expiresAt: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.node.grant.expiresAt }),
    }),
  });
  return builder.objectRef<Page<Granted>>(`${name}Connection`).implement({
    fields: (t) => ({
      edges: t.field({ type: [edge], complexity: EDGES_COST, resolve: (c) => c.edges }),
      pageInfo: t.field({ type: builder.pageInfoRef(), resolve: (c) => c.pageInfo }),
      totalCount: t.int({ resolve: (c) => c.totalCount() }),
    }),
  });
}

const KIND_ORDER = { USER: 0, GROUP: 1, LIST: 2 };

/** Oldest first; among grants made at once, users, then groups, then lists. */
export function grantOrder(a: GrantFacts, b: GrantFacts): number {
  return (
    a.addedAt.getTime() - b.addedAt.getTime() || KIND_ORDER[a.principal.kind] - KIND_ORDER[b.principal.kind] || a.id.localeCompare(b.id)
  );
}

/**
 * The grants of a flow a viewer is shown: none unless they see the flow whole (owners and
 * admins: the ones told to clean expired grants up); live grants only (S19), unless
 * `includeExpired`. A copy, for the caller to order.
 */
export function listedGrants(
  found: { access: FlowAccess } | null | undefined,
  grants: readonly GrantFacts[] | undefined,
  includeExpired: boolean | null | undefined,
): GrantFacts[] {
  if (!found || !seesDefinition(found.access) || !grants) return [];
  const now = new Date();
  return grants.filter((g) => includeExpired || isGrantActive(g, now));
}

/** A page of a flow's grants, already filtered and ordered. */
export function grantPage(args: DefaultConnectionArguments, flow: FlowRow, grants: GrantFacts[]) {
  return offsetPage(args, {
    page: async ({ offset, limit }) => grants.slice(offset, offset + limit).map((grant) => ({ grant, flow })),
    count: async () => grants.length,
  });
}
