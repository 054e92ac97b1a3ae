// The connectors a flow's connections are for, as its environment's DLP policy classifies them
// (S18): what saving, turning on, a policy change and resuming a flow all check.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { connectionReferences, connections, connectors, dlpClassifications, flows } from '../db/tables.js';
import type { ClassifiedConnector, ConnectorClass } from '../policy/dlp.js';

/** The connectors each flow's connections are for, classified by its environment's policy. */
export async function classifiedConnectors(tx: Db, which: SQL): Promise<Map<string, ClassifiedConnector[]>> {
  const rows = await tx
    .selectDistinct({
      flowId: connectionReferences.flowId,
      id: connectors.id,
      displayName: connectors.displayName,
      class: sql<ConnectorClass>`coalesce(${dlpClassifications.class}, 'NON_BUSINESS')`,
    })
    .from(connectionReferences)
    .innerJoin(flows, eq(flows.id, connectionReferences.flowId))
    .innerJoin(connections, eq(connections.id, connectionReferences.connectionId))
    .innerJoin(connectors, eq(connectors.id, connections.connectorId))
    .leftJoin(
      dlpClassifications,
      and(eq(dlpClassifications.environmentId, flows.environmentId), eq(dlpClassifications.connectorId, connectors.id)),
    )
    .where(which);
  const byFlow = new Map<string, ClassifiedConnector[]>();
  for (const { flowId, ...connector } of rows) byFlow.set(flowId, [...(byFlow.get(flowId) ?? []), connector]);
  return byFlow;
}
