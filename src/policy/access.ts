// A user's access to a flow, and why (S1, S2, S3, S8, S15, S16, S19, S20, S21, S22). Every
// permission check on a flow goes through flowAccess() and assertMay(): pure, over facts
// loaded by sharing/access.ts.
import { isInsideEnvironment } from './environments.js';
import { DomainError } from './errors.js';
import { sortedIfNot } from '../sorted.js';

export type AccessLevel = 'NONE' | 'RUN_ONLY' | 'OWNER' | 'ADMIN';
export type EnvironmentRole = 'ENVIRONMENT_ADMIN' | 'ENVIRONMENT_MAKER' | 'BASIC_USER';
export type PrincipalRef = { kind: 'USER' | 'GROUP' | 'LIST'; id: string };
/** In the order paths are listed. */
export const ACCESS_PATH_KINDS = [
  'CREATOR',
  'PRIMARY_OWNER',
  'DIRECT_OWNER',
  'GROUP_OWNER',
  'LIST_OWNER',
  'DIRECT_RUN_ONLY',
  'GROUP_RUN_ONLY',
  'ENVIRONMENT_ADMIN',
] as const;
export type AccessPathKind = (typeof ACCESS_PATH_KINDS)[number];

export type AccessPath = { kind: AccessPathKind; via: PrincipalRef | null; expiresAt: Date | null };

/**
 * What a user may do with a flow (S22). Each `can*` flag is `refusals[ability] === null`, and
 * the mutations refuse with assertMay(access, ability) over the same `refusals`, so a flag and
 * a refusal can't disagree.
 */
export type FlowAccess = {
  level: AccessLevel;
  /** node(id), Flow fields: any access that is not blocked. */
  canView: boolean;
  /** updateFlow, saveFlowAs, connections in the flow: owner or admin, with the maker or admin role (S3, S15). */
  canEdit: boolean;
  /** triggerFlow while the flow is ON: owners, admins, run-only users (instant flows only) (S8). */
  canRun: boolean;
  /** sendFlowCopy, adding run-only users: owner or admin, licensed (S1), with the maker or admin role (S15). */
  canShare: boolean;
  /**
   * modifyFlowOwners, adding as well as removing: the same as canShare. An owner without a
   * license or role (canManageOwners false) may still remove owners: that is `may(access, 'own')`.
   */
  canManageOwners: boolean;
  /** deleteFlow: owner or admin (S3); no role or license needed. */
  canDelete: boolean;
  /** Run history, actions, owners and run-only users: owner or admin (S3, S8). */
  canViewRunHistory: boolean;
  paths: AccessPath[];
  blockedReason: string | null;
  /** Why each ability is refused (null: allowed). Not part of the API; assertMay reads it. */
  refusals: Readonly<Record<Ability, Refusal | null>>;
  /** The flow's environment, for refusals that name it (ROLE_REQUIRED). */
  environmentName: string;
};

/**
 * What a user may ask to do with a flow. `own` is what every owner and admin may do whatever
 * their license and role: remove owners and run-only users, start/stop, change the primary
 * owner, explain access, follow its events (S2, S3, S13).
 */
export type Ability = 'view' | 'viewRunHistory' | 'run' | 'edit' | 'share' | 'manageOwners' | 'own' | 'delete';
export type Refusal = 'NOT_FOUND' | 'NOT_AUTHORIZED' | 'LICENSE_REQUIRED' | 'ROLE_REQUIRED' | 'RUN_ONLY_REQUIRES_INSTANT_TRIGGER';

export type Grant = { principal: PrincipalRef; expiresAt: Date | null };

