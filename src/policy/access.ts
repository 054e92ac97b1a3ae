// A user's access to a flow, and why (S2, S3, S8, S16, S19, S20). Every permission check
// in the server goes through flowAccess(): it is pure, over facts loaded by sharing/.

export type AccessLevel = 'NONE' | 'RUN_ONLY' | 'OWNER' | 'ADMIN';
export type EnvironmentRole = 'ENVIRONMENT_ADMIN' | 'ENVIRONMENT_MAKER' | 'BASIC_USER';
export type PrincipalRef = { kind: 'USER' | 'GROUP' | 'LIST'; id: string };
export type AccessPathKind =
  | 'CREATOR'
  | 'PRIMARY_OWNER'
  | 'DIRECT_OWNER'
  | 'GROUP_OWNER'
  | 'LIST_OWNER'
  | 'DIRECT_RUN_ONLY'
  | 'GROUP_RUN_ONLY'
  | 'ENVIRONMENT_ADMIN';

export type AccessPath = { kind: AccessPathKind; via: PrincipalRef | null; expiresAt: Date | null };

export type FlowAccess = {
  level: AccessLevel;
  canView: boolean;
  canEdit: boolean;
  canRun: boolean;
  canShare: boolean;
  canManageOwners: boolean;
  canDelete: boolean;
  canViewRunHistory: boolean;
  paths: AccessPath[];
  blockedReason: string | null;
};

export type Grant = { principal: PrincipalRef; expiresAt: Date | null };

export type AccessFacts = {
  user: {
    id: string;
    tenantId: string;
    status: 'ACTIVE' | 'DEPARTED';
    license: 'FREE' | 'PREMIUM' | 'SEEDED';
  };
  flow: { tenantId: string; creatorId: string; primaryOwnerId: string };
  environment: { securityGroupId: string | null };
  /** The user's role in the flow's environment, if any. */
  environmentRole: EnvironmentRole | null;
  /** Groups the user is a member of. */
  groupIds: ReadonlySet<string>;
  /** SharePoint lists the user edits, directly or through a group. */
  listIds: ReadonlySet<string>;
  ownerGrants: readonly Grant[];
  runOnlyGrants: readonly Grant[];
  now: Date;
};

export const noAccess: FlowAccess = Object.freeze({
  level: 'NONE',
  canView: false,
  canEdit: false,
  canRun: false,
  canShare: false,
  canManageOwners: false,
  canDelete: false,
  canViewRunHistory: false,
  paths: [],
  blockedReason: null,
}) as FlowAccess;

/** S19: a grant past its expiry no longer counts. */
export function isGrantActive(grant: { expiresAt: Date | null }, now: Date): boolean {
  return grant.expiresAt === null || grant.expiresAt > now;
}

export function flowAccess(facts: AccessFacts): FlowAccess {
  const { user, flow } = facts;
  // S20: nothing crosses tenants, not even an explanation.
  if (user.tenantId !== flow.tenantId) return noAccess;

  const paths = accessPaths(facts);
  const isAdmin = paths.some((p) => p.kind === 'ENVIRONMENT_ADMIN');
  const grantPaths = paths.filter((p) => p.kind !== 'ENVIRONMENT_ADMIN');

  const blockedReason = paths.length > 0 ? blockReason(facts, isAdmin) : null;
  if (blockedReason) return { ...noAccess, paths, blockedReason };

  const isOwner = grantPaths.some((p) => OWNER_PATHS.has(p.kind));
  const isRunOnly = grantPaths.some((p) => RUN_ONLY_PATHS.has(p.kind));
  const level: AccessLevel = isOwner ? 'OWNER' : isAdmin ? 'ADMIN' : isRunOnly ? 'RUN_ONLY' : 'NONE';
  const full = level === 'OWNER' || level === 'ADMIN';
  return {
    level,
    canView: level !== 'NONE',
    canEdit: full,
    // S8: run-only users may run the flow and see their own runs, never the whole history.
    canRun: level !== 'NONE',
    // S1: sharing needs a license other than FREE.
    canShare: full && user.license !== 'FREE',
    canManageOwners: full,
    canDelete: full,
    canViewRunHistory: full,
    paths,
    blockedReason: null,
  };
}

const OWNER_PATHS = new Set<AccessPathKind>([
  'CREATOR',
  'PRIMARY_OWNER',
  'DIRECT_OWNER',
  'GROUP_OWNER',
  'LIST_OWNER',
]);
const RUN_ONLY_PATHS = new Set<AccessPathKind>(['DIRECT_RUN_ONLY', 'GROUP_RUN_ONLY']);

function accessPaths(facts: AccessFacts): AccessPath[] {
  const { user, flow, now } = facts;
  const paths: AccessPath[] = [];
  const self: PrincipalRef = { kind: 'USER', id: user.id };
  if (flow.creatorId === user.id) paths.push({ kind: 'CREATOR', via: self, expiresAt: null });
  if (flow.primaryOwnerId === user.id) paths.push({ kind: 'PRIMARY_OWNER', via: self, expiresAt: null });

  for (const grant of facts.ownerGrants) {
    if (!isGrantActive(grant, now)) continue;
    const { principal } = grant;
    // The primary owner's own grant says nothing the PRIMARY_OWNER path does not.
    if (principal.kind === 'USER' && principal.id === user.id && flow.primaryOwnerId !== user.id) {
      paths.push({ kind: 'DIRECT_OWNER', via: principal, expiresAt: grant.expiresAt });
    } else if (principal.kind === 'GROUP' && facts.groupIds.has(principal.id)) {
      paths.push({ kind: 'GROUP_OWNER', via: principal, expiresAt: grant.expiresAt });
    } else if (principal.kind === 'LIST' && facts.listIds.has(principal.id)) {
      paths.push({ kind: 'LIST_OWNER', via: principal, expiresAt: grant.expiresAt });
    }
  }
  for (const grant of facts.runOnlyGrants) {
    if (!isGrantActive(grant, now)) continue;
    const { principal } = grant;
    if (principal.kind === 'USER' && principal.id === user.id) {
      paths.push({ kind: 'DIRECT_RUN_ONLY', via: principal, expiresAt: grant.expiresAt });
    } else if (principal.kind === 'GROUP' && facts.groupIds.has(principal.id)) {
      paths.push({ kind: 'GROUP_RUN_ONLY', via: principal, expiresAt: grant.expiresAt });
    }
  }
  if (facts.environmentRole === 'ENVIRONMENT_ADMIN') {
    paths.push({ kind: 'ENVIRONMENT_ADMIN', via: null, expiresAt: null });
  }
  return paths;
}

/** Why the user's grants are inert, if they are. */
function blockReason(facts: AccessFacts, isAdmin: boolean): string | null {
  if (facts.user.status === 'DEPARTED') return 'The user has left the organization.';
  const { securityGroupId } = facts.environment;
  // S16: outside the environment's security group, grants are kept but do nothing.
  // An environment admin is inside the environment by definition.
  if (securityGroupId && !isAdmin && !facts.groupIds.has(securityGroupId)) {
    return "The user is not a member of the environment's security group, so is outside the environment.";
  }
  return null;
}
