// The printed schema is committed and current, and holds the public contract unchanged.
import { existsSync, readFileSync } from 'node:fs';
import { buildSchema, BreakingChangeType, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../src/graphql/schema.js';

const committed = readFileSync(new URL('../schema/schema.graphql', import.meta.url), 'utf8');
const contractFile = new URL('../../shared/contract/schema.graphql', import.meta.url);

describe('schema/schema.graphql', () => {
  it('is what the code prints (run `npm run schema` after changing the schema)', () => {
    expect(printedSchema()).toBe(committed);
  });
});

// The contract lives beside the checkout (../shared), as in CI; a lone clone has no contract to hold.
describe.runIf(existsSync(contractFile))('the public contract', () => {
  const gaps = () =>
    findBreakingChanges(buildSchema(readFileSync(contractFile, 'utf8')), buildSchema(committed));

  it('is only missing what later issues build, never changed', () => {
    const changed = gaps().filter((g) => g.type !== BreakingChangeType.TYPE_REMOVED && g.type !== BreakingChangeType.FIELD_REMOVED);
    expect(changed.map((g) => g.description)).toEqual([]);
  });

  it('holds every field built so far (foundation, co-owners and the log, copies and ownership, run-only sharing, governance)', () => {
    const built = [
      'Query.node', 'Query.nodes', 'Query.viewer', 'Query.environments', 'Query.connectors',
      'Query.searchPrincipals', 'Query.myFlows', 'Query.myConnections',
      'Mutation.createFlow', 'Mutation.updateFlow', 'Mutation.setFlowState', 'Mutation.deleteFlow',
      'Mutation.createConnection', 'Flow.viewerAccess', 'Environment.dlpPolicy', 'Group.members', 'SharePointList.editors',
      'Mutation.modifyFlowOwners', 'Flow.owners', 'Flow.accessFor', 'Query.teamFlows', 'Query.sharingEvents',
      'FlowOwnerEdge', 'FlowOwnerConnection', 'SharingEvent', 'SharingEventConnection', 'ModifyFlowOwnersSuccess',
      'Mutation.sendFlowCopy', 'Mutation.createFlowFromCopy', 'Mutation.saveFlowAs', 'Mutation.changePrimaryOwner',
      'Query.receivedCopies', 'FlowCopy', 'FlowCopyConnection', 'SharingEvent.copy',
      'Mutation.modifyRunOnlyUsers', 'Flow.runOnlyUsers', 'Query.runOnlyFlows', 'FlowRunOnlyEdge', 'ConnectionSourceInput',
      'Mutation.replaceFlowConnection', 'Mutation.updateConnectionCredentials',
      'Mutation.triggerFlow', 'Flow.runs', 'FlowRun', 'RunFailure', 'FlowRunConnection',
      'Mutation.setEnvironmentRole', 'SetEnvironmentRoleInput', 'SetEnvironmentRoleSuccess', 'SetEnvironmentRoleResult',
      'Mutation.setDlpPolicy', 'ConnectorClassInput', 'SetDlpPolicyInput', 'SetDlpPolicySuccess', 'SetDlpPolicyResult',
      'Query.sharingAudit', 'SharingAudit', 'AuditFinding', 'AuditFindingKind', 'Query.environmentSharingEvents',
    ];
    const missing = gaps().map((g) => g.description);
    for (const item of built) expect(missing).not.toContain(`${item} was removed.`);
    expect(committed).toMatch(/type Mutation \{[^}]*createFlow\(input: CreateFlowInput!\): CreateFlowResult!/);
  });
});