export type AccessFacts = {
  user: {
    id: string;
    tenantId: string;
    status: 'ACTIVE' | 'DEPARTED';
    license: 'FREE' | 'PREMIUM' | 'SEEDED';
  };
  flow: { tenantId: string; creatorId: string; primaryOwnerId: string; trigger: 'INSTANT' | 'AUTOMATED' | 'SCHEDULED' };
  environment: { securityGroupId: string | null; displayName?: string };
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

const abilities: readonly Ability[] = ['view', 'viewRunHistory', 'run', 'edit', 'share', 'manageOwners', 'own', 'delete'];

/** What a decision says besides its level and paths: the refusals and the flags read off them. */
type Verdict = Pick<
  FlowAccess,
  'refusals' | 'canView' | 'canEdit' | 'canRun' | 'canShare' | 'canManageOwners' | 'canDelete' | 'canViewRunHistory'
>;

function verdict(refusal: (ability: Ability) => Refusal | null): Verdict {
  const refusals = Object.freeze(Object.fromEntries(abilities.map((a) => [a, refusal(a)])) as Record<Ability, Refusal | null>);
  const may = (a: Ability) => refusals[a] === null;
  return Object.freeze({
    refusals,
    canView: may('view'),
    canEdit: may('edit'),
    canRun: may('run'),
    canShare: may('share'),
    canManageOwners: may('manageOwners'),
    canDelete: may('delete'),
    canViewRunHistory: may('viewRunHistory'),
  });
}

/** Every ability refused as NOT_FOUND: no access, or access blocked. */
const hidden = verdict(() => 'NOT_FOUND');

/**
 * The refusals of a level that grants something, given the few facts they depend on. There
 * are 24 such verdicts: each is made once and shared, frozen, by every decision that reaches
 * it (a page of flows decides 100 times; issue #13).
 */
const verdicts: Verdict[] = [];
function grantedVerdict(level: 'RUN_ONLY' | 'OWNER' | 'ADMIN', instant: boolean, authors: boolean, free: boolean): Verdict {
  const index = (level === 'RUN_ONLY' ? 0 : level === 'OWNER' ? 8 : 16) + (instant ? 4 : 0) + (authors ? 2 : 0) + (free ? 1 : 0);
  const full = level !== 'RUN_ONLY';
  verdicts[index] ??= verdict((ability) => {
    switch (ability) {
      case 'view':
        return null;
      case 'run':
        // S8: run-only users run instant flows only, and see their own runs only.
        return level === 'RUN_ONLY' && !instant ? 'RUN_ONLY_REQUIRES_INSTANT_TRIGGER' : null;
      case 'viewRunHistory':
      case 'own':
      case 'delete':
        return full ? null : 'NOT_AUTHORIZED';
      case 'edit':
        if (!full) return 'NOT_AUTHORIZED';
        return authors ? null : 'ROLE_REQUIRED';
      case 'share':
      case 'manageOwners':
        if (!full) return 'NOT_AUTHORIZED';
        // S1 before S15, as the use cases always answered.
        if (free) return 'LICENSE_REQUIRED';
        return authors ? null : 'ROLE_REQUIRED';
    }
  });
  return verdicts[index]!;
}

function decision(base: Pick<FlowAccess, 'level' | 'paths' | 'blockedReason' | 'environmentName'>, v: Verdict): FlowAccess {
  return {
    level: base.level,
    canView: v.canView,
    canEdit: v.canEdit,
    canRun: v.canRun,
    canShare: v.canShare,
    canManageOwners: v.canManageOwners,
    canDelete: v.canDelete,
    canViewRunHistory: v.canViewRunHistory,
    paths: base.paths,
    blockedReason: base.blockedReason,
    refusals: v.refusals,
    environmentName: base.environmentName,
  };
}

export const noAccess: FlowAccess = Object.freeze(
  decision({ level: 'NONE', paths: [], blockedReason: null, environmentName: 'this environment' }, hidden),
);

/** S19: a grant past its expiry no longer counts. */
export function isGrantActive(grant: { expiresAt: Date | null }, now: Date): boolean {
  return grant.expiresAt === null || grant.expiresAt > now;
}

/** S15: only makers and admins create, edit, share or own flows in an environment. */
export function canAuthorFlows(role: EnvironmentRole | null): boolean {
  return role === 'ENVIRONMENT_MAKER' || role === 'ENVIRONMENT_ADMIN';
}

export function flowAccess(facts: AccessFacts): FlowAccess {
  const { user, flow } = facts;
  // S20: nothing crosses tenants, not even an explanation.
  if (user.tenantId !== flow.tenantId) return noAccess;

  const environmentName = facts.environment.displayName ?? 'this environment';
  const paths = accessPaths(facts);
  let [isAdmin, isOwner, isRunOnly, granting] = [false, false, false, false];
  for (const { kind } of paths) {
    if (kind === 'CREATOR') continue;
    granting = true;
    if (kind === 'ENVIRONMENT_ADMIN') isAdmin = true;
    else if (OWNER_PATHS.has(kind)) isOwner = true;
    else if (RUN_ONLY_PATHS.has(kind)) isRunOnly = true;
  }

  const blockedReason = granting ? blockReason(facts) : null;
  if (blockedReason) return decision({ level: 'NONE', paths, blockedReason, environmentName }, hidden);

  const level: AccessLevel = isOwner ? 'OWNER' : isAdmin ? 'ADMIN' : isRunOnly ? 'RUN_ONLY' : 'NONE';
  const v =
    level === 'NONE'
      ? hidden
      : grantedVerdict(level, flow.trigger === 'INSTANT', canAuthorFlows(facts.environmentRole), user.license === 'FREE');
  return decision({ level, paths, blockedReason: null, environmentName }, v);
}

/** The paths that make someone an owner. CREATOR is not one: creating a flow grants nothing (S21). */
const OWNER_PATHS = new Set<AccessPathKind>(['PRIMARY_OWNER', 'DIRECT_OWNER', 'GROUP_OWNER', 'LIST_OWNER']);
const RUN_ONLY_PATHS = new Set<AccessPathKind>(['DIRECT_RUN_ONLY', 'GROUP_RUN_ONLY']);

function accessPaths(facts: AccessFacts): AccessPath[] {
  const { user, flow, now } = facts;
  const paths: AccessPath[] = [];
  const self: PrincipalRef = { kind: 'USER', id: user.id };
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
  // S21: CREATOR is told, first, beside a path that grants access; alone it is nothing.
  if (paths.length > 0 && flow.creatorId === user.id) paths.unshift({ kind: 'CREATOR', via: self, expiresAt: null });
  // One order whatever order the grants came in: by kind, then by principal.
  return sortedIfNot(paths, byKindThenPrincipal);
}
const byKindThenPrincipal = (a: AccessPath, b: AccessPath) =>
  RANK[a.kind] - RANK[b.kind] || (a.via?.id ?? '').localeCompare(b.via?.id ?? '');

const RANK = Object.fromEntries(ACCESS_PATH_KINDS.map((kind, i) => [kind, i])) as Record<AccessPathKind, number>;

/** Why the user's grants are inert, if they are. */
function blockReason(facts: AccessFacts): string | null {
  if (facts.user.status === 'DEPARTED') return 'The user has left the organization.';
  // S16: outside the environment's security group, grants are kept but do nothing.
  if (!isInsideEnvironment(facts.environment, { role: facts.environmentRole, groupIds: facts.groupIds })) {
    return "The user is not a member of the environment's security group, so is outside the environment.";
  }
  return null;
}

const doingByDefault: Record<Ability, string> = {
  view: 'see this flow',
  viewRunHistory: 'see its run history',
  run: 'run this flow',
  edit: 'edit this flow',
  share: 'share this flow',
  manageOwners: 'change its owners',
  own: 'change this flow',
  delete: 'delete this flow',
};

/** Does `access` allow `ability`? The predicate of assertMay, for deciding without an error. */
export function may(access: FlowAccess | undefined, ability: Ability): access is FlowAccess {
  return access !== undefined && access.refusals[ability] === null;
}

/**
 * The one check behind every flow mutation (S22): throws the refusal `access` records for
 * `ability`, the same one its `can*` flag reports. NOT_FOUND when the flow can't be seen
 * (S20); `doing` words the NOT_AUTHORIZED message ("send copies of this flow").
 */
export function assertMay(
  access: FlowAccess | undefined,
  ability: Ability,
  field: string[],
  doing = doingByDefault[ability],
): asserts access is FlowAccess {
  const refusal = access ? access.refusals[ability] : 'NOT_FOUND';
  switch (refusal) {
    case null:
      return;
    case 'NOT_FOUND':
      throw new DomainError('NOT_FOUND', 'No such flow.', field);
    case 'NOT_AUTHORIZED':
      throw new DomainError(
        'NOT_AUTHORIZED',
        ability === 'run' ? 'You may not run this flow.' : `Only the flow's owners and environment admins may ${doing}.`,
        field,
      );
    case 'RUN_ONLY_REQUIRES_INSTANT_TRIGGER':
      throw new DomainError('RUN_ONLY_REQUIRES_INSTANT_TRIGGER', 'Run-only users run instant flows only.', field);
    case 'LICENSE_REQUIRED':
      throw licenseRequired();
    case 'ROLE_REQUIRED':
      throw roleRequired(access!.environmentName, ability === 'edit' ? 'Creating and editing flows' : 'Sharing flows');
  }
}

/** S1: sharing needs a license other than FREE. */
export function licenseRequired(): DomainError {
  return new DomainError(
    'LICENSE_REQUIRED',
    'Sharing a flow needs a Power Automate license other than the free one, or a seeded license (Office 365, Dynamics 365, Power Apps).',
  );
}

/** S15: makers design, others consume; `doing` says what was refused ("Sharing flows"). */
export function roleRequired(environmentName: string, doing = 'Creating and editing flows'): DomainError {
  return new DomainError('ROLE_REQUIRED', `${doing} in ${environmentName} needs the Environment Maker or Environment Admin role.`);
}
