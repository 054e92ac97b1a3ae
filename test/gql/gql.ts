/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query TableAccess($id: ID!) {\n    node(id: $id) { ... on Flow { viewerAccess { level canView canEdit canRun canShare canManageOwners canDelete canViewRunHistory } } }\n  }\n": typeof types.TableAccessDocument,
    "\n  mutation TableOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code } }\n  }\n": typeof types.TableOwnersDocument,
    "\n  mutation TableRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code } }\n  }\n": typeof types.TableRunOnlyDocument,
    "\n  mutation TableUpdate($input: UpdateFlowInput!) { updateFlow(input: $input) { __typename ... on OperationError { code } } }\n": typeof types.TableUpdateDocument,
    "\n  mutation TableCopy($input: SendFlowCopyInput!) { sendFlowCopy(input: $input) { __typename ... on OperationError { code } } }\n": typeof types.TableCopyDocument,
    "\n  mutation TableTrigger($input: TriggerFlowInput!) { triggerFlow(input: $input) { __typename ... on OperationError { code } } }\n": typeof types.TableTriggerDocument,
    "\n  mutation TableState($input: SetFlowStateInput!) { setFlowState(input: $input) { __typename ... on OperationError { code } } }\n": typeof types.TableStateDocument,
    "\n  mutation TableDelete($input: DeleteFlowInput!) { deleteFlow(input: $input) { __typename ... on OperationError { code } } }\n": typeof types.TableDeleteDocument,
    "\n  query AccessibleFlows($userId: ID!, $environmentId: ID, $first: Int, $after: String) {\n    accessibleFlows(userId: $userId, environmentId: $environmentId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node { id displayName viewerAccess { level } }\n        access {\n          level\n          canView\n          canEdit\n          canRun\n          blockedReason\n          paths { kind via { __typename ... on Node { id } } }\n        }\n      }\n    }\n  }\n": typeof types.AccessibleFlowsDocument,
    "\n  query AccessibleFlowsInDepth($userId: ID!, $first: Int) {\n    accessibleFlows(userId: $userId, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          displayName\n          creator { id displayName }\n          environment { id displayName viewerRole }\n          owners { totalCount edges { node { __typename ... on Group { id displayName } ... on User { id displayName } } } }\n          viewerAccess { level canEdit paths { kind } }\n        }\n        access { level canEdit blockedReason paths { kind expiresAt via { __typename ... on Group { id displayName } ... on User { id displayName } } } }\n      }\n    }\n  }\n": typeof types.AccessibleFlowsInDepthDocument,
    "\n  query Audit($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) {\n      generatedAt\n      environment { id }\n      findings {\n        kind\n        flow { id displayName }\n        principal { __typename ... on User { id } ... on Group { id } }\n        connection { id }\n        detail\n      }\n    }\n  }\n": typeof types.AuditDocument,
    "\n  query AuditOrder($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) { truncated findings { kind flow { displayName } } }\n  }\n": typeof types.AuditOrderDocument,
    "\n  query AuditKinds($environmentId: ID!, $kinds: [AuditFindingKind!]) {\n    sharingAudit(environmentId: $environmentId, kinds: $kinds) { findings { kind } }\n  }\n": typeof types.AuditKindsDocument,
    "\n  mutation AuditAddOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.AuditAddOwnersDocument,
    "\n  mutation AuditAddRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": typeof types.AuditAddRunOnlyDocument,
    "\n  mutation BulkReassign($input: ReassignFlowsInput!) {\n    reassignFlows(input: $input) {\n      __typename\n      ... on ReassignFlowsSuccess {\n        dryRun\n        eventCursor\n        flows { id displayName state primaryOwner { id } }\n        resumedFlows { id state }\n        connectionsNeedingAttention { id owner { id } }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.BulkReassignDocument,
    "\n  mutation BulkRemovePrincipal($input: RemovePrincipalFromFlowsInput!) {\n    removePrincipalFromFlows(input: $input) {\n      __typename\n      ... on RemovePrincipalFromFlowsSuccess {\n        dryRun\n        eventCursor\n        flows { id displayName }\n        skippedFlows { id displayName }\n        connectionsNeedingAttention { id }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.BulkRemovePrincipalDocument,
    "\n  mutation BulkReplaceEverywhere($input: ReplaceConnectionEverywhereInput!) {\n    replaceConnectionEverywhere(input: $input) {\n      __typename\n      ... on ReplaceConnectionEverywhereSuccess { dryRun flows { id displayName connectionReferences { connection { id } } } }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.BulkReplaceEverywhereDocument,
    "\n  query BulkAudit($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) { findings { kind flow { id displayName } connection { id connector { id } } } }\n  }\n": typeof types.BulkAuditDocument,
    "\n  query BulkFlow($id: ID!) {\n    node(id: $id) {\n      ... on Flow {\n        state\n        primaryOwner { id }\n        owners(first: 50) { edges { node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } }\n        runOnlyUsers(first: 50) { edges { node { __typename ... on User { id } ... on Group { id } } } }\n        connectionReferences { connection { id } }\n      }\n    }\n  }\n": typeof types.BulkFlowDocument,
    "mutation BulkGuestEdits($input: UpdateFlowInput!) { updateFlow(input: $input) { __typename } }": typeof types.BulkGuestEditsDocument,
    "mutation BulkMakerEdits($input: UpdateFlowInput!) { updateFlow(input: $input) { __typename } }": typeof types.BulkMakerEditsDocument,
    "\n  query ApolloMyFlows($first: Int!, $after: String) {\n    myFlows(first: $first, after: $after) {\n      edges { cursor node { id displayName state } }\n      pageInfo { hasNextPage endCursor }\n      totalCount\n    }\n  }\n": typeof types.ApolloMyFlowsDocument,
    "\n  mutation ApolloRenameFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      ... on UpdateFlowSuccess { flow { id displayName } }\n      ... on OperationError { code message }\n    }\n  }\n": typeof types.ApolloRenameFlowDocument,
    "\n  mutation ApolloShareFlow($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }\n  }\n": typeof types.ApolloShareFlowDocument,
    "\n  subscription ApolloSharedWithMe($after: String) {\n    sharingEvents(after: $after) { cursor kind flowId actor { id } flow { id displayName } }\n  }\n": typeof types.ApolloSharedWithMeDocument,
    "\n  query CodegenViewer { viewer { id displayName } }\n": typeof types.CodegenViewerDocument,
    "\n  query CodegenMyFlows($first: Int!, $after: String) {\n    myFlows(first: $first, after: $after) {\n      edges { node { id displayName } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.CodegenMyFlowsDocument,
    "\n  mutation CodegenRenameFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      __typename\n      ... on UpdateFlowSuccess { flow { id displayName } }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.CodegenRenameFlowDocument,
    "\n  mutation CodegenShareFlow($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }\n  }\n": typeof types.CodegenShareFlowDocument,
    "\n  subscription CodegenSharedWithMe($after: String) {\n    sharingEvents(after: $after) { kind flowId actor { id } }\n  }\n": typeof types.CodegenSharedWithMeDocument,
    "\n  query UrqlMyFlows($first: Int!, $after: String) {\n    myFlows(first: $first, after: $after) {\n      edges { node { id displayName } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.UrqlMyFlowsDocument,
    "\n  mutation UrqlRenameFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      __typename\n      ... on UpdateFlowSuccess { flow { id displayName } }\n      ... on OperationError { code message }\n    }\n  }\n": typeof types.UrqlRenameFlowDocument,
    "\n  mutation UrqlShareFlow($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }\n  }\n": typeof types.UrqlShareFlowDocument,
    "\n  subscription UrqlSharedWithMe($after: String) {\n    sharingEvents(after: $after) { kind flowId actor { id } }\n  }\n": typeof types.UrqlSharedWithMeDocument,
    "\n  mutation MergeReferences($input: ReplaceFlowConnectionInput!) {\n    replaceFlowConnection(input: $input) {\n      __typename\n      ... on ReplaceFlowConnectionSuccess {\n        flow {\n          id\n          actions { name connectionReference { id connection { id } } }\n          connectionReferences { id usage runOnlySource connection { id } }\n        }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.MergeReferencesDocument,
    "\n  mutation MergeShare($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.MergeShareDocument,
    "\n  mutation MergeSources($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": typeof types.MergeSourcesDocument,
    "\n  query ConnectionVisibility($id: ID!) {\n    node(id: $id) {\n      ... on Flow {\n        viewerAccess { level }\n        connectionReferences {\n          id\n          runOnlySource\n          connector { id displayName }\n          connection { id displayName status owner { email } }\n        }\n      }\n    }\n  }\n": typeof types.ConnectionVisibilityDocument,
    "\n  query ConnectionNode($id: ID!) { node(id: $id) { __typename id } }\n": typeof types.ConnectionNodeDocument,
    "\n  mutation VisibilityAddRunners($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": typeof types.VisibilityAddRunnersDocument,
    "\n  mutation VisibilityAddOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.VisibilityAddOwnersDocument,
    "\n  mutation Replace($input: ReplaceFlowConnectionInput!) {\n    replaceFlowConnection(input: $input) {\n      __typename\n      ... on ReplaceFlowConnectionSuccess { flow { id actions { name connectionReference { id connection { id owner { id } } } } } }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.ReplaceDocument,
    "\n  mutation Reauthenticate($input: UpdateConnectionCredentialsInput!) {\n    updateConnectionCredentials(input: $input) {\n      __typename\n      ... on UpdateConnectionCredentialsSuccess { connection { id status } }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.ReauthenticateDocument,
    "\n  mutation Share($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.ShareDocument,
    "\n  mutation SendFlowCopy($input: SendFlowCopyInput!) {\n    sendFlowCopy(input: $input) {\n      __typename\n      ... on SendFlowCopySuccess { eventCursor copies { id displayName description trigger sender { id } recipient { id } actionNames connectorsNeeded { id } createdFlow { id } } }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.SendFlowCopyDocument,
    "\n  mutation CreateFlowFromCopy($input: CreateFlowFromCopyInput!) {\n    createFlowFromCopy(input: $input) {\n      __typename\n      ... on CreateFlowFromCopySuccess { flow { id displayName creator { id } primaryOwner { id } actions { name connectionReference { connection { id } } } } }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.CreateFlowFromCopyDocument,
    "\n  mutation SaveFlowAs($input: SaveFlowAsInput!) {\n    saveFlowAs(input: $input) {\n      __typename\n      ... on SaveFlowAsSuccess { flow { id displayName environment { id } creator { id } primaryOwner { id } actions { name connectionReference { connection { id } } } } }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.SaveFlowAsDocument,
    "\n  mutation ChangePrimaryOwner($input: ChangePrimaryOwnerInput!) {\n    changePrimaryOwner(input: $input) {\n      __typename\n      ... on ChangePrimaryOwnerSuccess { eventCursor flow { id creator { id } primaryOwner { id } owners { edges { isPrimaryOwner node { ... on User { id } } } } } }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.ChangePrimaryOwnerDocument,
    "\n  query ReceivedCopies { receivedCopies { totalCount edges { node { id displayName createdFlow { id } } } } }\n": typeof types.ReceivedCopiesDocument,
    "\n  query CopyNode($id: ID!) { node(id: $id) { __typename ... on FlowCopy { id displayName actionNames } } }\n": typeof types.CopyNodeDocument,
    "\n  query MyEvents { sharingEvents(first: 100) { edges { node { kind flowId actorRole principal { ... on User { id } } copy { id } } } } }\n": typeof types.MyEventsDocument,
    "\n  mutation ShareOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.ShareOwnersDocument,
    "\n  query SentCopies($first: Int, $after: String) {\n    sentCopies(first: $first, after: $after) { edges { cursor node { id recipient { id } sender { id } } } pageInfo { hasNextPage endCursor } }\n  }\n": typeof types.SentCopiesDocument,
    "\n  query CreatorAccessFor($id: ID!, $userId: ID!) {\n    node(id: $id) {\n      ... on Flow {\n        accessFor(userId: $userId) { level canView canEdit canDelete canManageOwners blockedReason paths { kind } }\n      }\n    }\n  }\n": typeof types.CreatorAccessForDocument,
    "\n  query CreatorAudit($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) { findings { kind flow { id } principal { __typename ... on User { id } } } }\n  }\n": typeof types.CreatorAuditDocument,
    "\n  query CursorLogPage($after: String, $before: String, $first: Int, $last: Int) {\n    sharingEvents(after: $after, before: $before, first: $first, last: $last) { edges { cursor node { kind } } }\n  }\n": typeof types.CursorLogPageDocument,
    "\n  query CursorEnvironmentLogPage($environmentId: ID!, $after: String) {\n    environmentSharingEvents(environmentId: $environmentId, after: $after) { edges { cursor node { kind } } }\n  }\n": typeof types.CursorEnvironmentLogPageDocument,
    "\n  subscription CursorMine($after: String) { sharingEvents(after: $after) { cursor kind } }\n": typeof types.CursorMineDocument,
    "\n  subscription CursorCopies($after: String) { copyReceived(after: $after) { cursor kind } }\n": typeof types.CursorCopiesDocument,
    "\n  subscription CursorOfFlow($flowId: ID!, $after: String) { flowSharingEvents(flowId: $flowId, after: $after) { cursor kind } }\n": typeof types.CursorOfFlowDocument,
    "\n  subscription CursorOfEnvironment($environmentId: ID!, $after: String) {\n    environmentSharingEvents(environmentId: $environmentId, after: $after) { cursor kind }\n  }\n": typeof types.CursorOfEnvironmentDocument,
    "\n  mutation CursorAddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.CursorAddOwnerDocument,
    "\n  mutation Owners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code } }\n  }\n": typeof types.OwnersDocument,
    "\n  mutation Run($input: TriggerFlowInput!) {\n    triggerFlow(input: $input) {\n      __typename\n      ... on TriggerFlowSuccess { run { status failures { actionName reason } } }\n      ... on OperationError { code message }\n    }\n  }\n": typeof types.RunDocument,
    "\n  mutation Swap($input: ReplaceFlowConnectionInput!) { replaceFlowConnection(input: $input) { __typename } }\n": typeof types.SwapDocument,
    "\n  query FlowState($id: ID!) { node(id: $id) { ... on Flow { state suspensionReason connectionReferences { id connection { id status } } } } }\n": typeof types.FlowStateDocument,
    "\n  query Suspensions { sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole } } } }\n": typeof types.SuspensionsDocument,
    "\n  query Attention {\n    sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole connection { id status owner { id } } } } }\n  }\n": typeof types.AttentionDocument,
    "\n  mutation RunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": typeof types.RunOnlyDocument,
    "\n  mutation NewPrimary($input: ChangePrimaryOwnerInput!) { changePrimaryOwner(input: $input) { __typename ... on ChangePrimaryOwnerSuccess { flow { state suspensionReason } } ... on OperationError { code } } }\n": typeof types.NewPrimaryDocument,
    "\n  query GroupMembers($id: ID!) {\n    node(id: $id) { ... on Group { displayName members(first: 100) { totalCount edges { node { externalId } } } } }\n  }\n": typeof types.GroupMembersDocument,
    "\n  query ListEditors($id: ID!) {\n    node(id: $id) { ... on SharePointList { title editors { totalCount edges { node { externalId } } } } }\n  }\n": typeof types.ListEditorsDocument,
    "\n  query ExpiredGrants($id: ID!, $includeExpired: Boolean) {\n    node(id: $id) {\n      ... on Flow {\n        owners(first: 10, includeExpired: $includeExpired) {\n          totalCount\n          edges { isPrimaryOwner expiresAt node { __typename ... on Node { id } } }\n        }\n        runOnlyUsers(first: 10, includeExpired: $includeExpired) {\n          totalCount\n          edges { expiresAt node { __typename ... on Node { id } } }\n        }\n      }\n    }\n  }\n": typeof types.ExpiredGrantsDocument,
    "\n  mutation ExpiredGrantsOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.ExpiredGrantsOwnersDocument,
    "\n  mutation ExpiredGrantsRunners($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": typeof types.ExpiredGrantsRunnersDocument,
    "\n  subscription FanoutLive {\n    sharingEvents { kind flowId actor { id displayName } principal { ... on User { id displayName } } flow { id displayName owners { totalCount } viewerAccess { level } } }\n  }\n": typeof types.FanoutLiveDocument,
    "\n  mutation FanoutOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.FanoutOwnersDocument,
    "\n  mutation FanoutRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": typeof types.FanoutRunOnlyDocument,
    "\n  query SearchMyFlows($environmentId: ID, $filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String, $last: Int, $before: String) {\n    myFlows(environmentId: $environmentId, filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id displayName } }\n    }\n  }\n": typeof types.SearchMyFlowsDocument,
    "\n  query SearchTeamFlows($filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String) {\n    teamFlows(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id displayName } }\n    }\n  }\n": typeof types.SearchTeamFlowsDocument,
    "\n  query SearchRunOnlyFlows($filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String) {\n    runOnlyFlows(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id displayName } }\n    }\n  }\n": typeof types.SearchRunOnlyFlowsDocument,
    "\n  query Inventory($environmentId: ID!, $filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String) {\n    environmentFlows(environmentId: $environmentId, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          displayName\n          creator { id }\n          environment { id }\n          viewerAccess { level canEdit }\n          owners(first: 10) { edges { isPrimaryOwner node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } }\n          runOnlyUsers(first: 10) { edges { node { __typename ... on User { id } ... on Group { id } } } }\n        }\n      }\n    }\n  }\n": typeof types.InventoryDocument,
    "\n  mutation FuzzImportFlowPackage($input: ImportFlowPackageInput!) {\n    importFlowPackage(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": typeof types.FuzzImportFlowPackageDocument,
    "\n  mutation FuzzReassignFlows($input: ReassignFlowsInput!) {\n    reassignFlows(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": typeof types.FuzzReassignFlowsDocument,
    "\n  mutation FuzzRemovePrincipalFromFlows($input: RemovePrincipalFromFlowsInput!) {\n    removePrincipalFromFlows(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": typeof types.FuzzRemovePrincipalFromFlowsDocument,
    "\n  mutation FuzzReplaceConnectionEverywhere($input: ReplaceConnectionEverywhereInput!) {\n    replaceConnectionEverywhere(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": typeof types.FuzzReplaceConnectionEverywhereDocument,
    "\n  mutation SetRole($input: SetEnvironmentRoleInput!) {\n    setEnvironmentRole(input: $input) {\n      __typename\n      ... on SetEnvironmentRoleSuccess { role user { id } environment { id } }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.SetRoleDocument,
    "\n  mutation SetDlp($input: SetDlpPolicyInput!) {\n    setDlpPolicy(input: $input) {\n      __typename\n      ... on SetDlpPolicySuccess {\n        suspendedFlows { id state suspensionReason }\n        environment { dlpPolicy { classifications { class connector { id } } } }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.SetDlpDocument,
    "\n  mutation AddOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }\n  }\n": typeof types.AddOwnersDocument,
    "\n  mutation AddRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code } }\n  }\n": typeof types.AddRunOnlyDocument,
    "\n  mutation Trigger($input: TriggerFlowInput!) { triggerFlow(input: $input) { __typename ... on OperationError { code } } }\n": typeof types.TriggerDocument,
    "\n  query FlowStateOf($id: ID!) { node(id: $id) { ... on Flow { state suspensionReason connectionReferences { id } } } }\n": typeof types.FlowStateOfDocument,
    "\n  query EnvironmentLog($environmentId: ID!, $after: String, $first: Int) {\n    environmentSharingEvents(environmentId: $environmentId, after: $after, first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { kind flowId actorRole actor { id } principal { ... on User { id } } } }\n    }\n  }\n": typeof types.EnvironmentLogDocument,
    "\n  query MyLog { sharingEvents(first: 100) { edges { node { kind flowId actorRole principal { ... on User { id } ... on Group { id } } } } } }\n": typeof types.MyLogDocument,
    "\n  mutation BrowserAddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.BrowserAddOwnerDocument,
    "\n    mutation HygieneReassign($input: ReassignFlowsInput!) { reassignFlows(input: $input) { __typename ... on OperationError { code message field } } }\n  ": typeof types.HygieneReassignDocument,
    "\n    mutation HygieneRemovePrincipal($input: RemovePrincipalFromFlowsInput!) {\n      removePrincipalFromFlows(input: $input) { __typename ... on OperationError { code message field } }\n    }\n  ": typeof types.HygieneRemovePrincipalDocument,
    "\n    mutation HygieneReplaceEverywhere($input: ReplaceConnectionEverywhereInput!) {\n      replaceConnectionEverywhere(input: $input) { __typename ... on OperationError { code message field } }\n    }\n  ": typeof types.HygieneReplaceEverywhereDocument,
    "query LimitsViewer { viewer { id } }": typeof types.LimitsViewerDocument,
    "\n  query MyFlowsInDepth {\n    myFlows(first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          creator { id displayName }\n          environment { id displayName viewerRole }\n          owners {\n            totalCount\n            edges {\n              isPrimaryOwner\n              addedBy { id displayName }\n              node {\n                __typename\n                ... on User { id displayName email }\n                ... on Group { id displayName }\n                ... on SharePointList { id title }\n              }\n            }\n          }\n          connectionReferences { id usage connection { id displayName status owner { id displayName } connector { displayName } } }\n          actions { name }\n          viewerAccess { level canEdit paths { kind via { __typename } } }\n        }\n      }\n    }\n  }\n": typeof types.MyFlowsInDepthDocument,
    "\n  mutation ShareWithTeam($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.ShareWithTeamDocument,
    "\n  query LogsFlows($after: String) { myFlows(first: 1, after: $after) { totalCount } }\n": typeof types.LogsFlowsDocument,
    "\n  mutation LogsOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.LogsOwnersDocument,
    "\n  subscription LogsEvents { sharingEvents { kind } }\n": typeof types.LogsEventsDocument,
    "\n  mutation MetricsOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.MetricsOwnersDocument,
    "\n  query MetricsFlows($after: String) { myFlows(first: 1, after: $after) { totalCount } }\n": typeof types.MetricsFlowsDocument,
    "\n  subscription MetricsEvents { sharingEvents { kind } }\n": typeof types.MetricsEventsDocument,
    "\n  query NoTokenIntrospection { __schema { queryType { name } mutationType { name } } }\n": typeof types.NoTokenIntrospectionDocument,
    "\n  subscription NoTokenEvents { sharingEvents { kind } }\n": typeof types.NoTokenEventsDocument,
    "query NoTokenOwners($id: ID!) { node(id: $id) { ... on Flow { owners { totalCount } } } }": typeof types.NoTokenOwnersDocument,
    "\n  mutation ReturnOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.ReturnOwnersDocument,
    "\n  query ReturnState($id: ID!) { node(id: $id) { ... on Flow { state suspensionReason } } }\n": typeof types.ReturnStateDocument,
    "\n  query ReturnLog { sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole } } } }\n": typeof types.ReturnLogDocument,
    "\n  mutation ModifyFlowOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) {\n      __typename\n      ... on ModifyFlowOwnersSuccess {\n        eventCursor\n        connectionsNeedingAttention { id owner { id } }\n        usersAddedToEnvironment { id }\n        flow { id owners { totalCount edges { isPrimaryOwner expiresAt node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } } }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.ModifyFlowOwnersDocument,
    "\n  query FlowOwners($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      ... on Flow {\n        viewerAccess { level paths { kind via { __typename } expiresAt } }\n        owners(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { cursor isPrimaryOwner addedAt expiresAt addedBy { id } node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } }\n        }\n      }\n    }\n  }\n": typeof types.FlowOwnersDocument,
    "\n  query TeamFlows($environmentId: ID) { teamFlows(environmentId: $environmentId) { totalCount edges { node { id } } } }\n": typeof types.TeamFlowsDocument,
    "\n  query AccessFor($id: ID!, $userId: ID!) {\n    node(id: $id) { ... on Flow { accessFor(userId: $userId) { level canEdit blockedReason paths { kind } } } }\n  }\n": typeof types.AccessForDocument,
    "\n  query SharingEvents($after: String, $first: Int) {\n    sharingEvents(after: $after, first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { cursor kind actorRole flowId flowDisplayName flow { id } actor { id } principal { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } }\n    }\n  }\n": typeof types.SharingEventsDocument,
    "\n  query ExportFlow($flowId: ID!) { exportFlow(flowId: $flowId) { content exportedAt } }\n": typeof types.ExportFlowDocument,
    "\n  mutation ImportFlowPackage($input: ImportFlowPackageInput!) {\n    importFlowPackage(input: $input) {\n      __typename\n      ... on ImportFlowPackageSuccess {\n        flow {\n          id displayName description trigger environment { id } creator { id } primaryOwner { id }\n          actions { name connectionReference { id } }\n          connectionReferences { id usage runOnlySource connection { id } }\n        }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.ImportFlowPackageDocument,
    "\n  mutation PackagesShareRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": typeof types.PackagesShareRunOnlyDocument,
    "\n  mutation PackagesShareOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.PackagesShareOwnersDocument,
    "\n  query PreviewOwnersOutcome($input: ModifyFlowOwnersInput!) {\n    previewFlowOwners(input: $input) {\n      error { code message field }\n      changes(first: 100) { totalCount edges { node { user { id } before after } } }\n      usersAddedToEnvironment { id }\n    }\n  }\n": typeof types.PreviewOwnersOutcomeDocument,
    "\n  query PreviewRunOnlyOutcome($input: ModifyRunOnlyUsersInput!) {\n    previewRunOnlyUsers(input: $input) {\n      error { code message field }\n      changes(first: 100) { totalCount edges { node { user { id } before after } } }\n      usersAddedToEnvironment { id }\n    }\n  }\n": typeof types.PreviewRunOnlyOutcomeDocument,
    "\n  mutation RealOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) {\n      __typename\n      ... on ModifyFlowOwnersSuccess { usersAddedToEnvironment { id } }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.RealOwnersDocument,
    "\n  mutation RealRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": typeof types.RealRunOnlyDocument,
    "\n  fragment PreviewFields on SharingPreview {\n    error { code message field }\n    changes(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { user { id } before after } }\n    }\n    usersAddedToEnvironment { id }\n    inertFor { id }\n    connectionsNeedingAttention { id }\n    advice { kind message principal { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } connection { id } }\n  }\n": typeof types.PreviewFieldsFragmentDoc,
    "\n  query PreviewOwners($input: ModifyFlowOwnersInput!, $first: Int, $after: String) {\n    previewFlowOwners(input: $input) { ...PreviewFields }\n  }\n": typeof types.PreviewOwnersDocument,
    "\n  query PreviewRunOnly($input: ModifyRunOnlyUsersInput!, $first: Int, $after: String) {\n    previewRunOnlyUsers(input: $input) { ...PreviewFields }\n  }\n": typeof types.PreviewRunOnlyDocument,
    "\n  query PreviewChanges($input: ModifyFlowOwnersInput!) {\n    previewFlowOwners(input: $input) { error { code } changes(first: 100) { totalCount edges { node { user { id displayName } before after } } } }\n  }\n": typeof types.PreviewChangesDocument,
    "\n  mutation PreviewedOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": typeof types.PreviewedOwnersDocument,
    "\n  mutation PreviewedRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": typeof types.PreviewedRunOnlyDocument,
    "\n  subscription PreviewEvents { sharingEvents { kind flowId } }\n": typeof types.PreviewEventsDocument,
    "\n  subscription ProcessEvents($after: String) { sharingEvents(after: $after) { cursor kind flowId } }\n": typeof types.ProcessEventsDocument,
    "query ProcessWhoami { viewer { id } environments { id isDefault } }": typeof types.ProcessWhoamiDocument,
    "\n  mutation ProcessNewFlow($input: CreateFlowInput!) { createFlow(input: $input) { ... on CreateFlowSuccess { flow { id } } } }\n": typeof types.ProcessNewFlowDocument,
    "\n  mutation ProcessOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.ProcessOwnersDocument,
    "\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on User { displayName }\n      ... on Group { displayName }\n      ... on SharePointList { title siteUrl }\n      ... on Environment { displayName isDefault viewerRole securityGroup { id } tenant { id } }\n      ... on Tenant { displayName cloud }\n      ... on Connector { displayName }\n      ... on Connection { displayName }\n      ... on Flow { displayName }\n    }\n  }\n": typeof types.NodeDocument,
    "\n  query Nodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }\n": typeof types.NodesDocument,
    "\n  query Search($query: String!, $first: Int, $after: String) {\n    searchPrincipals(query: $query, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { __typename ... on User { id email } ... on Group { id displayName } ... on SharePointList { id title } } }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  query Environments { environments { id displayName isDefault viewerRole dlpPolicy { classifications { class } } } connectors { id displayName } }\n": typeof types.EnvironmentsDocument,
    "\n  mutation ModifyRunOnlyUsers($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) {\n      __typename\n      ... on ModifyRunOnlyUsersSuccess {\n        eventCursor\n        flow {\n          id\n          connectionReferences { id runOnlySource }\n          runOnlyUsers { totalCount edges { expiresAt addedBy { id } node { __typename ... on User { id } ... on Group { id } } } }\n        }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.ModifyRunOnlyUsersDocument,
    "\n  query AsRunner($id: ID!) {\n    node(id: $id) {\n      ... on Flow { displayName trigger actions { name } viewerAccess { level canRun canEdit paths { kind } } runOnlyUsers { totalCount } owners { totalCount } }\n    }\n  }\n": typeof types.AsRunnerDocument,
    "\n  query RunOnlyFlows { runOnlyFlows { totalCount edges { node { id } } } }\n": typeof types.RunOnlyFlowsDocument,
    "\n  query RunOnlyEvents { sharingEvents(first: 100) { edges { node { kind flowId principal { __typename } } } } }\n": typeof types.RunOnlyEventsDocument,
    "\n  mutation AddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.AddOwnerDocument,
    "\n  mutation TriggerFlow($input: TriggerFlowInput!) {\n    triggerFlow(input: $input) {\n      __typename\n      ... on TriggerFlowSuccess { run { id status invoker { id } flow { id } failures { actionName reason connection { id } } } }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.TriggerFlowDocument,
    "\n  query Runs($id: ID!) { node(id: $id) { ... on Flow { runs { totalCount edges { node { id invoker { id } status } } } } } }\n": typeof types.RunsDocument,
    "\n  query RunNode($id: ID!) { node(id: $id) { __typename ... on FlowRun { id status } } }\n": typeof types.RunNodeDocument,
    "\n  mutation ShareRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": typeof types.ShareRunOnlyDocument,
    "\n  mutation ScimDirOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.ScimDirOwnersDocument,
    "\n  mutation ScimDirRunners($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": typeof types.ScimDirRunnersDocument,
    "\n  query ScimDirAccess($id: ID!, $userId: ID!) { node(id: $id) { ... on Flow { state suspensionReason accessFor(userId: $userId) { level } } } }\n": typeof types.ScimDirAccessDocument,
    "\n  query ScimDirLog { sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole } } } }\n": typeof types.ScimDirLogDocument,
    "\n  mutation EdgeShare($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) {\n      __typename\n      ... on ModifyFlowOwnersSuccess { usersAddedToEnvironment { id } }\n      ... on OperationError { code message }\n    }\n  }\n": typeof types.EdgeShareDocument,
    "\n  mutation EdgeRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) {\n      __typename\n      ... on ModifyRunOnlyUsersSuccess { eventCursor }\n      ... on OperationError { code message }\n    }\n  }\n": typeof types.EdgeRunOnlyDocument,
    "\n  query EdgeAccessFor($id: ID!, $userId: ID!) {\n    node(id: $id) { ... on Flow { accessFor(userId: $userId) { level blockedReason paths { kind } } } }\n  }\n": typeof types.EdgeAccessForDocument,
    "\n  query EdgeAudit($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) { findings { kind flow { id } principal { __typename ... on User { id } } } }\n  }\n": typeof types.EdgeAuditDocument,
    "\n  query SseSingleViewer { viewer { id } }\n": typeof types.SseSingleViewerDocument,
    "\n  subscription SseSingleEvents { sharingEvents { kind flowId principal { ... on User { id } } } }\n": typeof types.SseSingleEventsDocument,
    "\n  mutation SseSingleOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.SseSingleOwnersDocument,
    "\n  subscription LiveMyEvents($after: String, $kinds: [SharingEventKind!]) {\n    sharingEvents(after: $after, kinds: $kinds) { cursor kind flowId principal { ... on User { id } } flow { id } }\n  }\n": typeof types.LiveMyEventsDocument,
    "\n  subscription LiveCopies($after: String) { copyReceived(after: $after) { cursor kind copy { id } } }\n": typeof types.LiveCopiesDocument,
    "\n  subscription LiveFlowEvents($flowId: ID!, $after: String) {\n    flowSharingEvents(flowId: $flowId, after: $after) { cursor kind principal { ... on User { id } } }\n  }\n": typeof types.LiveFlowEventsDocument,
    "\n  subscription LiveEnvironmentEvents($environmentId: ID!, $after: String) {\n    environmentSharingEvents(environmentId: $environmentId, after: $after) { cursor kind flowId actorRole }\n  }\n": typeof types.LiveEnvironmentEventsDocument,
    "\n  mutation LiveOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename ... on ModifyFlowOwnersSuccess { eventCursor } } }\n": typeof types.LiveOwnersDocument,
    "\n  mutation LiveRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": typeof types.LiveRunOnlyDocument,
    "\n  mutation LiveSendCopy($input: SendFlowCopyInput!) { sendFlowCopy(input: $input) { __typename } }\n": typeof types.LiveSendCopyDocument,
    "\n  mutation LiveSetRole($input: SetEnvironmentRoleInput!) { setEnvironmentRole(input: $input) { __typename } }\n": typeof types.LiveSetRoleDocument,
    "\n  query Viewer {\n    viewer { id externalId displayName email kind status license tenant { id displayName cloud } }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation CreateConnection($input: CreateConnectionInput!) {\n    createConnection(input: $input) {\n      __typename\n      ... on CreateConnectionSuccess {\n        connection { id displayName status owner { id } connector { id } environment { id } scopedToFlow { id } }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.CreateConnectionDocument,
    "\n  fragment FlowFields on Flow {\n    id\n    displayName\n    description\n    trigger\n    state\n    suspensionReason\n    solutionAware\n    createdAt\n    modifiedAt\n    environment { id }\n    creator { id }\n    primaryOwner { id }\n    actions { name connectionReference { id connection { id } } }\n    connectionReferences { id usage runOnlySource connection { id owner { id } } }\n    viewerAccess { level canView canEdit canRun canShare canManageOwners canDelete canViewRunHistory blockedReason paths { kind } }\n  }\n": typeof types.FlowFieldsFragmentDoc,
    "\n  mutation CreateFlow($input: CreateFlowInput!) {\n    createFlow(input: $input) {\n      __typename\n      ... on CreateFlowSuccess { flow { ...FlowFields } }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.CreateFlowDocument,
    "\n  mutation UpdateFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      __typename\n      ... on UpdateFlowSuccess { flow { ...FlowFields } }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.UpdateFlowDocument,
    "\n  mutation SetFlowState($input: SetFlowStateInput!) {\n    setFlowState(input: $input) {\n      __typename\n      ... on SetFlowStateSuccess { flow { id state suspensionReason } }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.SetFlowStateDocument,
    "\n  mutation DeleteFlow($input: DeleteFlowInput!) {\n    deleteFlow(input: $input) {\n      __typename\n      ... on DeleteFlowSuccess { deletedFlowId }\n      ... on OperationError { code message field }\n    }\n  }\n": typeof types.DeleteFlowDocument,
    "\n  query MyFlows($environmentId: ID, $first: Int, $after: String, $last: Int, $before: String) {\n    myFlows(environmentId: $environmentId, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id displayName } }\n    }\n  }\n": typeof types.MyFlowsDocument,
    "\n  query MyConnections($environmentId: ID, $first: Int, $after: String) {\n    myConnections(environmentId: $environmentId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id displayName } }\n    }\n  }\n": typeof types.MyConnectionsDocument,
    "\n  query FlowById($id: ID!) {\n    node(id: $id) { __typename ... on Flow { ...FlowFields } }\n  }\n": typeof types.FlowByIdDocument,
    "\n  mutation TryModifyFlowOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": typeof types.TryModifyFlowOwnersDocument,
    "\n  mutation TryModifyRunOnlyUsers($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": typeof types.TryModifyRunOnlyUsersDocument,
    "\n  mutation TryChangePrimaryOwner($input: ChangePrimaryOwnerInput!) {\n    changePrimaryOwner(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": typeof types.TryChangePrimaryOwnerDocument,
    "\n  mutation TrySendFlowCopy($input: SendFlowCopyInput!) {\n    sendFlowCopy(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": typeof types.TrySendFlowCopyDocument,
    "\n  mutation TryCreateFlowFromCopy($input: CreateFlowFromCopyInput!) {\n    createFlowFromCopy(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": typeof types.TryCreateFlowFromCopyDocument,
    "\n  mutation TrySaveFlowAs($input: SaveFlowAsInput!) {\n    saveFlowAs(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": typeof types.TrySaveFlowAsDocument,
    "\n  mutation TryReplaceFlowConnection($input: ReplaceFlowConnectionInput!) {\n    replaceFlowConnection(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": typeof types.TryReplaceFlowConnectionDocument,
    "\n  mutation TryUpdateConnectionCredentials($input: UpdateConnectionCredentialsInput!) {\n    updateConnectionCredentials(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": typeof types.TryUpdateConnectionCredentialsDocument,
    "\n  mutation TryTriggerFlow($input: TriggerFlowInput!) {\n    triggerFlow(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": typeof types.TryTriggerFlowDocument,
    "\n  mutation TrySetDlpPolicy($input: SetDlpPolicyInput!) {\n    setDlpPolicy(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": typeof types.TrySetDlpPolicyDocument,
    "\n  mutation TrySetEnvironmentRole($input: SetEnvironmentRoleInput!) {\n    setEnvironmentRole(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": typeof types.TrySetEnvironmentRoleDocument,
    "\n  query FlowSharing($id: ID!) {\n    node(id: $id) {\n      ... on Flow {\n        displayName\n        state\n        owners(first: 100) { totalCount }\n        runOnlyUsers(first: 100) { totalCount }\n        runs(first: 1) { totalCount }\n        connectionReferences { id runOnlySource connection { id } }\n      }\n    }\n  }\n": typeof types.FlowSharingDocument,
    "\n  query ReceivedCopyIds { receivedCopies(first: 100) { totalCount edges { node { id } } } }\n": typeof types.ReceivedCopyIdsDocument,
    "\n  query DlpPolicies { environments { id dlpPolicy { classifications { class connector { id } } } } }\n": typeof types.DlpPoliciesDocument,
    "\n  subscription TrustedOwnerEvents($after: String) { sharingEvents(after: $after) { cursor kind flowId } }\n": typeof types.TrustedOwnerEventsDocument,
    "\n  mutation TrustedAddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": typeof types.TrustedAddOwnerDocument,
    "\n  query FlowUsage($environmentId: ID!, $since: DateTime!, $until: DateTime, $first: Int, $after: String, $runners: Int) {\n    flowUsage(environmentId: $environmentId, since: $since, until: $until, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          flow { id displayName }\n          runs failedRuns distinctRunners guestRunners lastRunAt\n          runners(first: $runners) { user { id displayName } runs lastRunAt access }\n        }\n      }\n    }\n  }\n": typeof types.FlowUsageDocument,
    "\n  mutation UsageShareRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message } }\n  }\n": typeof types.UsageShareRunOnlyDocument,
};
const documents: Documents = {
    "\n  query TableAccess($id: ID!) {\n    node(id: $id) { ... on Flow { viewerAccess { level canView canEdit canRun canShare canManageOwners canDelete canViewRunHistory } } }\n  }\n": types.TableAccessDocument,
    "\n  mutation TableOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code } }\n  }\n": types.TableOwnersDocument,
    "\n  mutation TableRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code } }\n  }\n": types.TableRunOnlyDocument,
    "\n  mutation TableUpdate($input: UpdateFlowInput!) { updateFlow(input: $input) { __typename ... on OperationError { code } } }\n": types.TableUpdateDocument,
    "\n  mutation TableCopy($input: SendFlowCopyInput!) { sendFlowCopy(input: $input) { __typename ... on OperationError { code } } }\n": types.TableCopyDocument,
    "\n  mutation TableTrigger($input: TriggerFlowInput!) { triggerFlow(input: $input) { __typename ... on OperationError { code } } }\n": types.TableTriggerDocument,
    "\n  mutation TableState($input: SetFlowStateInput!) { setFlowState(input: $input) { __typename ... on OperationError { code } } }\n": types.TableStateDocument,
    "\n  mutation TableDelete($input: DeleteFlowInput!) { deleteFlow(input: $input) { __typename ... on OperationError { code } } }\n": types.TableDeleteDocument,
    "\n  query AccessibleFlows($userId: ID!, $environmentId: ID, $first: Int, $after: String) {\n    accessibleFlows(userId: $userId, environmentId: $environmentId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node { id displayName viewerAccess { level } }\n        access {\n          level\n          canView\n          canEdit\n          canRun\n          blockedReason\n          paths { kind via { __typename ... on Node { id } } }\n        }\n      }\n    }\n  }\n": types.AccessibleFlowsDocument,
    "\n  query AccessibleFlowsInDepth($userId: ID!, $first: Int) {\n    accessibleFlows(userId: $userId, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          displayName\n          creator { id displayName }\n          environment { id displayName viewerRole }\n          owners { totalCount edges { node { __typename ... on Group { id displayName } ... on User { id displayName } } } }\n          viewerAccess { level canEdit paths { kind } }\n        }\n        access { level canEdit blockedReason paths { kind expiresAt via { __typename ... on Group { id displayName } ... on User { id displayName } } } }\n      }\n    }\n  }\n": types.AccessibleFlowsInDepthDocument,
    "\n  query Audit($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) {\n      generatedAt\n      environment { id }\n      findings {\n        kind\n        flow { id displayName }\n        principal { __typename ... on User { id } ... on Group { id } }\n        connection { id }\n        detail\n      }\n    }\n  }\n": types.AuditDocument,
    "\n  query AuditOrder($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) { truncated findings { kind flow { displayName } } }\n  }\n": types.AuditOrderDocument,
    "\n  query AuditKinds($environmentId: ID!, $kinds: [AuditFindingKind!]) {\n    sharingAudit(environmentId: $environmentId, kinds: $kinds) { findings { kind } }\n  }\n": types.AuditKindsDocument,
    "\n  mutation AuditAddOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.AuditAddOwnersDocument,
    "\n  mutation AuditAddRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": types.AuditAddRunOnlyDocument,
    "\n  mutation BulkReassign($input: ReassignFlowsInput!) {\n    reassignFlows(input: $input) {\n      __typename\n      ... on ReassignFlowsSuccess {\n        dryRun\n        eventCursor\n        flows { id displayName state primaryOwner { id } }\n        resumedFlows { id state }\n        connectionsNeedingAttention { id owner { id } }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n": types.BulkReassignDocument,
    "\n  mutation BulkRemovePrincipal($input: RemovePrincipalFromFlowsInput!) {\n    removePrincipalFromFlows(input: $input) {\n      __typename\n      ... on RemovePrincipalFromFlowsSuccess {\n        dryRun\n        eventCursor\n        flows { id displayName }\n        skippedFlows { id displayName }\n        connectionsNeedingAttention { id }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n": types.BulkRemovePrincipalDocument,
    "\n  mutation BulkReplaceEverywhere($input: ReplaceConnectionEverywhereInput!) {\n    replaceConnectionEverywhere(input: $input) {\n      __typename\n      ... on ReplaceConnectionEverywhereSuccess { dryRun flows { id displayName connectionReferences { connection { id } } } }\n      ... on OperationError { code message field }\n    }\n  }\n": types.BulkReplaceEverywhereDocument,
    "\n  query BulkAudit($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) { findings { kind flow { id displayName } connection { id connector { id } } } }\n  }\n": types.BulkAuditDocument,
    "\n  query BulkFlow($id: ID!) {\n    node(id: $id) {\n      ... on Flow {\n        state\n        primaryOwner { id }\n        owners(first: 50) { edges { node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } }\n        runOnlyUsers(first: 50) { edges { node { __typename ... on User { id } ... on Group { id } } } }\n        connectionReferences { connection { id } }\n      }\n    }\n  }\n": types.BulkFlowDocument,
    "mutation BulkGuestEdits($input: UpdateFlowInput!) { updateFlow(input: $input) { __typename } }": types.BulkGuestEditsDocument,
    "mutation BulkMakerEdits($input: UpdateFlowInput!) { updateFlow(input: $input) { __typename } }": types.BulkMakerEditsDocument,
    "\n  query ApolloMyFlows($first: Int!, $after: String) {\n    myFlows(first: $first, after: $after) {\n      edges { cursor node { id displayName state } }\n      pageInfo { hasNextPage endCursor }\n      totalCount\n    }\n  }\n": types.ApolloMyFlowsDocument,
    "\n  mutation ApolloRenameFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      ... on UpdateFlowSuccess { flow { id displayName } }\n      ... on OperationError { code message }\n    }\n  }\n": types.ApolloRenameFlowDocument,
    "\n  mutation ApolloShareFlow($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }\n  }\n": types.ApolloShareFlowDocument,
    "\n  subscription ApolloSharedWithMe($after: String) {\n    sharingEvents(after: $after) { cursor kind flowId actor { id } flow { id displayName } }\n  }\n": types.ApolloSharedWithMeDocument,
    "\n  query CodegenViewer { viewer { id displayName } }\n": types.CodegenViewerDocument,
    "\n  query CodegenMyFlows($first: Int!, $after: String) {\n    myFlows(first: $first, after: $after) {\n      edges { node { id displayName } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.CodegenMyFlowsDocument,
    "\n  mutation CodegenRenameFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      __typename\n      ... on UpdateFlowSuccess { flow { id displayName } }\n      ... on OperationError { code message field }\n    }\n  }\n": types.CodegenRenameFlowDocument,
    "\n  mutation CodegenShareFlow($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }\n  }\n": types.CodegenShareFlowDocument,
    "\n  subscription CodegenSharedWithMe($after: String) {\n    sharingEvents(after: $after) { kind flowId actor { id } }\n  }\n": types.CodegenSharedWithMeDocument,
    "\n  query UrqlMyFlows($first: Int!, $after: String) {\n    myFlows(first: $first, after: $after) {\n      edges { node { id displayName } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.UrqlMyFlowsDocument,
    "\n  mutation UrqlRenameFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      __typename\n      ... on UpdateFlowSuccess { flow { id displayName } }\n      ... on OperationError { code message }\n    }\n  }\n": types.UrqlRenameFlowDocument,
    "\n  mutation UrqlShareFlow($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }\n  }\n": types.UrqlShareFlowDocument,
    "\n  subscription UrqlSharedWithMe($after: String) {\n    sharingEvents(after: $after) { kind flowId actor { id } }\n  }\n": types.UrqlSharedWithMeDocument,
    "\n  mutation MergeReferences($input: ReplaceFlowConnectionInput!) {\n    replaceFlowConnection(input: $input) {\n      __typename\n      ... on ReplaceFlowConnectionSuccess {\n        flow {\n          id\n          actions { name connectionReference { id connection { id } } }\n          connectionReferences { id usage runOnlySource connection { id } }\n        }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n": types.MergeReferencesDocument,
    "\n  mutation MergeShare($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.MergeShareDocument,
    "\n  mutation MergeSources($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": types.MergeSourcesDocument,
    "\n  query ConnectionVisibility($id: ID!) {\n    node(id: $id) {\n      ... on Flow {\n        viewerAccess { level }\n        connectionReferences {\n          id\n          runOnlySource\n          connector { id displayName }\n          connection { id displayName status owner { email } }\n        }\n      }\n    }\n  }\n": types.ConnectionVisibilityDocument,
    "\n  query ConnectionNode($id: ID!) { node(id: $id) { __typename id } }\n": types.ConnectionNodeDocument,
    "\n  mutation VisibilityAddRunners($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": types.VisibilityAddRunnersDocument,
    "\n  mutation VisibilityAddOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.VisibilityAddOwnersDocument,
    "\n  mutation Replace($input: ReplaceFlowConnectionInput!) {\n    replaceFlowConnection(input: $input) {\n      __typename\n      ... on ReplaceFlowConnectionSuccess { flow { id actions { name connectionReference { id connection { id owner { id } } } } } }\n      ... on OperationError { code message field }\n    }\n  }\n": types.ReplaceDocument,
    "\n  mutation Reauthenticate($input: UpdateConnectionCredentialsInput!) {\n    updateConnectionCredentials(input: $input) {\n      __typename\n      ... on UpdateConnectionCredentialsSuccess { connection { id status } }\n      ... on OperationError { code message field }\n    }\n  }\n": types.ReauthenticateDocument,
    "\n  mutation Share($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.ShareDocument,
    "\n  mutation SendFlowCopy($input: SendFlowCopyInput!) {\n    sendFlowCopy(input: $input) {\n      __typename\n      ... on SendFlowCopySuccess { eventCursor copies { id displayName description trigger sender { id } recipient { id } actionNames connectorsNeeded { id } createdFlow { id } } }\n      ... on OperationError { code message field }\n    }\n  }\n": types.SendFlowCopyDocument,
    "\n  mutation CreateFlowFromCopy($input: CreateFlowFromCopyInput!) {\n    createFlowFromCopy(input: $input) {\n      __typename\n      ... on CreateFlowFromCopySuccess { flow { id displayName creator { id } primaryOwner { id } actions { name connectionReference { connection { id } } } } }\n      ... on OperationError { code message field }\n    }\n  }\n": types.CreateFlowFromCopyDocument,
    "\n  mutation SaveFlowAs($input: SaveFlowAsInput!) {\n    saveFlowAs(input: $input) {\n      __typename\n      ... on SaveFlowAsSuccess { flow { id displayName environment { id } creator { id } primaryOwner { id } actions { name connectionReference { connection { id } } } } }\n      ... on OperationError { code message field }\n    }\n  }\n": types.SaveFlowAsDocument,
    "\n  mutation ChangePrimaryOwner($input: ChangePrimaryOwnerInput!) {\n    changePrimaryOwner(input: $input) {\n      __typename\n      ... on ChangePrimaryOwnerSuccess { eventCursor flow { id creator { id } primaryOwner { id } owners { edges { isPrimaryOwner node { ... on User { id } } } } } }\n      ... on OperationError { code message field }\n    }\n  }\n": types.ChangePrimaryOwnerDocument,
    "\n  query ReceivedCopies { receivedCopies { totalCount edges { node { id displayName createdFlow { id } } } } }\n": types.ReceivedCopiesDocument,
    "\n  query CopyNode($id: ID!) { node(id: $id) { __typename ... on FlowCopy { id displayName actionNames } } }\n": types.CopyNodeDocument,
    "\n  query MyEvents { sharingEvents(first: 100) { edges { node { kind flowId actorRole principal { ... on User { id } } copy { id } } } } }\n": types.MyEventsDocument,
    "\n  mutation ShareOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.ShareOwnersDocument,
    "\n  query SentCopies($first: Int, $after: String) {\n    sentCopies(first: $first, after: $after) { edges { cursor node { id recipient { id } sender { id } } } pageInfo { hasNextPage endCursor } }\n  }\n": types.SentCopiesDocument,
    "\n  query CreatorAccessFor($id: ID!, $userId: ID!) {\n    node(id: $id) {\n      ... on Flow {\n        accessFor(userId: $userId) { level canView canEdit canDelete canManageOwners blockedReason paths { kind } }\n      }\n    }\n  }\n": types.CreatorAccessForDocument,
    "\n  query CreatorAudit($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) { findings { kind flow { id } principal { __typename ... on User { id } } } }\n  }\n": types.CreatorAuditDocument,
    "\n  query CursorLogPage($after: String, $before: String, $first: Int, $last: Int) {\n    sharingEvents(after: $after, before: $before, first: $first, last: $last) { edges { cursor node { kind } } }\n  }\n": types.CursorLogPageDocument,
    "\n  query CursorEnvironmentLogPage($environmentId: ID!, $after: String) {\n    environmentSharingEvents(environmentId: $environmentId, after: $after) { edges { cursor node { kind } } }\n  }\n": types.CursorEnvironmentLogPageDocument,
    "\n  subscription CursorMine($after: String) { sharingEvents(after: $after) { cursor kind } }\n": types.CursorMineDocument,
    "\n  subscription CursorCopies($after: String) { copyReceived(after: $after) { cursor kind } }\n": types.CursorCopiesDocument,
    "\n  subscription CursorOfFlow($flowId: ID!, $after: String) { flowSharingEvents(flowId: $flowId, after: $after) { cursor kind } }\n": types.CursorOfFlowDocument,
    "\n  subscription CursorOfEnvironment($environmentId: ID!, $after: String) {\n    environmentSharingEvents(environmentId: $environmentId, after: $after) { cursor kind }\n  }\n": types.CursorOfEnvironmentDocument,
    "\n  mutation CursorAddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.CursorAddOwnerDocument,
    "\n  mutation Owners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code } }\n  }\n": types.OwnersDocument,
    "\n  mutation Run($input: TriggerFlowInput!) {\n    triggerFlow(input: $input) {\n      __typename\n      ... on TriggerFlowSuccess { run { status failures { actionName reason } } }\n      ... on OperationError { code message }\n    }\n  }\n": types.RunDocument,
    "\n  mutation Swap($input: ReplaceFlowConnectionInput!) { replaceFlowConnection(input: $input) { __typename } }\n": types.SwapDocument,
    "\n  query FlowState($id: ID!) { node(id: $id) { ... on Flow { state suspensionReason connectionReferences { id connection { id status } } } } }\n": types.FlowStateDocument,
    "\n  query Suspensions { sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole } } } }\n": types.SuspensionsDocument,
    "\n  query Attention {\n    sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole connection { id status owner { id } } } } }\n  }\n": types.AttentionDocument,
    "\n  mutation RunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": types.RunOnlyDocument,
    "\n  mutation NewPrimary($input: ChangePrimaryOwnerInput!) { changePrimaryOwner(input: $input) { __typename ... on ChangePrimaryOwnerSuccess { flow { state suspensionReason } } ... on OperationError { code } } }\n": types.NewPrimaryDocument,
    "\n  query GroupMembers($id: ID!) {\n    node(id: $id) { ... on Group { displayName members(first: 100) { totalCount edges { node { externalId } } } } }\n  }\n": types.GroupMembersDocument,
    "\n  query ListEditors($id: ID!) {\n    node(id: $id) { ... on SharePointList { title editors { totalCount edges { node { externalId } } } } }\n  }\n": types.ListEditorsDocument,
    "\n  query ExpiredGrants($id: ID!, $includeExpired: Boolean) {\n    node(id: $id) {\n      ... on Flow {\n        owners(first: 10, includeExpired: $includeExpired) {\n          totalCount\n          edges { isPrimaryOwner expiresAt node { __typename ... on Node { id } } }\n        }\n        runOnlyUsers(first: 10, includeExpired: $includeExpired) {\n          totalCount\n          edges { expiresAt node { __typename ... on Node { id } } }\n        }\n      }\n    }\n  }\n": types.ExpiredGrantsDocument,
    "\n  mutation ExpiredGrantsOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.ExpiredGrantsOwnersDocument,
    "\n  mutation ExpiredGrantsRunners($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": types.ExpiredGrantsRunnersDocument,
    "\n  subscription FanoutLive {\n    sharingEvents { kind flowId actor { id displayName } principal { ... on User { id displayName } } flow { id displayName owners { totalCount } viewerAccess { level } } }\n  }\n": types.FanoutLiveDocument,
    "\n  mutation FanoutOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.FanoutOwnersDocument,
    "\n  mutation FanoutRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": types.FanoutRunOnlyDocument,
    "\n  query SearchMyFlows($environmentId: ID, $filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String, $last: Int, $before: String) {\n    myFlows(environmentId: $environmentId, filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id displayName } }\n    }\n  }\n": types.SearchMyFlowsDocument,
    "\n  query SearchTeamFlows($filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String) {\n    teamFlows(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id displayName } }\n    }\n  }\n": types.SearchTeamFlowsDocument,
    "\n  query SearchRunOnlyFlows($filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String) {\n    runOnlyFlows(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id displayName } }\n    }\n  }\n": types.SearchRunOnlyFlowsDocument,
    "\n  query Inventory($environmentId: ID!, $filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String) {\n    environmentFlows(environmentId: $environmentId, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          displayName\n          creator { id }\n          environment { id }\n          viewerAccess { level canEdit }\n          owners(first: 10) { edges { isPrimaryOwner node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } }\n          runOnlyUsers(first: 10) { edges { node { __typename ... on User { id } ... on Group { id } } } }\n        }\n      }\n    }\n  }\n": types.InventoryDocument,
    "\n  mutation FuzzImportFlowPackage($input: ImportFlowPackageInput!) {\n    importFlowPackage(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": types.FuzzImportFlowPackageDocument,
    "\n  mutation FuzzReassignFlows($input: ReassignFlowsInput!) {\n    reassignFlows(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": types.FuzzReassignFlowsDocument,
    "\n  mutation FuzzRemovePrincipalFromFlows($input: RemovePrincipalFromFlowsInput!) {\n    removePrincipalFromFlows(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": types.FuzzRemovePrincipalFromFlowsDocument,
    "\n  mutation FuzzReplaceConnectionEverywhere($input: ReplaceConnectionEverywhereInput!) {\n    replaceConnectionEverywhere(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": types.FuzzReplaceConnectionEverywhereDocument,
    "\n  mutation SetRole($input: SetEnvironmentRoleInput!) {\n    setEnvironmentRole(input: $input) {\n      __typename\n      ... on SetEnvironmentRoleSuccess { role user { id } environment { id } }\n      ... on OperationError { code message field }\n    }\n  }\n": types.SetRoleDocument,
    "\n  mutation SetDlp($input: SetDlpPolicyInput!) {\n    setDlpPolicy(input: $input) {\n      __typename\n      ... on SetDlpPolicySuccess {\n        suspendedFlows { id state suspensionReason }\n        environment { dlpPolicy { classifications { class connector { id } } } }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n": types.SetDlpDocument,
    "\n  mutation AddOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }\n  }\n": types.AddOwnersDocument,
    "\n  mutation AddRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code } }\n  }\n": types.AddRunOnlyDocument,
    "\n  mutation Trigger($input: TriggerFlowInput!) { triggerFlow(input: $input) { __typename ... on OperationError { code } } }\n": types.TriggerDocument,
    "\n  query FlowStateOf($id: ID!) { node(id: $id) { ... on Flow { state suspensionReason connectionReferences { id } } } }\n": types.FlowStateOfDocument,
    "\n  query EnvironmentLog($environmentId: ID!, $after: String, $first: Int) {\n    environmentSharingEvents(environmentId: $environmentId, after: $after, first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { kind flowId actorRole actor { id } principal { ... on User { id } } } }\n    }\n  }\n": types.EnvironmentLogDocument,
    "\n  query MyLog { sharingEvents(first: 100) { edges { node { kind flowId actorRole principal { ... on User { id } ... on Group { id } } } } } }\n": types.MyLogDocument,
    "\n  mutation BrowserAddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.BrowserAddOwnerDocument,
    "\n    mutation HygieneReassign($input: ReassignFlowsInput!) { reassignFlows(input: $input) { __typename ... on OperationError { code message field } } }\n  ": types.HygieneReassignDocument,
    "\n    mutation HygieneRemovePrincipal($input: RemovePrincipalFromFlowsInput!) {\n      removePrincipalFromFlows(input: $input) { __typename ... on OperationError { code message field } }\n    }\n  ": types.HygieneRemovePrincipalDocument,
    "\n    mutation HygieneReplaceEverywhere($input: ReplaceConnectionEverywhereInput!) {\n      replaceConnectionEverywhere(input: $input) { __typename ... on OperationError { code message field } }\n    }\n  ": types.HygieneReplaceEverywhereDocument,
    "query LimitsViewer { viewer { id } }": types.LimitsViewerDocument,
    "\n  query MyFlowsInDepth {\n    myFlows(first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          creator { id displayName }\n          environment { id displayName viewerRole }\n          owners {\n            totalCount\n            edges {\n              isPrimaryOwner\n              addedBy { id displayName }\n              node {\n                __typename\n                ... on User { id displayName email }\n                ... on Group { id displayName }\n                ... on SharePointList { id title }\n              }\n            }\n          }\n          connectionReferences { id usage connection { id displayName status owner { id displayName } connector { displayName } } }\n          actions { name }\n          viewerAccess { level canEdit paths { kind via { __typename } } }\n        }\n      }\n    }\n  }\n": types.MyFlowsInDepthDocument,
    "\n  mutation ShareWithTeam($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.ShareWithTeamDocument,
    "\n  query LogsFlows($after: String) { myFlows(first: 1, after: $after) { totalCount } }\n": types.LogsFlowsDocument,
    "\n  mutation LogsOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.LogsOwnersDocument,
    "\n  subscription LogsEvents { sharingEvents { kind } }\n": types.LogsEventsDocument,
    "\n  mutation MetricsOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.MetricsOwnersDocument,
    "\n  query MetricsFlows($after: String) { myFlows(first: 1, after: $after) { totalCount } }\n": types.MetricsFlowsDocument,
    "\n  subscription MetricsEvents { sharingEvents { kind } }\n": types.MetricsEventsDocument,
    "\n  query NoTokenIntrospection { __schema { queryType { name } mutationType { name } } }\n": types.NoTokenIntrospectionDocument,
    "\n  subscription NoTokenEvents { sharingEvents { kind } }\n": types.NoTokenEventsDocument,
    "query NoTokenOwners($id: ID!) { node(id: $id) { ... on Flow { owners { totalCount } } } }": types.NoTokenOwnersDocument,
    "\n  mutation ReturnOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.ReturnOwnersDocument,
    "\n  query ReturnState($id: ID!) { node(id: $id) { ... on Flow { state suspensionReason } } }\n": types.ReturnStateDocument,
    "\n  query ReturnLog { sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole } } } }\n": types.ReturnLogDocument,
    "\n  mutation ModifyFlowOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) {\n      __typename\n      ... on ModifyFlowOwnersSuccess {\n        eventCursor\n        connectionsNeedingAttention { id owner { id } }\n        usersAddedToEnvironment { id }\n        flow { id owners { totalCount edges { isPrimaryOwner expiresAt node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } } }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n": types.ModifyFlowOwnersDocument,
    "\n  query FlowOwners($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      ... on Flow {\n        viewerAccess { level paths { kind via { __typename } expiresAt } }\n        owners(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { cursor isPrimaryOwner addedAt expiresAt addedBy { id } node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } }\n        }\n      }\n    }\n  }\n": types.FlowOwnersDocument,
    "\n  query TeamFlows($environmentId: ID) { teamFlows(environmentId: $environmentId) { totalCount edges { node { id } } } }\n": types.TeamFlowsDocument,
    "\n  query AccessFor($id: ID!, $userId: ID!) {\n    node(id: $id) { ... on Flow { accessFor(userId: $userId) { level canEdit blockedReason paths { kind } } } }\n  }\n": types.AccessForDocument,
    "\n  query SharingEvents($after: String, $first: Int) {\n    sharingEvents(after: $after, first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { cursor kind actorRole flowId flowDisplayName flow { id } actor { id } principal { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } }\n    }\n  }\n": types.SharingEventsDocument,
    "\n  query ExportFlow($flowId: ID!) { exportFlow(flowId: $flowId) { content exportedAt } }\n": types.ExportFlowDocument,
    "\n  mutation ImportFlowPackage($input: ImportFlowPackageInput!) {\n    importFlowPackage(input: $input) {\n      __typename\n      ... on ImportFlowPackageSuccess {\n        flow {\n          id displayName description trigger environment { id } creator { id } primaryOwner { id }\n          actions { name connectionReference { id } }\n          connectionReferences { id usage runOnlySource connection { id } }\n        }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n": types.ImportFlowPackageDocument,
    "\n  mutation PackagesShareRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": types.PackagesShareRunOnlyDocument,
    "\n  mutation PackagesShareOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.PackagesShareOwnersDocument,
    "\n  query PreviewOwnersOutcome($input: ModifyFlowOwnersInput!) {\n    previewFlowOwners(input: $input) {\n      error { code message field }\n      changes(first: 100) { totalCount edges { node { user { id } before after } } }\n      usersAddedToEnvironment { id }\n    }\n  }\n": types.PreviewOwnersOutcomeDocument,
    "\n  query PreviewRunOnlyOutcome($input: ModifyRunOnlyUsersInput!) {\n    previewRunOnlyUsers(input: $input) {\n      error { code message field }\n      changes(first: 100) { totalCount edges { node { user { id } before after } } }\n      usersAddedToEnvironment { id }\n    }\n  }\n": types.PreviewRunOnlyOutcomeDocument,
    "\n  mutation RealOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) {\n      __typename\n      ... on ModifyFlowOwnersSuccess { usersAddedToEnvironment { id } }\n      ... on OperationError { code message field }\n    }\n  }\n": types.RealOwnersDocument,
    "\n  mutation RealRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": types.RealRunOnlyDocument,
    "\n  fragment PreviewFields on SharingPreview {\n    error { code message field }\n    changes(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { user { id } before after } }\n    }\n    usersAddedToEnvironment { id }\n    inertFor { id }\n    connectionsNeedingAttention { id }\n    advice { kind message principal { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } connection { id } }\n  }\n": types.PreviewFieldsFragmentDoc,
    "\n  query PreviewOwners($input: ModifyFlowOwnersInput!, $first: Int, $after: String) {\n    previewFlowOwners(input: $input) { ...PreviewFields }\n  }\n": types.PreviewOwnersDocument,
    "\n  query PreviewRunOnly($input: ModifyRunOnlyUsersInput!, $first: Int, $after: String) {\n    previewRunOnlyUsers(input: $input) { ...PreviewFields }\n  }\n": types.PreviewRunOnlyDocument,
    "\n  query PreviewChanges($input: ModifyFlowOwnersInput!) {\n    previewFlowOwners(input: $input) { error { code } changes(first: 100) { totalCount edges { node { user { id displayName } before after } } } }\n  }\n": types.PreviewChangesDocument,
    "\n  mutation PreviewedOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": types.PreviewedOwnersDocument,
    "\n  mutation PreviewedRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": types.PreviewedRunOnlyDocument,
    "\n  subscription PreviewEvents { sharingEvents { kind flowId } }\n": types.PreviewEventsDocument,
    "\n  subscription ProcessEvents($after: String) { sharingEvents(after: $after) { cursor kind flowId } }\n": types.ProcessEventsDocument,
    "query ProcessWhoami { viewer { id } environments { id isDefault } }": types.ProcessWhoamiDocument,
    "\n  mutation ProcessNewFlow($input: CreateFlowInput!) { createFlow(input: $input) { ... on CreateFlowSuccess { flow { id } } } }\n": types.ProcessNewFlowDocument,
    "\n  mutation ProcessOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.ProcessOwnersDocument,
    "\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on User { displayName }\n      ... on Group { displayName }\n      ... on SharePointList { title siteUrl }\n      ... on Environment { displayName isDefault viewerRole securityGroup { id } tenant { id } }\n      ... on Tenant { displayName cloud }\n      ... on Connector { displayName }\n      ... on Connection { displayName }\n      ... on Flow { displayName }\n    }\n  }\n": types.NodeDocument,
    "\n  query Nodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }\n": types.NodesDocument,
    "\n  query Search($query: String!, $first: Int, $after: String) {\n    searchPrincipals(query: $query, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { __typename ... on User { id email } ... on Group { id displayName } ... on SharePointList { id title } } }\n    }\n  }\n": types.SearchDocument,
    "\n  query Environments { environments { id displayName isDefault viewerRole dlpPolicy { classifications { class } } } connectors { id displayName } }\n": types.EnvironmentsDocument,
    "\n  mutation ModifyRunOnlyUsers($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) {\n      __typename\n      ... on ModifyRunOnlyUsersSuccess {\n        eventCursor\n        flow {\n          id\n          connectionReferences { id runOnlySource }\n          runOnlyUsers { totalCount edges { expiresAt addedBy { id } node { __typename ... on User { id } ... on Group { id } } } }\n        }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n": types.ModifyRunOnlyUsersDocument,
    "\n  query AsRunner($id: ID!) {\n    node(id: $id) {\n      ... on Flow { displayName trigger actions { name } viewerAccess { level canRun canEdit paths { kind } } runOnlyUsers { totalCount } owners { totalCount } }\n    }\n  }\n": types.AsRunnerDocument,
    "\n  query RunOnlyFlows { runOnlyFlows { totalCount edges { node { id } } } }\n": types.RunOnlyFlowsDocument,
    "\n  query RunOnlyEvents { sharingEvents(first: 100) { edges { node { kind flowId principal { __typename } } } } }\n": types.RunOnlyEventsDocument,
    "\n  mutation AddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.AddOwnerDocument,
    "\n  mutation TriggerFlow($input: TriggerFlowInput!) {\n    triggerFlow(input: $input) {\n      __typename\n      ... on TriggerFlowSuccess { run { id status invoker { id } flow { id } failures { actionName reason connection { id } } } }\n      ... on OperationError { code message field }\n    }\n  }\n": types.TriggerFlowDocument,
    "\n  query Runs($id: ID!) { node(id: $id) { ... on Flow { runs { totalCount edges { node { id invoker { id } status } } } } } }\n": types.RunsDocument,
    "\n  query RunNode($id: ID!) { node(id: $id) { __typename ... on FlowRun { id status } } }\n": types.RunNodeDocument,
    "\n  mutation ShareRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": types.ShareRunOnlyDocument,
    "\n  mutation ScimDirOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.ScimDirOwnersDocument,
    "\n  mutation ScimDirRunners($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": types.ScimDirRunnersDocument,
    "\n  query ScimDirAccess($id: ID!, $userId: ID!) { node(id: $id) { ... on Flow { state suspensionReason accessFor(userId: $userId) { level } } } }\n": types.ScimDirAccessDocument,
    "\n  query ScimDirLog { sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole } } } }\n": types.ScimDirLogDocument,
    "\n  mutation EdgeShare($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) {\n      __typename\n      ... on ModifyFlowOwnersSuccess { usersAddedToEnvironment { id } }\n      ... on OperationError { code message }\n    }\n  }\n": types.EdgeShareDocument,
    "\n  mutation EdgeRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) {\n      __typename\n      ... on ModifyRunOnlyUsersSuccess { eventCursor }\n      ... on OperationError { code message }\n    }\n  }\n": types.EdgeRunOnlyDocument,
    "\n  query EdgeAccessFor($id: ID!, $userId: ID!) {\n    node(id: $id) { ... on Flow { accessFor(userId: $userId) { level blockedReason paths { kind } } } }\n  }\n": types.EdgeAccessForDocument,
    "\n  query EdgeAudit($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) { findings { kind flow { id } principal { __typename ... on User { id } } } }\n  }\n": types.EdgeAuditDocument,
    "\n  query SseSingleViewer { viewer { id } }\n": types.SseSingleViewerDocument,
    "\n  subscription SseSingleEvents { sharingEvents { kind flowId principal { ... on User { id } } } }\n": types.SseSingleEventsDocument,
    "\n  mutation SseSingleOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.SseSingleOwnersDocument,
    "\n  subscription LiveMyEvents($after: String, $kinds: [SharingEventKind!]) {\n    sharingEvents(after: $after, kinds: $kinds) { cursor kind flowId principal { ... on User { id } } flow { id } }\n  }\n": types.LiveMyEventsDocument,
    "\n  subscription LiveCopies($after: String) { copyReceived(after: $after) { cursor kind copy { id } } }\n": types.LiveCopiesDocument,
    "\n  subscription LiveFlowEvents($flowId: ID!, $after: String) {\n    flowSharingEvents(flowId: $flowId, after: $after) { cursor kind principal { ... on User { id } } }\n  }\n": types.LiveFlowEventsDocument,
    "\n  subscription LiveEnvironmentEvents($environmentId: ID!, $after: String) {\n    environmentSharingEvents(environmentId: $environmentId, after: $after) { cursor kind flowId actorRole }\n  }\n": types.LiveEnvironmentEventsDocument,
    "\n  mutation LiveOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename ... on ModifyFlowOwnersSuccess { eventCursor } } }\n": types.LiveOwnersDocument,
    "\n  mutation LiveRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n": types.LiveRunOnlyDocument,
    "\n  mutation LiveSendCopy($input: SendFlowCopyInput!) { sendFlowCopy(input: $input) { __typename } }\n": types.LiveSendCopyDocument,
    "\n  mutation LiveSetRole($input: SetEnvironmentRoleInput!) { setEnvironmentRole(input: $input) { __typename } }\n": types.LiveSetRoleDocument,
    "\n  query Viewer {\n    viewer { id externalId displayName email kind status license tenant { id displayName cloud } }\n  }\n": types.ViewerDocument,
    "\n  mutation CreateConnection($input: CreateConnectionInput!) {\n    createConnection(input: $input) {\n      __typename\n      ... on CreateConnectionSuccess {\n        connection { id displayName status owner { id } connector { id } environment { id } scopedToFlow { id } }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n": types.CreateConnectionDocument,
    "\n  fragment FlowFields on Flow {\n    id\n    displayName\n    description\n    trigger\n    state\n    suspensionReason\n    solutionAware\n    createdAt\n    modifiedAt\n    environment { id }\n    creator { id }\n    primaryOwner { id }\n    actions { name connectionReference { id connection { id } } }\n    connectionReferences { id usage runOnlySource connection { id owner { id } } }\n    viewerAccess { level canView canEdit canRun canShare canManageOwners canDelete canViewRunHistory blockedReason paths { kind } }\n  }\n": types.FlowFieldsFragmentDoc,
    "\n  mutation CreateFlow($input: CreateFlowInput!) {\n    createFlow(input: $input) {\n      __typename\n      ... on CreateFlowSuccess { flow { ...FlowFields } }\n      ... on OperationError { code message field }\n    }\n  }\n": types.CreateFlowDocument,
    "\n  mutation UpdateFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      __typename\n      ... on UpdateFlowSuccess { flow { ...FlowFields } }\n      ... on OperationError { code message field }\n    }\n  }\n": types.UpdateFlowDocument,
    "\n  mutation SetFlowState($input: SetFlowStateInput!) {\n    setFlowState(input: $input) {\n      __typename\n      ... on SetFlowStateSuccess { flow { id state suspensionReason } }\n      ... on OperationError { code message field }\n    }\n  }\n": types.SetFlowStateDocument,
    "\n  mutation DeleteFlow($input: DeleteFlowInput!) {\n    deleteFlow(input: $input) {\n      __typename\n      ... on DeleteFlowSuccess { deletedFlowId }\n      ... on OperationError { code message field }\n    }\n  }\n": types.DeleteFlowDocument,
    "\n  query MyFlows($environmentId: ID, $first: Int, $after: String, $last: Int, $before: String) {\n    myFlows(environmentId: $environmentId, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id displayName } }\n    }\n  }\n": types.MyFlowsDocument,
    "\n  query MyConnections($environmentId: ID, $first: Int, $after: String) {\n    myConnections(environmentId: $environmentId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id displayName } }\n    }\n  }\n": types.MyConnectionsDocument,
    "\n  query FlowById($id: ID!) {\n    node(id: $id) { __typename ... on Flow { ...FlowFields } }\n  }\n": types.FlowByIdDocument,
    "\n  mutation TryModifyFlowOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": types.TryModifyFlowOwnersDocument,
    "\n  mutation TryModifyRunOnlyUsers($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": types.TryModifyRunOnlyUsersDocument,
    "\n  mutation TryChangePrimaryOwner($input: ChangePrimaryOwnerInput!) {\n    changePrimaryOwner(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": types.TryChangePrimaryOwnerDocument,
    "\n  mutation TrySendFlowCopy($input: SendFlowCopyInput!) {\n    sendFlowCopy(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": types.TrySendFlowCopyDocument,
    "\n  mutation TryCreateFlowFromCopy($input: CreateFlowFromCopyInput!) {\n    createFlowFromCopy(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": types.TryCreateFlowFromCopyDocument,
    "\n  mutation TrySaveFlowAs($input: SaveFlowAsInput!) {\n    saveFlowAs(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": types.TrySaveFlowAsDocument,
    "\n  mutation TryReplaceFlowConnection($input: ReplaceFlowConnectionInput!) {\n    replaceFlowConnection(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": types.TryReplaceFlowConnectionDocument,
    "\n  mutation TryUpdateConnectionCredentials($input: UpdateConnectionCredentialsInput!) {\n    updateConnectionCredentials(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": types.TryUpdateConnectionCredentialsDocument,
    "\n  mutation TryTriggerFlow($input: TriggerFlowInput!) {\n    triggerFlow(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": types.TryTriggerFlowDocument,
    "\n  mutation TrySetDlpPolicy($input: SetDlpPolicyInput!) {\n    setDlpPolicy(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": types.TrySetDlpPolicyDocument,
    "\n  mutation TrySetEnvironmentRole($input: SetEnvironmentRoleInput!) {\n    setEnvironmentRole(input: $input) { __typename ... on OperationError { code message field } }\n  }\n": types.TrySetEnvironmentRoleDocument,
    "\n  query FlowSharing($id: ID!) {\n    node(id: $id) {\n      ... on Flow {\n        displayName\n        state\n        owners(first: 100) { totalCount }\n        runOnlyUsers(first: 100) { totalCount }\n        runs(first: 1) { totalCount }\n        connectionReferences { id runOnlySource connection { id } }\n      }\n    }\n  }\n": types.FlowSharingDocument,
    "\n  query ReceivedCopyIds { receivedCopies(first: 100) { totalCount edges { node { id } } } }\n": types.ReceivedCopyIdsDocument,
    "\n  query DlpPolicies { environments { id dlpPolicy { classifications { class connector { id } } } } }\n": types.DlpPoliciesDocument,
    "\n  subscription TrustedOwnerEvents($after: String) { sharingEvents(after: $after) { cursor kind flowId } }\n": types.TrustedOwnerEventsDocument,
    "\n  mutation TrustedAddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n": types.TrustedAddOwnerDocument,
    "\n  query FlowUsage($environmentId: ID!, $since: DateTime!, $until: DateTime, $first: Int, $after: String, $runners: Int) {\n    flowUsage(environmentId: $environmentId, since: $since, until: $until, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          flow { id displayName }\n          runs failedRuns distinctRunners guestRunners lastRunAt\n          runners(first: $runners) { user { id displayName } runs lastRunAt access }\n        }\n      }\n    }\n  }\n": types.FlowUsageDocument,
    "\n  mutation UsageShareRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message } }\n  }\n": types.UsageShareRunOnlyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TableAccess($id: ID!) {\n    node(id: $id) { ... on Flow { viewerAccess { level canView canEdit canRun canShare canManageOwners canDelete canViewRunHistory } } }\n  }\n"): (typeof documents)["\n  query TableAccess($id: ID!) {\n    node(id: $id) { ... on Flow { viewerAccess { level canView canEdit canRun canShare canManageOwners canDelete canViewRunHistory } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TableOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code } }\n  }\n"): (typeof documents)["\n  mutation TableOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TableRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code } }\n  }\n"): (typeof documents)["\n  mutation TableRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TableUpdate($input: UpdateFlowInput!) { updateFlow(input: $input) { __typename ... on OperationError { code } } }\n"): (typeof documents)["\n  mutation TableUpdate($input: UpdateFlowInput!) { updateFlow(input: $input) { __typename ... on OperationError { code } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TableCopy($input: SendFlowCopyInput!) { sendFlowCopy(input: $input) { __typename ... on OperationError { code } } }\n"): (typeof documents)["\n  mutation TableCopy($input: SendFlowCopyInput!) { sendFlowCopy(input: $input) { __typename ... on OperationError { code } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TableTrigger($input: TriggerFlowInput!) { triggerFlow(input: $input) { __typename ... on OperationError { code } } }\n"): (typeof documents)["\n  mutation TableTrigger($input: TriggerFlowInput!) { triggerFlow(input: $input) { __typename ... on OperationError { code } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TableState($input: SetFlowStateInput!) { setFlowState(input: $input) { __typename ... on OperationError { code } } }\n"): (typeof documents)["\n  mutation TableState($input: SetFlowStateInput!) { setFlowState(input: $input) { __typename ... on OperationError { code } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TableDelete($input: DeleteFlowInput!) { deleteFlow(input: $input) { __typename ... on OperationError { code } } }\n"): (typeof documents)["\n  mutation TableDelete($input: DeleteFlowInput!) { deleteFlow(input: $input) { __typename ... on OperationError { code } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessibleFlows($userId: ID!, $environmentId: ID, $first: Int, $after: String) {\n    accessibleFlows(userId: $userId, environmentId: $environmentId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node { id displayName viewerAccess { level } }\n        access {\n          level\n          canView\n          canEdit\n          canRun\n          blockedReason\n          paths { kind via { __typename ... on Node { id } } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccessibleFlows($userId: ID!, $environmentId: ID, $first: Int, $after: String) {\n    accessibleFlows(userId: $userId, environmentId: $environmentId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node { id displayName viewerAccess { level } }\n        access {\n          level\n          canView\n          canEdit\n          canRun\n          blockedReason\n          paths { kind via { __typename ... on Node { id } } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessibleFlowsInDepth($userId: ID!, $first: Int) {\n    accessibleFlows(userId: $userId, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          displayName\n          creator { id displayName }\n          environment { id displayName viewerRole }\n          owners { totalCount edges { node { __typename ... on Group { id displayName } ... on User { id displayName } } } }\n          viewerAccess { level canEdit paths { kind } }\n        }\n        access { level canEdit blockedReason paths { kind expiresAt via { __typename ... on Group { id displayName } ... on User { id displayName } } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AccessibleFlowsInDepth($userId: ID!, $first: Int) {\n    accessibleFlows(userId: $userId, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          displayName\n          creator { id displayName }\n          environment { id displayName viewerRole }\n          owners { totalCount edges { node { __typename ... on Group { id displayName } ... on User { id displayName } } } }\n          viewerAccess { level canEdit paths { kind } }\n        }\n        access { level canEdit blockedReason paths { kind expiresAt via { __typename ... on Group { id displayName } ... on User { id displayName } } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Audit($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) {\n      generatedAt\n      environment { id }\n      findings {\n        kind\n        flow { id displayName }\n        principal { __typename ... on User { id } ... on Group { id } }\n        connection { id }\n        detail\n      }\n    }\n  }\n"): (typeof documents)["\n  query Audit($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) {\n      generatedAt\n      environment { id }\n      findings {\n        kind\n        flow { id displayName }\n        principal { __typename ... on User { id } ... on Group { id } }\n        connection { id }\n        detail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditOrder($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) { truncated findings { kind flow { displayName } } }\n  }\n"): (typeof documents)["\n  query AuditOrder($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) { truncated findings { kind flow { displayName } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditKinds($environmentId: ID!, $kinds: [AuditFindingKind!]) {\n    sharingAudit(environmentId: $environmentId, kinds: $kinds) { findings { kind } }\n  }\n"): (typeof documents)["\n  query AuditKinds($environmentId: ID!, $kinds: [AuditFindingKind!]) {\n    sharingAudit(environmentId: $environmentId, kinds: $kinds) { findings { kind } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditAddOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation AuditAddOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuditAddRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation AuditAddRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkReassign($input: ReassignFlowsInput!) {\n    reassignFlows(input: $input) {\n      __typename\n      ... on ReassignFlowsSuccess {\n        dryRun\n        eventCursor\n        flows { id displayName state primaryOwner { id } }\n        resumedFlows { id state }\n        connectionsNeedingAttention { id owner { id } }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation BulkReassign($input: ReassignFlowsInput!) {\n    reassignFlows(input: $input) {\n      __typename\n      ... on ReassignFlowsSuccess {\n        dryRun\n        eventCursor\n        flows { id displayName state primaryOwner { id } }\n        resumedFlows { id state }\n        connectionsNeedingAttention { id owner { id } }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkRemovePrincipal($input: RemovePrincipalFromFlowsInput!) {\n    removePrincipalFromFlows(input: $input) {\n      __typename\n      ... on RemovePrincipalFromFlowsSuccess {\n        dryRun\n        eventCursor\n        flows { id displayName }\n        skippedFlows { id displayName }\n        connectionsNeedingAttention { id }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation BulkRemovePrincipal($input: RemovePrincipalFromFlowsInput!) {\n    removePrincipalFromFlows(input: $input) {\n      __typename\n      ... on RemovePrincipalFromFlowsSuccess {\n        dryRun\n        eventCursor\n        flows { id displayName }\n        skippedFlows { id displayName }\n        connectionsNeedingAttention { id }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkReplaceEverywhere($input: ReplaceConnectionEverywhereInput!) {\n    replaceConnectionEverywhere(input: $input) {\n      __typename\n      ... on ReplaceConnectionEverywhereSuccess { dryRun flows { id displayName connectionReferences { connection { id } } } }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation BulkReplaceEverywhere($input: ReplaceConnectionEverywhereInput!) {\n    replaceConnectionEverywhere(input: $input) {\n      __typename\n      ... on ReplaceConnectionEverywhereSuccess { dryRun flows { id displayName connectionReferences { connection { id } } } }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BulkAudit($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) { findings { kind flow { id displayName } connection { id connector { id } } } }\n  }\n"): (typeof documents)["\n  query BulkAudit($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) { findings { kind flow { id displayName } connection { id connector { id } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BulkFlow($id: ID!) {\n    node(id: $id) {\n      ... on Flow {\n        state\n        primaryOwner { id }\n        owners(first: 50) { edges { node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } }\n        runOnlyUsers(first: 50) { edges { node { __typename ... on User { id } ... on Group { id } } } }\n        connectionReferences { connection { id } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BulkFlow($id: ID!) {\n    node(id: $id) {\n      ... on Flow {\n        state\n        primaryOwner { id }\n        owners(first: 50) { edges { node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } }\n        runOnlyUsers(first: 50) { edges { node { __typename ... on User { id } ... on Group { id } } } }\n        connectionReferences { connection { id } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BulkGuestEdits($input: UpdateFlowInput!) { updateFlow(input: $input) { __typename } }"): (typeof documents)["mutation BulkGuestEdits($input: UpdateFlowInput!) { updateFlow(input: $input) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BulkMakerEdits($input: UpdateFlowInput!) { updateFlow(input: $input) { __typename } }"): (typeof documents)["mutation BulkMakerEdits($input: UpdateFlowInput!) { updateFlow(input: $input) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApolloMyFlows($first: Int!, $after: String) {\n    myFlows(first: $first, after: $after) {\n      edges { cursor node { id displayName state } }\n      pageInfo { hasNextPage endCursor }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query ApolloMyFlows($first: Int!, $after: String) {\n    myFlows(first: $first, after: $after) {\n      edges { cursor node { id displayName state } }\n      pageInfo { hasNextPage endCursor }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApolloRenameFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      ... on UpdateFlowSuccess { flow { id displayName } }\n      ... on OperationError { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ApolloRenameFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      ... on UpdateFlowSuccess { flow { id displayName } }\n      ... on OperationError { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApolloShareFlow($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }\n  }\n"): (typeof documents)["\n  mutation ApolloShareFlow($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ApolloSharedWithMe($after: String) {\n    sharingEvents(after: $after) { cursor kind flowId actor { id } flow { id displayName } }\n  }\n"): (typeof documents)["\n  subscription ApolloSharedWithMe($after: String) {\n    sharingEvents(after: $after) { cursor kind flowId actor { id } flow { id displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CodegenViewer { viewer { id displayName } }\n"): (typeof documents)["\n  query CodegenViewer { viewer { id displayName } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CodegenMyFlows($first: Int!, $after: String) {\n    myFlows(first: $first, after: $after) {\n      edges { node { id displayName } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query CodegenMyFlows($first: Int!, $after: String) {\n    myFlows(first: $first, after: $after) {\n      edges { node { id displayName } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CodegenRenameFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      __typename\n      ... on UpdateFlowSuccess { flow { id displayName } }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation CodegenRenameFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      __typename\n      ... on UpdateFlowSuccess { flow { id displayName } }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CodegenShareFlow($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }\n  }\n"): (typeof documents)["\n  mutation CodegenShareFlow($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CodegenSharedWithMe($after: String) {\n    sharingEvents(after: $after) { kind flowId actor { id } }\n  }\n"): (typeof documents)["\n  subscription CodegenSharedWithMe($after: String) {\n    sharingEvents(after: $after) { kind flowId actor { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UrqlMyFlows($first: Int!, $after: String) {\n    myFlows(first: $first, after: $after) {\n      edges { node { id displayName } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query UrqlMyFlows($first: Int!, $after: String) {\n    myFlows(first: $first, after: $after) {\n      edges { node { id displayName } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UrqlRenameFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      __typename\n      ... on UpdateFlowSuccess { flow { id displayName } }\n      ... on OperationError { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation UrqlRenameFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      __typename\n      ... on UpdateFlowSuccess { flow { id displayName } }\n      ... on OperationError { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UrqlShareFlow($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }\n  }\n"): (typeof documents)["\n  mutation UrqlShareFlow($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription UrqlSharedWithMe($after: String) {\n    sharingEvents(after: $after) { kind flowId actor { id } }\n  }\n"): (typeof documents)["\n  subscription UrqlSharedWithMe($after: String) {\n    sharingEvents(after: $after) { kind flowId actor { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeReferences($input: ReplaceFlowConnectionInput!) {\n    replaceFlowConnection(input: $input) {\n      __typename\n      ... on ReplaceFlowConnectionSuccess {\n        flow {\n          id\n          actions { name connectionReference { id connection { id } } }\n          connectionReferences { id usage runOnlySource connection { id } }\n        }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation MergeReferences($input: ReplaceFlowConnectionInput!) {\n    replaceFlowConnection(input: $input) {\n      __typename\n      ... on ReplaceFlowConnectionSuccess {\n        flow {\n          id\n          actions { name connectionReference { id connection { id } } }\n          connectionReferences { id usage runOnlySource connection { id } }\n        }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeShare($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation MergeShare($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeSources($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation MergeSources($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConnectionVisibility($id: ID!) {\n    node(id: $id) {\n      ... on Flow {\n        viewerAccess { level }\n        connectionReferences {\n          id\n          runOnlySource\n          connector { id displayName }\n          connection { id displayName status owner { email } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConnectionVisibility($id: ID!) {\n    node(id: $id) {\n      ... on Flow {\n        viewerAccess { level }\n        connectionReferences {\n          id\n          runOnlySource\n          connector { id displayName }\n          connection { id displayName status owner { email } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConnectionNode($id: ID!) { node(id: $id) { __typename id } }\n"): (typeof documents)["\n  query ConnectionNode($id: ID!) { node(id: $id) { __typename id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VisibilityAddRunners($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation VisibilityAddRunners($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VisibilityAddOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation VisibilityAddOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Replace($input: ReplaceFlowConnectionInput!) {\n    replaceFlowConnection(input: $input) {\n      __typename\n      ... on ReplaceFlowConnectionSuccess { flow { id actions { name connectionReference { id connection { id owner { id } } } } } }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation Replace($input: ReplaceFlowConnectionInput!) {\n    replaceFlowConnection(input: $input) {\n      __typename\n      ... on ReplaceFlowConnectionSuccess { flow { id actions { name connectionReference { id connection { id owner { id } } } } } }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Reauthenticate($input: UpdateConnectionCredentialsInput!) {\n    updateConnectionCredentials(input: $input) {\n      __typename\n      ... on UpdateConnectionCredentialsSuccess { connection { id status } }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation Reauthenticate($input: UpdateConnectionCredentialsInput!) {\n    updateConnectionCredentials(input: $input) {\n      __typename\n      ... on UpdateConnectionCredentialsSuccess { connection { id status } }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Share($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation Share($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendFlowCopy($input: SendFlowCopyInput!) {\n    sendFlowCopy(input: $input) {\n      __typename\n      ... on SendFlowCopySuccess { eventCursor copies { id displayName description trigger sender { id } recipient { id } actionNames connectorsNeeded { id } createdFlow { id } } }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation SendFlowCopy($input: SendFlowCopyInput!) {\n    sendFlowCopy(input: $input) {\n      __typename\n      ... on SendFlowCopySuccess { eventCursor copies { id displayName description trigger sender { id } recipient { id } actionNames connectorsNeeded { id } createdFlow { id } } }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFlowFromCopy($input: CreateFlowFromCopyInput!) {\n    createFlowFromCopy(input: $input) {\n      __typename\n      ... on CreateFlowFromCopySuccess { flow { id displayName creator { id } primaryOwner { id } actions { name connectionReference { connection { id } } } } }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateFlowFromCopy($input: CreateFlowFromCopyInput!) {\n    createFlowFromCopy(input: $input) {\n      __typename\n      ... on CreateFlowFromCopySuccess { flow { id displayName creator { id } primaryOwner { id } actions { name connectionReference { connection { id } } } } }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveFlowAs($input: SaveFlowAsInput!) {\n    saveFlowAs(input: $input) {\n      __typename\n      ... on SaveFlowAsSuccess { flow { id displayName environment { id } creator { id } primaryOwner { id } actions { name connectionReference { connection { id } } } } }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveFlowAs($input: SaveFlowAsInput!) {\n    saveFlowAs(input: $input) {\n      __typename\n      ... on SaveFlowAsSuccess { flow { id displayName environment { id } creator { id } primaryOwner { id } actions { name connectionReference { connection { id } } } } }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePrimaryOwner($input: ChangePrimaryOwnerInput!) {\n    changePrimaryOwner(input: $input) {\n      __typename\n      ... on ChangePrimaryOwnerSuccess { eventCursor flow { id creator { id } primaryOwner { id } owners { edges { isPrimaryOwner node { ... on User { id } } } } } }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePrimaryOwner($input: ChangePrimaryOwnerInput!) {\n    changePrimaryOwner(input: $input) {\n      __typename\n      ... on ChangePrimaryOwnerSuccess { eventCursor flow { id creator { id } primaryOwner { id } owners { edges { isPrimaryOwner node { ... on User { id } } } } } }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReceivedCopies { receivedCopies { totalCount edges { node { id displayName createdFlow { id } } } } }\n"): (typeof documents)["\n  query ReceivedCopies { receivedCopies { totalCount edges { node { id displayName createdFlow { id } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CopyNode($id: ID!) { node(id: $id) { __typename ... on FlowCopy { id displayName actionNames } } }\n"): (typeof documents)["\n  query CopyNode($id: ID!) { node(id: $id) { __typename ... on FlowCopy { id displayName actionNames } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyEvents { sharingEvents(first: 100) { edges { node { kind flowId actorRole principal { ... on User { id } } copy { id } } } } }\n"): (typeof documents)["\n  query MyEvents { sharingEvents(first: 100) { edges { node { kind flowId actorRole principal { ... on User { id } } copy { id } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation ShareOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SentCopies($first: Int, $after: String) {\n    sentCopies(first: $first, after: $after) { edges { cursor node { id recipient { id } sender { id } } } pageInfo { hasNextPage endCursor } }\n  }\n"): (typeof documents)["\n  query SentCopies($first: Int, $after: String) {\n    sentCopies(first: $first, after: $after) { edges { cursor node { id recipient { id } sender { id } } } pageInfo { hasNextPage endCursor } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreatorAccessFor($id: ID!, $userId: ID!) {\n    node(id: $id) {\n      ... on Flow {\n        accessFor(userId: $userId) { level canView canEdit canDelete canManageOwners blockedReason paths { kind } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CreatorAccessFor($id: ID!, $userId: ID!) {\n    node(id: $id) {\n      ... on Flow {\n        accessFor(userId: $userId) { level canView canEdit canDelete canManageOwners blockedReason paths { kind } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CreatorAudit($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) { findings { kind flow { id } principal { __typename ... on User { id } } } }\n  }\n"): (typeof documents)["\n  query CreatorAudit($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) { findings { kind flow { id } principal { __typename ... on User { id } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CursorLogPage($after: String, $before: String, $first: Int, $last: Int) {\n    sharingEvents(after: $after, before: $before, first: $first, last: $last) { edges { cursor node { kind } } }\n  }\n"): (typeof documents)["\n  query CursorLogPage($after: String, $before: String, $first: Int, $last: Int) {\n    sharingEvents(after: $after, before: $before, first: $first, last: $last) { edges { cursor node { kind } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CursorEnvironmentLogPage($environmentId: ID!, $after: String) {\n    environmentSharingEvents(environmentId: $environmentId, after: $after) { edges { cursor node { kind } } }\n  }\n"): (typeof documents)["\n  query CursorEnvironmentLogPage($environmentId: ID!, $after: String) {\n    environmentSharingEvents(environmentId: $environmentId, after: $after) { edges { cursor node { kind } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CursorMine($after: String) { sharingEvents(after: $after) { cursor kind } }\n"): (typeof documents)["\n  subscription CursorMine($after: String) { sharingEvents(after: $after) { cursor kind } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CursorCopies($after: String) { copyReceived(after: $after) { cursor kind } }\n"): (typeof documents)["\n  subscription CursorCopies($after: String) { copyReceived(after: $after) { cursor kind } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CursorOfFlow($flowId: ID!, $after: String) { flowSharingEvents(flowId: $flowId, after: $after) { cursor kind } }\n"): (typeof documents)["\n  subscription CursorOfFlow($flowId: ID!, $after: String) { flowSharingEvents(flowId: $flowId, after: $after) { cursor kind } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CursorOfEnvironment($environmentId: ID!, $after: String) {\n    environmentSharingEvents(environmentId: $environmentId, after: $after) { cursor kind }\n  }\n"): (typeof documents)["\n  subscription CursorOfEnvironment($environmentId: ID!, $after: String) {\n    environmentSharingEvents(environmentId: $environmentId, after: $after) { cursor kind }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CursorAddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation CursorAddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Owners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code } }\n  }\n"): (typeof documents)["\n  mutation Owners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Run($input: TriggerFlowInput!) {\n    triggerFlow(input: $input) {\n      __typename\n      ... on TriggerFlowSuccess { run { status failures { actionName reason } } }\n      ... on OperationError { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation Run($input: TriggerFlowInput!) {\n    triggerFlow(input: $input) {\n      __typename\n      ... on TriggerFlowSuccess { run { status failures { actionName reason } } }\n      ... on OperationError { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Swap($input: ReplaceFlowConnectionInput!) { replaceFlowConnection(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation Swap($input: ReplaceFlowConnectionInput!) { replaceFlowConnection(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowState($id: ID!) { node(id: $id) { ... on Flow { state suspensionReason connectionReferences { id connection { id status } } } } }\n"): (typeof documents)["\n  query FlowState($id: ID!) { node(id: $id) { ... on Flow { state suspensionReason connectionReferences { id connection { id status } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Suspensions { sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole } } } }\n"): (typeof documents)["\n  query Suspensions { sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Attention {\n    sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole connection { id status owner { id } } } } }\n  }\n"): (typeof documents)["\n  query Attention {\n    sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole connection { id status owner { id } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation RunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NewPrimary($input: ChangePrimaryOwnerInput!) { changePrimaryOwner(input: $input) { __typename ... on ChangePrimaryOwnerSuccess { flow { state suspensionReason } } ... on OperationError { code } } }\n"): (typeof documents)["\n  mutation NewPrimary($input: ChangePrimaryOwnerInput!) { changePrimaryOwner(input: $input) { __typename ... on ChangePrimaryOwnerSuccess { flow { state suspensionReason } } ... on OperationError { code } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupMembers($id: ID!) {\n    node(id: $id) { ... on Group { displayName members(first: 100) { totalCount edges { node { externalId } } } } }\n  }\n"): (typeof documents)["\n  query GroupMembers($id: ID!) {\n    node(id: $id) { ... on Group { displayName members(first: 100) { totalCount edges { node { externalId } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListEditors($id: ID!) {\n    node(id: $id) { ... on SharePointList { title editors { totalCount edges { node { externalId } } } } }\n  }\n"): (typeof documents)["\n  query ListEditors($id: ID!) {\n    node(id: $id) { ... on SharePointList { title editors { totalCount edges { node { externalId } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExpiredGrants($id: ID!, $includeExpired: Boolean) {\n    node(id: $id) {\n      ... on Flow {\n        owners(first: 10, includeExpired: $includeExpired) {\n          totalCount\n          edges { isPrimaryOwner expiresAt node { __typename ... on Node { id } } }\n        }\n        runOnlyUsers(first: 10, includeExpired: $includeExpired) {\n          totalCount\n          edges { expiresAt node { __typename ... on Node { id } } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ExpiredGrants($id: ID!, $includeExpired: Boolean) {\n    node(id: $id) {\n      ... on Flow {\n        owners(first: 10, includeExpired: $includeExpired) {\n          totalCount\n          edges { isPrimaryOwner expiresAt node { __typename ... on Node { id } } }\n        }\n        runOnlyUsers(first: 10, includeExpired: $includeExpired) {\n          totalCount\n          edges { expiresAt node { __typename ... on Node { id } } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExpiredGrantsOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation ExpiredGrantsOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExpiredGrantsRunners($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation ExpiredGrantsRunners($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FanoutLive {\n    sharingEvents { kind flowId actor { id displayName } principal { ... on User { id displayName } } flow { id displayName owners { totalCount } viewerAccess { level } } }\n  }\n"): (typeof documents)["\n  subscription FanoutLive {\n    sharingEvents { kind flowId actor { id displayName } principal { ... on User { id displayName } } flow { id displayName owners { totalCount } viewerAccess { level } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FanoutOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation FanoutOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FanoutRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation FanoutRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchMyFlows($environmentId: ID, $filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String, $last: Int, $before: String) {\n    myFlows(environmentId: $environmentId, filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id displayName } }\n    }\n  }\n"): (typeof documents)["\n  query SearchMyFlows($environmentId: ID, $filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String, $last: Int, $before: String) {\n    myFlows(environmentId: $environmentId, filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id displayName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchTeamFlows($filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String) {\n    teamFlows(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id displayName } }\n    }\n  }\n"): (typeof documents)["\n  query SearchTeamFlows($filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String) {\n    teamFlows(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id displayName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchRunOnlyFlows($filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String) {\n    runOnlyFlows(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id displayName } }\n    }\n  }\n"): (typeof documents)["\n  query SearchRunOnlyFlows($filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String) {\n    runOnlyFlows(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id displayName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inventory($environmentId: ID!, $filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String) {\n    environmentFlows(environmentId: $environmentId, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          displayName\n          creator { id }\n          environment { id }\n          viewerAccess { level canEdit }\n          owners(first: 10) { edges { isPrimaryOwner node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } }\n          runOnlyUsers(first: 10) { edges { node { __typename ... on User { id } ... on Group { id } } } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Inventory($environmentId: ID!, $filter: FlowFilter, $orderBy: FlowOrder, $first: Int, $after: String) {\n    environmentFlows(environmentId: $environmentId, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          displayName\n          creator { id }\n          environment { id }\n          viewerAccess { level canEdit }\n          owners(first: 10) { edges { isPrimaryOwner node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } }\n          runOnlyUsers(first: 10) { edges { node { __typename ... on User { id } ... on Group { id } } } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FuzzImportFlowPackage($input: ImportFlowPackageInput!) {\n    importFlowPackage(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"): (typeof documents)["\n  mutation FuzzImportFlowPackage($input: ImportFlowPackageInput!) {\n    importFlowPackage(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FuzzReassignFlows($input: ReassignFlowsInput!) {\n    reassignFlows(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"): (typeof documents)["\n  mutation FuzzReassignFlows($input: ReassignFlowsInput!) {\n    reassignFlows(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FuzzRemovePrincipalFromFlows($input: RemovePrincipalFromFlowsInput!) {\n    removePrincipalFromFlows(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"): (typeof documents)["\n  mutation FuzzRemovePrincipalFromFlows($input: RemovePrincipalFromFlowsInput!) {\n    removePrincipalFromFlows(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FuzzReplaceConnectionEverywhere($input: ReplaceConnectionEverywhereInput!) {\n    replaceConnectionEverywhere(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"): (typeof documents)["\n  mutation FuzzReplaceConnectionEverywhere($input: ReplaceConnectionEverywhereInput!) {\n    replaceConnectionEverywhere(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRole($input: SetEnvironmentRoleInput!) {\n    setEnvironmentRole(input: $input) {\n      __typename\n      ... on SetEnvironmentRoleSuccess { role user { id } environment { id } }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation SetRole($input: SetEnvironmentRoleInput!) {\n    setEnvironmentRole(input: $input) {\n      __typename\n      ... on SetEnvironmentRoleSuccess { role user { id } environment { id } }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDlp($input: SetDlpPolicyInput!) {\n    setDlpPolicy(input: $input) {\n      __typename\n      ... on SetDlpPolicySuccess {\n        suspendedFlows { id state suspensionReason }\n        environment { dlpPolicy { classifications { class connector { id } } } }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation SetDlp($input: SetDlpPolicyInput!) {\n    setDlpPolicy(input: $input) {\n      __typename\n      ... on SetDlpPolicySuccess {\n        suspendedFlows { id state suspensionReason }\n        environment { dlpPolicy { classifications { class connector { id } } } }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }\n  }\n"): (typeof documents)["\n  mutation AddOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code } }\n  }\n"): (typeof documents)["\n  mutation AddRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Trigger($input: TriggerFlowInput!) { triggerFlow(input: $input) { __typename ... on OperationError { code } } }\n"): (typeof documents)["\n  mutation Trigger($input: TriggerFlowInput!) { triggerFlow(input: $input) { __typename ... on OperationError { code } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowStateOf($id: ID!) { node(id: $id) { ... on Flow { state suspensionReason connectionReferences { id } } } }\n"): (typeof documents)["\n  query FlowStateOf($id: ID!) { node(id: $id) { ... on Flow { state suspensionReason connectionReferences { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EnvironmentLog($environmentId: ID!, $after: String, $first: Int) {\n    environmentSharingEvents(environmentId: $environmentId, after: $after, first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { kind flowId actorRole actor { id } principal { ... on User { id } } } }\n    }\n  }\n"): (typeof documents)["\n  query EnvironmentLog($environmentId: ID!, $after: String, $first: Int) {\n    environmentSharingEvents(environmentId: $environmentId, after: $after, first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { kind flowId actorRole actor { id } principal { ... on User { id } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyLog { sharingEvents(first: 100) { edges { node { kind flowId actorRole principal { ... on User { id } ... on Group { id } } } } } }\n"): (typeof documents)["\n  query MyLog { sharingEvents(first: 100) { edges { node { kind flowId actorRole principal { ... on User { id } ... on Group { id } } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BrowserAddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation BrowserAddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation HygieneReassign($input: ReassignFlowsInput!) { reassignFlows(input: $input) { __typename ... on OperationError { code message field } } }\n  "): (typeof documents)["\n    mutation HygieneReassign($input: ReassignFlowsInput!) { reassignFlows(input: $input) { __typename ... on OperationError { code message field } } }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation HygieneRemovePrincipal($input: RemovePrincipalFromFlowsInput!) {\n      removePrincipalFromFlows(input: $input) { __typename ... on OperationError { code message field } }\n    }\n  "): (typeof documents)["\n    mutation HygieneRemovePrincipal($input: RemovePrincipalFromFlowsInput!) {\n      removePrincipalFromFlows(input: $input) { __typename ... on OperationError { code message field } }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation HygieneReplaceEverywhere($input: ReplaceConnectionEverywhereInput!) {\n      replaceConnectionEverywhere(input: $input) { __typename ... on OperationError { code message field } }\n    }\n  "): (typeof documents)["\n    mutation HygieneReplaceEverywhere($input: ReplaceConnectionEverywhereInput!) {\n      replaceConnectionEverywhere(input: $input) { __typename ... on OperationError { code message field } }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LimitsViewer { viewer { id } }"): (typeof documents)["query LimitsViewer { viewer { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyFlowsInDepth {\n    myFlows(first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          creator { id displayName }\n          environment { id displayName viewerRole }\n          owners {\n            totalCount\n            edges {\n              isPrimaryOwner\n              addedBy { id displayName }\n              node {\n                __typename\n                ... on User { id displayName email }\n                ... on Group { id displayName }\n                ... on SharePointList { id title }\n              }\n            }\n          }\n          connectionReferences { id usage connection { id displayName status owner { id displayName } connector { displayName } } }\n          actions { name }\n          viewerAccess { level canEdit paths { kind via { __typename } } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyFlowsInDepth {\n    myFlows(first: 100) {\n      edges {\n        node {\n          id\n          displayName\n          creator { id displayName }\n          environment { id displayName viewerRole }\n          owners {\n            totalCount\n            edges {\n              isPrimaryOwner\n              addedBy { id displayName }\n              node {\n                __typename\n                ... on User { id displayName email }\n                ... on Group { id displayName }\n                ... on SharePointList { id title }\n              }\n            }\n          }\n          connectionReferences { id usage connection { id displayName status owner { id displayName } connector { displayName } } }\n          actions { name }\n          viewerAccess { level canEdit paths { kind via { __typename } } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareWithTeam($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation ShareWithTeam($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LogsFlows($after: String) { myFlows(first: 1, after: $after) { totalCount } }\n"): (typeof documents)["\n  query LogsFlows($after: String) { myFlows(first: 1, after: $after) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogsOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation LogsOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LogsEvents { sharingEvents { kind } }\n"): (typeof documents)["\n  subscription LogsEvents { sharingEvents { kind } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MetricsOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation MetricsOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetricsFlows($after: String) { myFlows(first: 1, after: $after) { totalCount } }\n"): (typeof documents)["\n  query MetricsFlows($after: String) { myFlows(first: 1, after: $after) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MetricsEvents { sharingEvents { kind } }\n"): (typeof documents)["\n  subscription MetricsEvents { sharingEvents { kind } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NoTokenIntrospection { __schema { queryType { name } mutationType { name } } }\n"): (typeof documents)["\n  query NoTokenIntrospection { __schema { queryType { name } mutationType { name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NoTokenEvents { sharingEvents { kind } }\n"): (typeof documents)["\n  subscription NoTokenEvents { sharingEvents { kind } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NoTokenOwners($id: ID!) { node(id: $id) { ... on Flow { owners { totalCount } } } }"): (typeof documents)["query NoTokenOwners($id: ID!) { node(id: $id) { ... on Flow { owners { totalCount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation ReturnOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReturnState($id: ID!) { node(id: $id) { ... on Flow { state suspensionReason } } }\n"): (typeof documents)["\n  query ReturnState($id: ID!) { node(id: $id) { ... on Flow { state suspensionReason } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReturnLog { sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole } } } }\n"): (typeof documents)["\n  query ReturnLog { sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ModifyFlowOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) {\n      __typename\n      ... on ModifyFlowOwnersSuccess {\n        eventCursor\n        connectionsNeedingAttention { id owner { id } }\n        usersAddedToEnvironment { id }\n        flow { id owners { totalCount edges { isPrimaryOwner expiresAt node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } } }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation ModifyFlowOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) {\n      __typename\n      ... on ModifyFlowOwnersSuccess {\n        eventCursor\n        connectionsNeedingAttention { id owner { id } }\n        usersAddedToEnvironment { id }\n        flow { id owners { totalCount edges { isPrimaryOwner expiresAt node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } } }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowOwners($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      ... on Flow {\n        viewerAccess { level paths { kind via { __typename } expiresAt } }\n        owners(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { cursor isPrimaryOwner addedAt expiresAt addedBy { id } node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FlowOwners($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      ... on Flow {\n        viewerAccess { level paths { kind via { __typename } expiresAt } }\n        owners(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges { cursor isPrimaryOwner addedAt expiresAt addedBy { id } node { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamFlows($environmentId: ID) { teamFlows(environmentId: $environmentId) { totalCount edges { node { id } } } }\n"): (typeof documents)["\n  query TeamFlows($environmentId: ID) { teamFlows(environmentId: $environmentId) { totalCount edges { node { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessFor($id: ID!, $userId: ID!) {\n    node(id: $id) { ... on Flow { accessFor(userId: $userId) { level canEdit blockedReason paths { kind } } } }\n  }\n"): (typeof documents)["\n  query AccessFor($id: ID!, $userId: ID!) {\n    node(id: $id) { ... on Flow { accessFor(userId: $userId) { level canEdit blockedReason paths { kind } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharingEvents($after: String, $first: Int) {\n    sharingEvents(after: $after, first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { cursor kind actorRole flowId flowDisplayName flow { id } actor { id } principal { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } }\n    }\n  }\n"): (typeof documents)["\n  query SharingEvents($after: String, $first: Int) {\n    sharingEvents(after: $after, first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { cursor kind actorRole flowId flowDisplayName flow { id } actor { id } principal { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportFlow($flowId: ID!) { exportFlow(flowId: $flowId) { content exportedAt } }\n"): (typeof documents)["\n  query ExportFlow($flowId: ID!) { exportFlow(flowId: $flowId) { content exportedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportFlowPackage($input: ImportFlowPackageInput!) {\n    importFlowPackage(input: $input) {\n      __typename\n      ... on ImportFlowPackageSuccess {\n        flow {\n          id displayName description trigger environment { id } creator { id } primaryOwner { id }\n          actions { name connectionReference { id } }\n          connectionReferences { id usage runOnlySource connection { id } }\n        }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportFlowPackage($input: ImportFlowPackageInput!) {\n    importFlowPackage(input: $input) {\n      __typename\n      ... on ImportFlowPackageSuccess {\n        flow {\n          id displayName description trigger environment { id } creator { id } primaryOwner { id }\n          actions { name connectionReference { id } }\n          connectionReferences { id usage runOnlySource connection { id } }\n        }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PackagesShareRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation PackagesShareRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PackagesShareOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation PackagesShareOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewOwnersOutcome($input: ModifyFlowOwnersInput!) {\n    previewFlowOwners(input: $input) {\n      error { code message field }\n      changes(first: 100) { totalCount edges { node { user { id } before after } } }\n      usersAddedToEnvironment { id }\n    }\n  }\n"): (typeof documents)["\n  query PreviewOwnersOutcome($input: ModifyFlowOwnersInput!) {\n    previewFlowOwners(input: $input) {\n      error { code message field }\n      changes(first: 100) { totalCount edges { node { user { id } before after } } }\n      usersAddedToEnvironment { id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewRunOnlyOutcome($input: ModifyRunOnlyUsersInput!) {\n    previewRunOnlyUsers(input: $input) {\n      error { code message field }\n      changes(first: 100) { totalCount edges { node { user { id } before after } } }\n      usersAddedToEnvironment { id }\n    }\n  }\n"): (typeof documents)["\n  query PreviewRunOnlyOutcome($input: ModifyRunOnlyUsersInput!) {\n    previewRunOnlyUsers(input: $input) {\n      error { code message field }\n      changes(first: 100) { totalCount edges { node { user { id } before after } } }\n      usersAddedToEnvironment { id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RealOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) {\n      __typename\n      ... on ModifyFlowOwnersSuccess { usersAddedToEnvironment { id } }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation RealOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) {\n      __typename\n      ... on ModifyFlowOwnersSuccess { usersAddedToEnvironment { id } }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RealRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"): (typeof documents)["\n  mutation RealRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PreviewFields on SharingPreview {\n    error { code message field }\n    changes(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { user { id } before after } }\n    }\n    usersAddedToEnvironment { id }\n    inertFor { id }\n    connectionsNeedingAttention { id }\n    advice { kind message principal { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } connection { id } }\n  }\n"): (typeof documents)["\n  fragment PreviewFields on SharingPreview {\n    error { code message field }\n    changes(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { user { id } before after } }\n    }\n    usersAddedToEnvironment { id }\n    inertFor { id }\n    connectionsNeedingAttention { id }\n    advice { kind message principal { __typename ... on User { id } ... on Group { id } ... on SharePointList { id } } connection { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewOwners($input: ModifyFlowOwnersInput!, $first: Int, $after: String) {\n    previewFlowOwners(input: $input) { ...PreviewFields }\n  }\n"): (typeof documents)["\n  query PreviewOwners($input: ModifyFlowOwnersInput!, $first: Int, $after: String) {\n    previewFlowOwners(input: $input) { ...PreviewFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewRunOnly($input: ModifyRunOnlyUsersInput!, $first: Int, $after: String) {\n    previewRunOnlyUsers(input: $input) { ...PreviewFields }\n  }\n"): (typeof documents)["\n  query PreviewRunOnly($input: ModifyRunOnlyUsersInput!, $first: Int, $after: String) {\n    previewRunOnlyUsers(input: $input) { ...PreviewFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewChanges($input: ModifyFlowOwnersInput!) {\n    previewFlowOwners(input: $input) { error { code } changes(first: 100) { totalCount edges { node { user { id displayName } before after } } } }\n  }\n"): (typeof documents)["\n  query PreviewChanges($input: ModifyFlowOwnersInput!) {\n    previewFlowOwners(input: $input) { error { code } changes(first: 100) { totalCount edges { node { user { id displayName } before after } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PreviewedOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"): (typeof documents)["\n  mutation PreviewedOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PreviewedRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"): (typeof documents)["\n  mutation PreviewedRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PreviewEvents { sharingEvents { kind flowId } }\n"): (typeof documents)["\n  subscription PreviewEvents { sharingEvents { kind flowId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ProcessEvents($after: String) { sharingEvents(after: $after) { cursor kind flowId } }\n"): (typeof documents)["\n  subscription ProcessEvents($after: String) { sharingEvents(after: $after) { cursor kind flowId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProcessWhoami { viewer { id } environments { id isDefault } }"): (typeof documents)["query ProcessWhoami { viewer { id } environments { id isDefault } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProcessNewFlow($input: CreateFlowInput!) { createFlow(input: $input) { ... on CreateFlowSuccess { flow { id } } } }\n"): (typeof documents)["\n  mutation ProcessNewFlow($input: CreateFlowInput!) { createFlow(input: $input) { ... on CreateFlowSuccess { flow { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProcessOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation ProcessOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on User { displayName }\n      ... on Group { displayName }\n      ... on SharePointList { title siteUrl }\n      ... on Environment { displayName isDefault viewerRole securityGroup { id } tenant { id } }\n      ... on Tenant { displayName cloud }\n      ... on Connector { displayName }\n      ... on Connection { displayName }\n      ... on Flow { displayName }\n    }\n  }\n"): (typeof documents)["\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on User { displayName }\n      ... on Group { displayName }\n      ... on SharePointList { title siteUrl }\n      ... on Environment { displayName isDefault viewerRole securityGroup { id } tenant { id } }\n      ... on Tenant { displayName cloud }\n      ... on Connector { displayName }\n      ... on Connection { displayName }\n      ... on Flow { displayName }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Nodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }\n"): (typeof documents)["\n  query Nodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($query: String!, $first: Int, $after: String) {\n    searchPrincipals(query: $query, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { __typename ... on User { id email } ... on Group { id displayName } ... on SharePointList { id title } } }\n    }\n  }\n"): (typeof documents)["\n  query Search($query: String!, $first: Int, $after: String) {\n    searchPrincipals(query: $query, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { __typename ... on User { id email } ... on Group { id displayName } ... on SharePointList { id title } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Environments { environments { id displayName isDefault viewerRole dlpPolicy { classifications { class } } } connectors { id displayName } }\n"): (typeof documents)["\n  query Environments { environments { id displayName isDefault viewerRole dlpPolicy { classifications { class } } } connectors { id displayName } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ModifyRunOnlyUsers($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) {\n      __typename\n      ... on ModifyRunOnlyUsersSuccess {\n        eventCursor\n        flow {\n          id\n          connectionReferences { id runOnlySource }\n          runOnlyUsers { totalCount edges { expiresAt addedBy { id } node { __typename ... on User { id } ... on Group { id } } } }\n        }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation ModifyRunOnlyUsers($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) {\n      __typename\n      ... on ModifyRunOnlyUsersSuccess {\n        eventCursor\n        flow {\n          id\n          connectionReferences { id runOnlySource }\n          runOnlyUsers { totalCount edges { expiresAt addedBy { id } node { __typename ... on User { id } ... on Group { id } } } }\n        }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AsRunner($id: ID!) {\n    node(id: $id) {\n      ... on Flow { displayName trigger actions { name } viewerAccess { level canRun canEdit paths { kind } } runOnlyUsers { totalCount } owners { totalCount } }\n    }\n  }\n"): (typeof documents)["\n  query AsRunner($id: ID!) {\n    node(id: $id) {\n      ... on Flow { displayName trigger actions { name } viewerAccess { level canRun canEdit paths { kind } } runOnlyUsers { totalCount } owners { totalCount } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunOnlyFlows { runOnlyFlows { totalCount edges { node { id } } } }\n"): (typeof documents)["\n  query RunOnlyFlows { runOnlyFlows { totalCount edges { node { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunOnlyEvents { sharingEvents(first: 100) { edges { node { kind flowId principal { __typename } } } } }\n"): (typeof documents)["\n  query RunOnlyEvents { sharingEvents(first: 100) { edges { node { kind flowId principal { __typename } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation AddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TriggerFlow($input: TriggerFlowInput!) {\n    triggerFlow(input: $input) {\n      __typename\n      ... on TriggerFlowSuccess { run { id status invoker { id } flow { id } failures { actionName reason connection { id } } } }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation TriggerFlow($input: TriggerFlowInput!) {\n    triggerFlow(input: $input) {\n      __typename\n      ... on TriggerFlowSuccess { run { id status invoker { id } flow { id } failures { actionName reason connection { id } } } }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Runs($id: ID!) { node(id: $id) { ... on Flow { runs { totalCount edges { node { id invoker { id } status } } } } } }\n"): (typeof documents)["\n  query Runs($id: ID!) { node(id: $id) { ... on Flow { runs { totalCount edges { node { id invoker { id } status } } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunNode($id: ID!) { node(id: $id) { __typename ... on FlowRun { id status } } }\n"): (typeof documents)["\n  query RunNode($id: ID!) { node(id: $id) { __typename ... on FlowRun { id status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation ShareRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScimDirOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation ScimDirOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScimDirRunners($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation ScimDirRunners($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScimDirAccess($id: ID!, $userId: ID!) { node(id: $id) { ... on Flow { state suspensionReason accessFor(userId: $userId) { level } } } }\n"): (typeof documents)["\n  query ScimDirAccess($id: ID!, $userId: ID!) { node(id: $id) { ... on Flow { state suspensionReason accessFor(userId: $userId) { level } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScimDirLog { sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole } } } }\n"): (typeof documents)["\n  query ScimDirLog { sharingEvents(first: 100) { edges { node { kind flowId actor { id } actorRole } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdgeShare($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) {\n      __typename\n      ... on ModifyFlowOwnersSuccess { usersAddedToEnvironment { id } }\n      ... on OperationError { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation EdgeShare($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) {\n      __typename\n      ... on ModifyFlowOwnersSuccess { usersAddedToEnvironment { id } }\n      ... on OperationError { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EdgeRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) {\n      __typename\n      ... on ModifyRunOnlyUsersSuccess { eventCursor }\n      ... on OperationError { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation EdgeRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) {\n      __typename\n      ... on ModifyRunOnlyUsersSuccess { eventCursor }\n      ... on OperationError { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EdgeAccessFor($id: ID!, $userId: ID!) {\n    node(id: $id) { ... on Flow { accessFor(userId: $userId) { level blockedReason paths { kind } } } }\n  }\n"): (typeof documents)["\n  query EdgeAccessFor($id: ID!, $userId: ID!) {\n    node(id: $id) { ... on Flow { accessFor(userId: $userId) { level blockedReason paths { kind } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EdgeAudit($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) { findings { kind flow { id } principal { __typename ... on User { id } } } }\n  }\n"): (typeof documents)["\n  query EdgeAudit($environmentId: ID!) {\n    sharingAudit(environmentId: $environmentId) { findings { kind flow { id } principal { __typename ... on User { id } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SseSingleViewer { viewer { id } }\n"): (typeof documents)["\n  query SseSingleViewer { viewer { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SseSingleEvents { sharingEvents { kind flowId principal { ... on User { id } } } }\n"): (typeof documents)["\n  subscription SseSingleEvents { sharingEvents { kind flowId principal { ... on User { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SseSingleOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation SseSingleOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveMyEvents($after: String, $kinds: [SharingEventKind!]) {\n    sharingEvents(after: $after, kinds: $kinds) { cursor kind flowId principal { ... on User { id } } flow { id } }\n  }\n"): (typeof documents)["\n  subscription LiveMyEvents($after: String, $kinds: [SharingEventKind!]) {\n    sharingEvents(after: $after, kinds: $kinds) { cursor kind flowId principal { ... on User { id } } flow { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveCopies($after: String) { copyReceived(after: $after) { cursor kind copy { id } } }\n"): (typeof documents)["\n  subscription LiveCopies($after: String) { copyReceived(after: $after) { cursor kind copy { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveFlowEvents($flowId: ID!, $after: String) {\n    flowSharingEvents(flowId: $flowId, after: $after) { cursor kind principal { ... on User { id } } }\n  }\n"): (typeof documents)["\n  subscription LiveFlowEvents($flowId: ID!, $after: String) {\n    flowSharingEvents(flowId: $flowId, after: $after) { cursor kind principal { ... on User { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveEnvironmentEvents($environmentId: ID!, $after: String) {\n    environmentSharingEvents(environmentId: $environmentId, after: $after) { cursor kind flowId actorRole }\n  }\n"): (typeof documents)["\n  subscription LiveEnvironmentEvents($environmentId: ID!, $after: String) {\n    environmentSharingEvents(environmentId: $environmentId, after: $after) { cursor kind flowId actorRole }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiveOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename ... on ModifyFlowOwnersSuccess { eventCursor } } }\n"): (typeof documents)["\n  mutation LiveOwners($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename ... on ModifyFlowOwnersSuccess { eventCursor } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiveRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation LiveRunOnly($input: ModifyRunOnlyUsersInput!) { modifyRunOnlyUsers(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiveSendCopy($input: SendFlowCopyInput!) { sendFlowCopy(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation LiveSendCopy($input: SendFlowCopyInput!) { sendFlowCopy(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiveSetRole($input: SetEnvironmentRoleInput!) { setEnvironmentRole(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation LiveSetRole($input: SetEnvironmentRoleInput!) { setEnvironmentRole(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer { id externalId displayName email kind status license tenant { id displayName cloud } }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer { id externalId displayName email kind status license tenant { id displayName cloud } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateConnection($input: CreateConnectionInput!) {\n    createConnection(input: $input) {\n      __typename\n      ... on CreateConnectionSuccess {\n        connection { id displayName status owner { id } connector { id } environment { id } scopedToFlow { id } }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateConnection($input: CreateConnectionInput!) {\n    createConnection(input: $input) {\n      __typename\n      ... on CreateConnectionSuccess {\n        connection { id displayName status owner { id } connector { id } environment { id } scopedToFlow { id } }\n      }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FlowFields on Flow {\n    id\n    displayName\n    description\n    trigger\n    state\n    suspensionReason\n    solutionAware\n    createdAt\n    modifiedAt\n    environment { id }\n    creator { id }\n    primaryOwner { id }\n    actions { name connectionReference { id connection { id } } }\n    connectionReferences { id usage runOnlySource connection { id owner { id } } }\n    viewerAccess { level canView canEdit canRun canShare canManageOwners canDelete canViewRunHistory blockedReason paths { kind } }\n  }\n"): (typeof documents)["\n  fragment FlowFields on Flow {\n    id\n    displayName\n    description\n    trigger\n    state\n    suspensionReason\n    solutionAware\n    createdAt\n    modifiedAt\n    environment { id }\n    creator { id }\n    primaryOwner { id }\n    actions { name connectionReference { id connection { id } } }\n    connectionReferences { id usage runOnlySource connection { id owner { id } } }\n    viewerAccess { level canView canEdit canRun canShare canManageOwners canDelete canViewRunHistory blockedReason paths { kind } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFlow($input: CreateFlowInput!) {\n    createFlow(input: $input) {\n      __typename\n      ... on CreateFlowSuccess { flow { ...FlowFields } }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateFlow($input: CreateFlowInput!) {\n    createFlow(input: $input) {\n      __typename\n      ... on CreateFlowSuccess { flow { ...FlowFields } }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      __typename\n      ... on UpdateFlowSuccess { flow { ...FlowFields } }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateFlow($input: UpdateFlowInput!) {\n    updateFlow(input: $input) {\n      __typename\n      ... on UpdateFlowSuccess { flow { ...FlowFields } }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetFlowState($input: SetFlowStateInput!) {\n    setFlowState(input: $input) {\n      __typename\n      ... on SetFlowStateSuccess { flow { id state suspensionReason } }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation SetFlowState($input: SetFlowStateInput!) {\n    setFlowState(input: $input) {\n      __typename\n      ... on SetFlowStateSuccess { flow { id state suspensionReason } }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteFlow($input: DeleteFlowInput!) {\n    deleteFlow(input: $input) {\n      __typename\n      ... on DeleteFlowSuccess { deletedFlowId }\n      ... on OperationError { code message field }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteFlow($input: DeleteFlowInput!) {\n    deleteFlow(input: $input) {\n      __typename\n      ... on DeleteFlowSuccess { deletedFlowId }\n      ... on OperationError { code message field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyFlows($environmentId: ID, $first: Int, $after: String, $last: Int, $before: String) {\n    myFlows(environmentId: $environmentId, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id displayName } }\n    }\n  }\n"): (typeof documents)["\n  query MyFlows($environmentId: ID, $first: Int, $after: String, $last: Int, $before: String) {\n    myFlows(environmentId: $environmentId, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id displayName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyConnections($environmentId: ID, $first: Int, $after: String) {\n    myConnections(environmentId: $environmentId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id displayName } }\n    }\n  }\n"): (typeof documents)["\n  query MyConnections($environmentId: ID, $first: Int, $after: String) {\n    myConnections(environmentId: $environmentId, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id displayName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowById($id: ID!) {\n    node(id: $id) { __typename ... on Flow { ...FlowFields } }\n  }\n"): (typeof documents)["\n  query FlowById($id: ID!) {\n    node(id: $id) { __typename ... on Flow { ...FlowFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TryModifyFlowOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"): (typeof documents)["\n  mutation TryModifyFlowOwners($input: ModifyFlowOwnersInput!) {\n    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TryModifyRunOnlyUsers($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"): (typeof documents)["\n  mutation TryModifyRunOnlyUsers($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TryChangePrimaryOwner($input: ChangePrimaryOwnerInput!) {\n    changePrimaryOwner(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"): (typeof documents)["\n  mutation TryChangePrimaryOwner($input: ChangePrimaryOwnerInput!) {\n    changePrimaryOwner(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrySendFlowCopy($input: SendFlowCopyInput!) {\n    sendFlowCopy(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"): (typeof documents)["\n  mutation TrySendFlowCopy($input: SendFlowCopyInput!) {\n    sendFlowCopy(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TryCreateFlowFromCopy($input: CreateFlowFromCopyInput!) {\n    createFlowFromCopy(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"): (typeof documents)["\n  mutation TryCreateFlowFromCopy($input: CreateFlowFromCopyInput!) {\n    createFlowFromCopy(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrySaveFlowAs($input: SaveFlowAsInput!) {\n    saveFlowAs(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"): (typeof documents)["\n  mutation TrySaveFlowAs($input: SaveFlowAsInput!) {\n    saveFlowAs(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TryReplaceFlowConnection($input: ReplaceFlowConnectionInput!) {\n    replaceFlowConnection(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"): (typeof documents)["\n  mutation TryReplaceFlowConnection($input: ReplaceFlowConnectionInput!) {\n    replaceFlowConnection(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TryUpdateConnectionCredentials($input: UpdateConnectionCredentialsInput!) {\n    updateConnectionCredentials(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"): (typeof documents)["\n  mutation TryUpdateConnectionCredentials($input: UpdateConnectionCredentialsInput!) {\n    updateConnectionCredentials(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TryTriggerFlow($input: TriggerFlowInput!) {\n    triggerFlow(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"): (typeof documents)["\n  mutation TryTriggerFlow($input: TriggerFlowInput!) {\n    triggerFlow(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrySetDlpPolicy($input: SetDlpPolicyInput!) {\n    setDlpPolicy(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"): (typeof documents)["\n  mutation TrySetDlpPolicy($input: SetDlpPolicyInput!) {\n    setDlpPolicy(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrySetEnvironmentRole($input: SetEnvironmentRoleInput!) {\n    setEnvironmentRole(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"): (typeof documents)["\n  mutation TrySetEnvironmentRole($input: SetEnvironmentRoleInput!) {\n    setEnvironmentRole(input: $input) { __typename ... on OperationError { code message field } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowSharing($id: ID!) {\n    node(id: $id) {\n      ... on Flow {\n        displayName\n        state\n        owners(first: 100) { totalCount }\n        runOnlyUsers(first: 100) { totalCount }\n        runs(first: 1) { totalCount }\n        connectionReferences { id runOnlySource connection { id } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FlowSharing($id: ID!) {\n    node(id: $id) {\n      ... on Flow {\n        displayName\n        state\n        owners(first: 100) { totalCount }\n        runOnlyUsers(first: 100) { totalCount }\n        runs(first: 1) { totalCount }\n        connectionReferences { id runOnlySource connection { id } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReceivedCopyIds { receivedCopies(first: 100) { totalCount edges { node { id } } } }\n"): (typeof documents)["\n  query ReceivedCopyIds { receivedCopies(first: 100) { totalCount edges { node { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DlpPolicies { environments { id dlpPolicy { classifications { class connector { id } } } } }\n"): (typeof documents)["\n  query DlpPolicies { environments { id dlpPolicy { classifications { class connector { id } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TrustedOwnerEvents($after: String) { sharingEvents(after: $after) { cursor kind flowId } }\n"): (typeof documents)["\n  subscription TrustedOwnerEvents($after: String) { sharingEvents(after: $after) { cursor kind flowId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrustedAddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"): (typeof documents)["\n  mutation TrustedAddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowUsage($environmentId: ID!, $since: DateTime!, $until: DateTime, $first: Int, $after: String, $runners: Int) {\n    flowUsage(environmentId: $environmentId, since: $since, until: $until, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          flow { id displayName }\n          runs failedRuns distinctRunners guestRunners lastRunAt\n          runners(first: $runners) { user { id displayName } runs lastRunAt access }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FlowUsage($environmentId: ID!, $since: DateTime!, $until: DateTime, $first: Int, $after: String, $runners: Int) {\n    flowUsage(environmentId: $environmentId, since: $since, until: $until, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          flow { id displayName }\n          runs failedRuns distinctRunners guestRunners lastRunAt\n          runners(first: $runners) { user { id displayName } runs lastRunAt access }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UsageShareRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message } }\n  }\n"): (typeof documents)["\n  mutation UsageShareRunOnly($input: ModifyRunOnlyUsersInput!) {\n    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;