// What the owner and run-only lists share: a connection type over a flow's grants, which grants
// a viewer is shown, and their order. (The flows granted to the viewer are src/reads/flows.ts's.)
import { offsetForArgs, offsetToCursor, type DefaultConnectionArguments } from '@pothos/plugin-relay';
import { isGrantActive, type FlowAccess } from '../policy/access.js';
import type { GroupRow, ListRow } from '../reads/loaders.js';
import type { FlowRow, GrantFacts, UserRow } from '../sharing/access.js';
import { builder, type Types } from './builder.js';
import { EDGES_COST } from './cost.js';
import { seesDefinition } from './flows.js';
import { loadPrincipal, Principal, User } from './directory.js';
import { checkOffsetArgs, DEFAULT_PAGE, MAX_PAGE, type Page } from './pagination.js';

/** A grant's principal is in the flow's tenant: never null here. */
type Principals = UserRow | GroupRow | ListRow | Promise<UserRow | GroupRow | ListRow>;
type Granted = { grant: GrantFacts; flow: FlowRow };
type GrantEdge = { cursor: string; node: Granted };
type GrantPage = { edges: GrantEdge[]; pageInfo: Page<Granted>['pageInfo']; totalCount: number };

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
  return builder.objectRef<GrantPage>(`${name}Connection`).implement({
    fields: (t) => ({
      // Exposed: read inline by graphql-jit (plain-fields.ts).
      edges: t.expose('edges', { type: [edge], complexity: EDGES_COST }),
      pageInfo: t.expose('pageInfo', { type: builder.pageInfoRef() }),
      totalCount: t.exposeInt('totalCount'),
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

/**
 * A page of a flow's grants, already filtered and ordered: Pothos' offset arithmetic, at once
 * (the grants are in memory), with each cursor encoded only if asked for (a page of flows
 * lists a few hundred owners; issue #13). Arguments are checked as every offset list's are.
 */
export function grantPage(args: DefaultConnectionArguments, flow: FlowRow, grants: GrantFacts[]): GrantPage {
  checkOffsetArgs(args);
  const { offset, limit, expectedSize, hasPreviousPage, hasNextPage } = offsetForArgs({
    args,
    defaultSize: DEFAULT_PAGE,
    maxSize: MAX_PAGE,
  });
  const nodes = grants.slice(offset, offset + limit);
  const edges = nodes.slice(0, expectedSize).map((grant, i) => new GrantEdgeAt(offset + i, { grant, flow }));
  return {
    edges,
    pageInfo: new OffsetPageInfo(offset, edges.length, hasPreviousPage, hasNextPage(nodes.length)),
    totalCount: grants.length,
  };
}

/** An edge whose cursor is encoded when read. */
class GrantEdgeAt {
  constructor(
    private readonly offset: number,
    readonly node: Granted,
  ) {}
  get cursor(): string {
    return offsetToCursor(this.offset);
  }
}

/** Relay's page info of an offset page, its cursors encoded when read (as resolveOffsetConnection encodes them). */
class OffsetPageInfo {
  constructor(
    private readonly offset: number,
    private readonly size: number,
    readonly hasPreviousPage: boolean,
    readonly hasNextPage: boolean,
  ) {}
  get startCursor(): string {
    return offsetToCursor(this.offset);
  }
  get endCursor(): string {
    return offsetToCursor(this.offset + this.size - 1);
  }
}
