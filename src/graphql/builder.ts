// The one Pothos builder. Each area file adds its own types and Query/Mutation fields.
import SchemaBuilder from '@pothos/core';
import RelayPlugin from '@pothos/plugin-relay';
import { GraphQLError, Kind } from 'graphql';
import type { Context } from './context.js';

type BuilderTypes = {
  Context: Context;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    ID: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  /** Every connection has a totalCount, counted only when asked for. */
  Connection: { totalCount: () => Promise<number> };
};
export type Types = PothosSchemaTypes.ExtendDefaultTypes<BuilderTypes>;

export const builder = new SchemaBuilder<BuilderTypes>({
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // node/nodes are ours (nodes.ts): a malformed or foreign id answers null, not an error.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO 8601 string with a time zone.',
  serialize: (value) => (value as Date).toISOString(),
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseDateTime(ast.value) : invalidDateTime()),
});

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value)) {
    return invalidDateTime();
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? invalidDateTime() : date;
}

function invalidDateTime(): never {
  throw new GraphQLError('DateTime must be an ISO 8601 string with a time zone, like 2026-01-31T12:00:00Z', {
    extensions: { code: 'INVALID_INPUT' },
  });
}

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many there are in all.', resolve: (connection) => connection.totalCount() }),
);
