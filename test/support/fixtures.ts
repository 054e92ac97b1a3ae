// Making connections and flows through the API, for tests that need some to exist.
import type { CreateFlowInput } from '../gql/graphql.js';
import type { TestApp } from './app.js';
import { ok } from './app.js';
import { CreateConnection, CreateFlow } from './documents.js';

export async function connectionOf(
  app: TestApp,
  token: string,
  input: { environmentId: string; connectorId: string; displayName?: string; flowId?: string },
): Promise<string> {
  const { createConnection } = ok(await app.gql(CreateConnection, { input: { displayName: 'conn', ...input } }, token));
  if (createConnection.__typename !== 'CreateConnectionSuccess') {
    throw new Error(`createConnection failed: ${JSON.stringify(createConnection)}`);
  }
  return createConnection.connection.id;
}

export async function flowOf(app: TestApp, token: string, input: Partial<CreateFlowInput> & { environmentId: string }) {
  const { createFlow } = ok(
    await app.gql(CreateFlow, { input: { displayName: 'A flow', trigger: 'INSTANT', actions: [], ...input } }, token),
  );
  if (createFlow.__typename !== 'CreateFlowSuccess') throw new Error(`createFlow failed: ${JSON.stringify(createFlow)}`);
  return createFlow.flow;
}

/** The error result of a mutation, asserting that it is one. */
export function failure<T extends { __typename?: string }>(result: T) {
  if (result.__typename !== 'OperationError') throw new Error(`expected an OperationError, got ${JSON.stringify(result)}`);
  return result as Extract<T, { __typename?: 'OperationError' }>;
}
