// Operations the tests share, as typed documents (codegen: npm run schema).
import { graphql } from '../gql/index.js';

export const ViewerQuery = graphql(`
  query Viewer {
    viewer { id externalId displayName email kind status license tenant { id displayName cloud } }
  }
`);

export const CreateConnection = graphql(`
  mutation CreateConnection($input: CreateConnectionInput!) {
    createConnection(input: $input) {
      __typename
      ... on CreateConnectionSuccess {
        connection { id displayName status owner { id } connector { id } environment { id } scopedToFlow { id } }
      }
      ... on OperationError { code message field }
    }
  }
`);

export const FlowFields = graphql(`
  fragment FlowFields on Flow {
    id
    displayName
    description
    trigger
    state
    suspensionReason
    solutionAware
    createdAt
    modifiedAt
    environment { id }
    creator { id }
    primaryOwner { id }
    actions { name connectionReference { id connection { id } } }
    connectionReferences { id usage runOnlySource connection { id owner { id } } }
    viewerAccess { level canView canEdit canRun canShare canManageOwners canDelete canViewRunHistory blockedReason paths { kind } }
  }
`);

export const CreateFlow = graphql(`
  mutation CreateFlow($input: CreateFlowInput!) {
    createFlow(input: $input) {
      __typename
      ... on CreateFlowSuccess { flow { ...FlowFields } }
      ... on OperationError { code message field }
    }
  }
`);

export const UpdateFlow = graphql(`
  mutation UpdateFlow($input: UpdateFlowInput!) {
    updateFlow(input: $input) {
      __typename
      ... on UpdateFlowSuccess { flow { ...FlowFields } }
      ... on OperationError { code message field }
    }
  }
`);

export const SetFlowState = graphql(`
  mutation SetFlowState($input: SetFlowStateInput!) {
    setFlowState(input: $input) {
      __typename
      ... on SetFlowStateSuccess { flow { id state suspensionReason } }
      ... on OperationError { code message field }
    }
  }
`);

export const DeleteFlow = graphql(`
  mutation DeleteFlow($input: DeleteFlowInput!) {
    deleteFlow(input: $input) {
      __typename
      ... on DeleteFlowSuccess { deletedFlowId }
      ... on OperationError { code message field }
    }
  }
`);

export const MyFlows = graphql(`
  query MyFlows($environmentId: ID, $first: Int, $after: String, $last: Int, $before: String) {
    myFlows(environmentId: $environmentId, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id displayName } }
    }
  }
`);

export const MyConnections = graphql(`
  query MyConnections($environmentId: ID, $first: Int, $after: String) {
    myConnections(environmentId: $environmentId, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id displayName } }
    }
  }
`);

export const FlowById = graphql(`
  query FlowById($id: ID!) {
    node(id: $id) { __typename ... on Flow { ...FlowFields } }
  }
`);

// ------------------------------------------------------------------ every mutation, by its outcome
// For tests that try many inputs (input hygiene, fuzzing): the result's type and, for an
// OperationError, its code and field.

export const TryModifyFlowOwners = graphql(`
  mutation TryModifyFlowOwners($input: ModifyFlowOwnersInput!) {
    modifyFlowOwners(input: $input) { __typename ... on OperationError { code message field } }
  }
`);

export const TryModifyRunOnlyUsers = graphql(`
  mutation TryModifyRunOnlyUsers($input: ModifyRunOnlyUsersInput!) {
    modifyRunOnlyUsers(input: $input) { __typename ... on OperationError { code message field } }
  }
`);

export const TryChangePrimaryOwner = graphql(`
  mutation TryChangePrimaryOwner($input: ChangePrimaryOwnerInput!) {
    changePrimaryOwner(input: $input) { __typename ... on OperationError { code message field } }
  }
`);

export const TrySendFlowCopy = graphql(`
  mutation TrySendFlowCopy($input: SendFlowCopyInput!) {
    sendFlowCopy(input: $input) { __typename ... on OperationError { code message field } }
  }
`);

export const TryCreateFlowFromCopy = graphql(`
  mutation TryCreateFlowFromCopy($input: CreateFlowFromCopyInput!) {
    createFlowFromCopy(input: $input) { __typename ... on OperationError { code message field } }
  }
`);

export const TrySaveFlowAs = graphql(`
  mutation TrySaveFlowAs($input: SaveFlowAsInput!) {
    saveFlowAs(input: $input) { __typename ... on OperationError { code message field } }
  }
`);

export const TryReplaceFlowConnection = graphql(`
  mutation TryReplaceFlowConnection($input: ReplaceFlowConnectionInput!) {
    replaceFlowConnection(input: $input) { __typename ... on OperationError { code message field } }
  }
`);

export const TryUpdateConnectionCredentials = graphql(`
  mutation TryUpdateConnectionCredentials($input: UpdateConnectionCredentialsInput!) {
    updateConnectionCredentials(input: $input) { __typename ... on OperationError { code message field } }
  }
`);

export const TryTriggerFlow = graphql(`
  mutation TryTriggerFlow($input: TriggerFlowInput!) {
    triggerFlow(input: $input) { __typename ... on OperationError { code message field } }
  }
`);

export const TrySetDlpPolicy = graphql(`
  mutation TrySetDlpPolicy($input: SetDlpPolicyInput!) {
    setDlpPolicy(input: $input) { __typename ... on OperationError { code message field } }
  }
`);

export const TrySetEnvironmentRole = graphql(`
  mutation TrySetEnvironmentRole($input: SetEnvironmentRoleInput!) {
    setEnvironmentRole(input: $input) { __typename ... on OperationError { code message field } }
  }
`);

/** What the sharing mutations write about one flow, as its owner sees it. */
export const FlowSharing = graphql(`
  query FlowSharing($id: ID!) {
    node(id: $id) {
      ... on Flow {
        displayName
        state
        owners(first: 100) { totalCount }
        runOnlyUsers(first: 100) { totalCount }
        runs(first: 1) { totalCount }
        connectionReferences { id runOnlySource connection { id } }
      }
    }
  }
`);

export const ReceivedCopyIds = graphql(`
  query ReceivedCopyIds { receivedCopies(first: 100) { totalCount edges { node { id } } } }
`);

export const DlpPolicies = graphql(`
  query DlpPolicies { environments { id dlpPolicy { classifications { class connector { id } } } } }
`);
