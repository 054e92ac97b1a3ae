// An event's audience (S28): who could follow its flow's stream when it committed, decided in
// the event's own transaction by the same rules a stream's start is checked with
// (sharing/watch.ts over policy/), and stored with the event. A stream then authorizes each
// event in memory, as of the event and not as of its delivery: FLOW_DELETED and the changes
// just before it reach everyone who could see the flow then, and an owner removed stops
// getting events from their removal on.
import { inArray } from 'drizzle-orm';
import type { Tx } from '../db/open.js';
import { environments, users } from '../db/tables.js';
import type { EnvironmentRole } from '../policy/access.js';
import {
  decideAccess,
  loadEnvironmentRolesOf,
  loadFlowFacts,
  loadMembershipsOf,
  type FlowFacts,
  type FlowWithPlace,
  type Memberships,
  type UserRow,
} from '../sharing/access.js';
import { environmentAdmins } from '../sharing/environments.js';
import { usersOf } from '../sharing/principals.js';
import { mayWatchEnvironment, mayWatchFlow } from '../sharing/watch.js';
import type { EventRow } from './feed.js';

export type Audience = { watchers: string[]; admins: string[] };
type Appended = { event: { flowId: string; environmentId: string; tenantId: string }; recipients: Iterable<string> };

/**
 * The audience of each flow the events speak of, as the transaction sees it now (after the
 * change it records). A flow already deleted in this transaction (deleteFlow deletes, then
 * appends FLOW_DELETED) has only the users its event was addressed to, its owners just
 * before, as owners, and its environment's admins.
 */
export async function decideAudiences(tx: Tx, appended: readonly Appended[]): Promise<Map<string, Audience>> {
  const byFlow = new Map<string, { environmentId: string; tenantId: string; recipients: Set<string> }>();
  for (const { event, recipients } of appended) {
    const entry = byFlow.get(event.flowId) ?? { environmentId: event.environmentId, tenantId: event.tenantId, recipients: new Set() };
    for (const id of recipients) entry.recipients.add(id);
    byFlow.set(event.flowId, entry);
  }
  const flowIds = [...byFlow.keys()];
  const environmentIds = [...new Set([...byFlow.values()].map((f) => f.environmentId))];
  const [present, admins] = await Promise.all([loadFlowFacts(tx, flowIds), environmentAdmins(tx, environmentIds)]);

  const gone = flowIds.filter((id) => !present.has(id));
  const places = gone.length
    ? new Map(
        (
          await tx
            .select({ id: environments.id, securityGroupId: environments.securityGroupId, displayName: environments.displayName })
            .from(environments)
            .where(inArray(environments.id, [...new Set(gone.map((id) => byFlow.get(id)!.environmentId))]))
        ).map((e) => [e.id, e]),
      )
    : new Map();

  // Each flow's facts, and who might watch it: its owners (expanded through groups and lists),
  // its creator, and its environment's admins. The policy decides which of them may.
  const flows = new Map<string, { facts: FlowFacts; candidates: Set<string> }>();
  for (const flowId of flowIds) {
    const { environmentId, tenantId, recipients } = byFlow.get(flowId)!;
    let facts = present.get(flowId);
    let owners: Set<string>;
    if (facts) {
      const { flow, ownerGrants } = facts;
      owners = await usersOf(tx, [
        { kind: 'USER', id: flow.primaryOwnerId },
        { kind: 'USER', id: flow.creatorId },
        ...ownerGrants.map((g) => g.principal),
      ]);
    } else {
      const place = places.get(environmentId);
      owners = recipients;
      facts = {
        flow: {
          id: flowId,
          tenantId,
          environmentId,
          creatorId: '',
          primaryOwnerId: '',
          securityGroupId: place?.securityGroupId ?? null,
          environmentName: place?.displayName ?? '',
        } as FlowWithPlace,
        ownerGrants: [...recipients].map((id) => ({
          id: '',
          principal: { kind: 'USER', id },
          expiresAt: null,
          addedById: null,
          addedAt: new Date(0),
        })),
        runOnlyGrants: [],
      };
    }
    flows.set(flowId, { facts, candidates: new Set([...owners, ...(admins.get(environmentId) ?? [])]) });
  }

  const candidateIds = [...new Set([...flows.values()].flatMap((f) => [...f.candidates]))];
  const people = new Map<string, { user: UserRow; memberships: Memberships; roles: Map<string, EnvironmentRole | null> }>();
  if (candidateIds.length > 0) {
    // A few set-based statements whatever the number of candidates (a group of thousands).
    const [rows, memberships, roles] = await Promise.all([
      tx.select().from(users).where(inArray(users.id, candidateIds)),
      loadMembershipsOf(tx, candidateIds),
      loadEnvironmentRolesOf(tx, candidateIds, environmentIds),
    ]);
    for (const user of rows) people.set(user.id, { user, memberships: memberships.get(user.id)!, roles: roles.get(user.id)! });
  }

  const now = new Date();
  const out = new Map<string, Audience>();
  for (const [flowId, { facts, candidates }] of flows) {
    const audience: Audience = { watchers: [], admins: [] };
    for (const id of candidates) {
      const person = people.get(id);
      if (!person) continue;
      const role = person.roles.get(facts.flow.environmentId) ?? null;
      if (!mayWatchFlow(decideAccess(person.user, person.memberships, facts, role, now))) continue;
      audience.watchers.push(id);
      if (mayWatchEnvironment(role)) audience.admins.push(id);
    }
    out.set(flowId, audience);
  }
  return out;
}

// One Set per stored list, shared by every stream the feed hands the same event to.
const asSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function has(list: readonly string[], userId: string): boolean {
  if (list.length < 16) return list.includes(userId);
  let set = asSets.get(list);
  if (!set) {
    set = new Set(list);
    asSets.set(list, set);
  }
  return set.has(userId);
}

/** Could the user follow the event's flow when it committed? Null: not recorded (older events). */
export function couldWatchFlow(event: EventRow, userId: string): boolean | null {
  return event.watchers ? has(event.watchers, userId) : null;
}

/** Was the user an admin of the event's environment, following it, when it committed? */
export function couldWatchEnvironment(event: EventRow, userId: string): boolean | null {
  return event.admins ? has(event.admins, userId) : null;
}
