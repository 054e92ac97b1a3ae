// modifyRunOnlyUsers: add and remove run-only users and groups (instant flows only, S8) and
// choose, per connection reference, whose connection a run-only run uses (S9). One
// transaction; RUN_ONLY_ADDED / RUN_ONLY_REMOVED / CONNECTION_SOURCE_CHANGED logged in it.
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/open.js';
import { connectionReferences, runOnlyGrants } from '../db/tables.js';
import { appendEvents, flowEvent } from '../events/log.js';
import { assertMay, isGrantActive, type PrincipalRef } from '../policy/access.js';
import { DomainError } from '../policy/errors.js';
import { assertGrantable, assertSameTenant } from '../policy/owners.js';
import { assertRunOnlyAllowed, assertRunOnlyPrincipal, runOnlyGrantIsRedundant } from '../policy/runonly.js';
import { flowWithAccess, grantPrincipal, type FlowRow, type UserRow } from './access.js';
import { checkGrantChange, grantsOf, grantTarget, key, loadPrincipals, union, type PrincipalInput } from './grants.js';
import { listCaps, MAX_FLOW_CONNECTIONS, parseInput } from './input.js';
import { ownersOf, usersOf } from './principals.js';

export type ModifyRunOnlyUsersInput = {
  flowId: string;
  add: PrincipalInput[];
  remove: PrincipalInput[];
  connectionSources: { referenceId: string; source: 'EMBEDDED' | 'INVOKER'; field: string[] }[];
  expiresAt: Date | null;
};

const sourceCaps = listCaps({ connectionSources: MAX_FLOW_CONNECTIONS });

export async function modifyRunOnlyUsers(
  db: Db,
  viewer: UserRow,
  input: ModifyRunOnlyUsersInput,
): Promise<{ flow: FlowRow; lastPosition: number | null }> {
  parseInput(sourceCaps, input);
  const now = new Date();
  const removing = checkGrantChange(input, now);

  return db.transaction(async (tx) => {
    const found = await flowWithAccess(tx, viewer, input.flowId, { lock: true });
    // Adding run-only users is sharing (canShare: S1, S15); removing them, or choosing
    // connection sources, is any owner's or admin's (S3).
    assertMay(found?.access, input.add.length > 0 ? 'share' : 'own', ['input', 'flowId'], 'change its run-only users');
    const { flow, access } = found!;
    if (input.add.length > 0) assertRunOnlyAllowed(flow.trigger, ['input', 'flowId']);
    const principals = await loadPrincipals(tx, [...input.add, ...input.remove]);
    for (const p of [...input.add, ...input.remove]) {
      assertRunOnlyPrincipal(p.kind, p.field);
      const facts = principals.get(key(p));
      if (!facts) throw new DomainError('NOT_FOUND', 'No such user or group.', p.field);
      assertSameTenant(facts, viewer, p.field);
    }
    for (const p of input.add) assertGrantable(principals.get(key(p))!, viewer, p.field);
    const adding = input.add.filter((p) => !runOnlyGrantIsRedundant(p, { id: viewer.id, level: access.level }));

    const added = adding.length
      ? await tx
          .insert(runOnlyGrants)
          .values(adding.map((p) => ({ flowId: flow.id, ...grantTarget(p), addedById: viewer.id, expiresAt: input.expiresAt })))
          .onConflictDoNothing()
          .returning()
      : [];
    const removed = input.remove.length
      ? await tx
          .delete(runOnlyGrants)
          .where(and(eq(runOnlyGrants.flowId, flow.id), grantsOf(runOnlyGrants, input.remove)))
          .returning()
      : [];
    const changedSources = await setConnectionSources(tx, flow, input.connectionSources);

    // Who is told: the flow's owners, and for each grant the users it reaches.
    const owners = await ownersOf(
      tx,
      flow,
      found!.ownerGrants.filter((g) => isGrantActive(g, now)),
    );
    const runners = await usersOf(tx, [
      ...found!.runOnlyGrants.filter((g) => !removing.has(key(g.principal)) && isGrantActive(g, now)).map((g) => g.principal),
      ...added.map(grantPrincipal),
    ]);
    const actor = { id: viewer.id, level: access.level };
    const about = async (kind: 'RUN_ONLY_ADDED' | 'RUN_ONLY_REMOVED', principal: PrincipalRef) => ({
      event: flowEvent(kind, flow, actor, { principal }),
      recipients: union(await usersOf(tx, [principal]), owners),
    });
    const lastPosition = await appendEvents(tx, [
      ...(await Promise.all(added.map((g) => about('RUN_ONLY_ADDED', grantPrincipal(g))))),
      ...(await Promise.all(removed.map((g) => about('RUN_ONLY_REMOVED', grantPrincipal(g))))),
      ...(changedSources > 0 ? [{ event: flowEvent('CONNECTION_SOURCE_CHANGED', flow, actor), recipients: union(owners, runners) }] : []),
    ]);
    return { flow, lastPosition };
  });
}

/** S9: EMBEDDED or INVOKER per reference of this flow; returns how many changed. */
async function setConnectionSources(tx: Tx, flow: FlowRow, sources: ModifyRunOnlyUsersInput['connectionSources']): Promise<number> {
  if (sources.length === 0) return 0;
  const refs = new Map(
    (await tx.select().from(connectionReferences).where(eq(connectionReferences.flowId, flow.id))).map((r) => [r.id, r]),
  );
  let changed = 0;
  for (const { referenceId, source, field } of sources) {
    const ref = refs.get(referenceId);
    if (!ref) throw new DomainError('NOT_FOUND', 'No such connection reference in this flow.', field);
    // A source provided by the run-only user only means something where there are run-only users.
    if (source === 'INVOKER') assertRunOnlyAllowed(flow.trigger, field);
    if (ref.runOnlySource === source) continue;
    await tx.update(connectionReferences).set({ runOnlySource: source }).where(eq(connectionReferences.id, ref.id));
    ref.runOnlySource = source;
    changed++;
  }
  return changed;
}
