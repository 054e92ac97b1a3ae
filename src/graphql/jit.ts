// A compiled executor (graphql-jit through @envelop/graphql-jit) for documents of one query or
// mutation: about half the CPU of graphql-js on a deep page (issue #13). Subscriptions stay on
// graphql-js. Two of its habits are covered here:
// - its cache is keyed by the document alone, not the operation name: a document of several
//   operations would run the first one compiled whatever operationName says, so those stay on
//   graphql-js;
// - its variable coercion drops the scalar's own message ("DateTime must be an RFC 3339
//   date-time…"): variables are coerced by graphql-js first, so a bad variable is refused with
//   the same error whichever executor runs.
import { useGraphQlJit } from '@envelop/graphql-jit';
import type { Plugin } from 'graphql-yoga';
import { getOperationAST, Kind, type DocumentNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { resolveNodeIdsSynchronously } from './node-ids.js';
import { readRelayFieldsPlainly } from './plain-fields.js';

const singleOperation = (document: DocumentNode) => document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length === 1;
/** One query or mutation: subscriptions stay on graphql-js (a graphql-ws stream replaying from a cursor hung under graphql-jit). */
const compiled = (document: DocumentNode) =>
  singleOperation(document) && document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation !== 'subscription');

/** Refuses bad variables with graphql-js's own errors before a compiled query coerces them. */
function useVariablesCoercedByGraphqlJs(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (!compiled(args.document)) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation?.variableDefinitions?.length) return;
      const coerced = getVariableValues(
        args.schema,
        operation.variableDefinitions,
        (args.variableValues ?? {}) as Record<string, unknown>,
        { maxErrors: 50 },
      );
      if (coerced.errors) setResultAndStopExecution({ errors: coerced.errors });
    },
  };
}

/** Last among the plugins: every limit still refuses before anything runs. */
export function jitPlugins(): Plugin[] {
  return [
    // Before any document is compiled: the compiled code takes the fields' resolvers as they are then.
    {
      onSchemaChange: ({ schema }) => {
        resolveNodeIdsSynchronously(schema);
        readRelayFieldsPlainly(schema);
      },
    },
    useVariablesCoercedByGraphqlJs(),
    useGraphQlJit({}, { enableIf: ({ document }) => compiled(document) }) as Plugin,
  ];
}
