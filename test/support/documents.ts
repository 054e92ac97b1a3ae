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
