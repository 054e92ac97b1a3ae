// Data loss prevention (S18): the check every flow save makes, and setDlpPolicy, which
// replaces an environment's policy and suspends the flows it breaks, in one transaction.
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db, Tx } from '../db/open.js';
import { connectionReferences, connectors, dlpClassifications, type environments, flows } from '../db/tables.js';
import { appendEvents, flowEvent } from '../events/log.js';
import { assertDlpCompliant, assertEachConnectorOnce, dlpViolation, type ConnectorClass } from '../policy/dlp.js';
import { DomainError } from '../policy/errors.js';
import { loadFlowFacts, type FlowRow, type UserRow } from './access.js';
import { administeredEnvironment, environmentAdmins } from './environments.js';
import { listCaps, MAX_DLP_CONNECTORS, parseInput } from './input.js';
import { lockEnvironment } from './locks.js';
import { ownersOf } from './principals.js';
import { resumeRunnableFlows } from './resume.js';
import { classifiedConnectors } from '../reads/dlp.js';

/**
 * S18, for a flow being saved or turned on. Reading the environment's row FOR SHARE makes
 * this wait for a policy change in flight (setDlpPolicy locks it FOR UPDATE), so no flow
 * is saved against a policy that is being replaced.
 */
export async function assertFlowMeetsDlp(tx: Tx, flow: Pick<FlowRow, 'id' | 'environmentId'>, field?: string[]): Promise<void> {
  await lockEnvironment(tx, flow.environmentId, 'share');
  const used = await classifiedConnectors(tx, eq(connectionReferences.flowId, flow.id));
  assertDlpCompliant(used.get(flow.id) ?? [], field);
}

export type SetDlpPolicyInput = {
  environmentId: string;
  classifications: { connectorId: string; class: ConnectorClass }[];
};

const policyCaps = listCaps({ classifications: MAX_DLP_CONNECTORS });

export async function setDlpPolicy(
  db: Db,
  viewer: UserRow,
  input: SetDlpPolicyInput,
): Promise<{ environment: typeof environments.$inferSelect; suspendedFlows: FlowRow[] }> {
  parseInput(policyCaps, input);
  const field = (i: number) => ['input', 'classifications', String(i), 'connectorId'];
  assertEachConnectorOnce(
    input.classifications.map((c) => c.connectorId),
    field,
  );
  return db.transaction(async (tx) => {
    const environment = await administeredEnvironment(
      tx,
      viewer,
      input.environmentId,
      ['input', 'environmentId'],
      'set its data loss prevention policy',
    );
    // The environment first, then its flows (loadFlowFacts below, in id order): the lock order
    // of src/sharing/locks.ts, the one flow changes take too.
    await lockEnvironment(tx, environment.id, 'update');

    const ids = input.classifications.map((c) => c.connectorId);
    const known = new Set(
      ids.length ? (await tx.select({ id: connectors.id }).from(connectors).where(inArray(connectors.id, ids))).map((c) => c.id) : [],
    );
    input.classifications.forEach((c, i) => {
      if (!known.has(c.connectorId)) throw new DomainError('NOT_FOUND', 'No such connector.', field(i));
    });

    // The policy is the whole list: what it leaves out is NON_BUSINESS again.
    await tx.delete(dlpClassifications).where(eq(dlpClassifications.environmentId, environment.id));
    if (input.classifications.length > 0) {
      await tx.insert(dlpClassifications).values(input.classifications.map((c) => ({ environmentId: environment.id, ...c })));
    }

    // Flows this policy breaks are suspended; flows suspended by an earlier policy that this
    // one allows are resumed (OFF, FLOW_RESUMED: never turned back on, S18).
    const used = await classifiedConnectors(tx, and(eq(flows.environmentId, environment.id), ne(flows.state, 'SUSPENDED'))!);
    const broken = [...used].filter(([, connectorsUsed]) => dlpViolation(connectorsUsed)).map(([flowId]) => flowId);
    const heldByDlp = (
      await tx
        .select({ id: flows.id })
        .from(flows)
        .where(and(eq(flows.environmentId, environment.id), eq(flows.suspensionReason, 'DLP_VIOLATION')))
    ).map((f) => f.id);
    if (broken.length === 0 && heldByDlp.length === 0) return { environment, suspendedFlows: [] };

    const facts = await loadFlowFacts(tx, [...broken, ...heldByDlp], true);
    const suspendedFlows = broken.length
      ? await tx
          .update(flows)
          .set({ state: 'SUSPENDED', suspensionReason: 'DLP_VIOLATION', modifiedAt: new Date() })
          .where(inArray(flows.id, broken))
          .returning()
      : [];
    const admins = (await environmentAdmins(tx, [environment.id])).get(environment.id)!;
    const events = [];
    for (const flow of suspendedFlows) {
      const owners = await ownersOf(tx, flow, facts.get(flow.id)!.ownerGrants);
      events.push({
        event: flowEvent(
          'FLOW_SUSPENDED',
          { ...flow, tenantId: environment.tenantId },
          { id: viewer.id, level: owners.has(viewer.id) ? 'OWNER' : 'ADMIN' },
        ),
        recipients: [...owners, ...admins],
      });
    }
    await appendEvents(tx, events);
    await resumeRunnableFlows(tx, heldByDlp, (owners) => ({ id: viewer.id, level: owners.has(viewer.id) ? 'OWNER' : 'ADMIN' }));
    suspendedFlows.sort((a, b) => a.displayName.localeCompare(b.displayName));
    return { environment, suspendedFlows };
  });
}
