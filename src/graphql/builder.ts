// The one Pothos builder. Each area file adds its own types and Query/Mutation fields.
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import { GraphQLError, Kind } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import type { Context } from './context.js';
import { EDGES_COST, fieldCost } from './cost.js';

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
  plugins: [ComplexityPlugin, RelayPlugin],
  defaultFieldNullability: false,
  // Each field's price (cost.ts); the limit is checked before execution by a validation rule
  // in limits.ts, so it applies to HTTP, WebSocket and SSE alike.
  complexity: { fieldComplexity: fieldCost },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // node/nodes are ours (nodes.ts): a malformed or foreign id answers null, not an error.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    // A connection's selection is already counted once per `first`/`last` (cost.ts).
    edgesFieldOptions: { nullable: false, complexity: EDGES_COST },
    nodeFieldOptions: { nullable: false },
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

builder.scalarType('DateTime', {
  description: 'An instant, as an RFC 3339 date-time with a time zone, like 2026-01-31T12:00:00Z.',
  serialize: (value) => (value as Date).toISOString(),
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseDateTime(ast.value) : invalidDateTime()),
});

/** Strict RFC 3339 (graphql-scalars): no February 30th, no 24:00, no date without a time. */
function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string') return invalidDateTime();
  try {
    return DateTimeResolver.parseValue(value) as Date;
  } catch {
    return invalidDateTime();
  }
}

function invalidDateTime(): never {
  throw new GraphQLError('DateTime must be an RFC 3339 date-time with a time zone, like 2026-01-31T12:00:00Z', {
    extensions: { code: 'INVALID_INPUT' },
  });
}

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many there are in all.', resolve: (connection) => connection.totalCount() }),
);
