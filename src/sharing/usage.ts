// flowUsage (issue 15): an environment admin's view of who runs which flow ("flows widely
// used by unexpected users"). The numbers are SQL aggregates (src/reads/usage.ts); each
// runner's access now is the one access decision (policy/access.ts), made for a whole page
// of runners from facts loaded set-wise: the flows' grants, the runners' groups and lists,
// their roles in the environment. Nothing is written.
import type { Db } from '../db/open.js';
import type { AccessLevel } from '../policy/access.js';
import { DomainError } from '../policy/errors.js';
import { runnersOfFlows, usageOfEnvironment, type RunnerRow, type UsagePeriod } from '../reads/usage.js';
import { decideAccess, loadEnvironmentRolesOf, loadFlowFacts, loadMembershipsOf, type UserRow } from './access.js';
import { administeredEnvironment } from './environments.js';

export type RunnerUsage = RunnerRow & { access: AccessLevel };

/**
 * The environment's usage in [since, until) for its admin (NOT_AUTHORIZED for others,
 * NOT_FOUND for an environment of another tenant): the list of flows to page, and the
 * runners of a page's flows with their access now.
 */
export async function flowUsage(db: Db, viewer: UserRow, input: { environmentId: string; since: Date; until: Date | null }) {
  if (input.until && input.until <= input.since) {
    throw new DomainError('INVALID_INPUT', 'until must be later than since.', ['until']);
  }
  const environment = await administeredEnvironment(db, viewer, input.environmentId, ['environmentId'], 'read its usage');
  const period: UsagePeriod = { environmentId: environment.id, since: input.since, until: input.until };
  return {
    environment,
    flows: usageOfEnvironment(db, period),
    runners: (flowIds: readonly string[], first: number) => runnersWithAccess(db, period, flowIds, first),
  };
}

/** Runners of the flows with their access level now: a fixed number of statements for any page. */
async function runnersWithAccess(db: Db, period: UsagePeriod, flowIds: readonly string[], first: number): Promise<RunnerUsage[]> {
  const runners = await runnersOfFlows(db, period, flowIds, first);
  if (runners.length === 0) return [];
  const userIds = [...new Set(runners.map((r) => r.user.id))];
  const [facts, memberships, roles] = await Promise.all([
    loadFlowFacts(db, [...new Set(runners.map((r) => r.flowId))]),
    loadMembershipsOf(db, userIds),
    loadEnvironmentRolesOf(db, userIds, [period.environmentId]),
  ]);
  const now = new Date();
  return runners.map((r) => {
    const flow = facts.get(r.flowId);
    const role = roles.get(r.user.id)?.get(period.environmentId) ?? null;
    const access = flow ? decideAccess(r.user, memberships.get(r.user.id)!, flow, role, now).level : 'NONE';
    return { ...r, access };
  });
}
