// What one operation may cost, checked before anything runs, on HTTP, WebSocket and SSE alike
// (every path goes through Yoga's envelop: parse, validate, execute, subscribe).
// - graphql-armor at parse and validation time: tokens (before the parser recurses, so deep
//   nesting can't overflow the stack), depth, aliases, directives. They don't depend on variables.
// - Pothos complexity just before execution: a connection's selection counts once per
//   `first`/`last` (cost.ts), which armor's cost limit can't see through variables.
// Introspection is bounded by graphql-js's own MaxIntrospectionDepthRule (a specified rule) and
// by the same token, depth and alias limits.
import type { Plugin } from '@envelop/core';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { createComplexityRule } from '@pothos/plugin-complexity';
import { GraphQLError, validate, type DocumentNode, type GraphQLSchema, type ValidationContext } from 'graphql';
import type { Limits } from '../config.js';

/** The code of every refusal by a limit; HTTP 400. */
export const LIMIT_CODE = 'QUERY_TOO_COMPLEX';

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message.replace(/^Syntax Error: /, ''), {
    // Like graphql-js's own validation errors: 400 for `application/graphql-response+json`,
    // 200 for legacy `application/json` clients (GraphQL over HTTP).
    extensions: { code: LIMIT_CODE, http: { status: 400, spec: true } },
  });
}

// armor's rules report through the validation context instead of throwing out of validate().
const reportWithCode = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(tooComplex(error.message))],
};

export function limitPlugins(limits: Limits): Plugin[] {
  return [
    maxTokensPlugin({
      n: limits.tokens,
      // Thrown from inside the parser: parsing stops at the limit.
      onReject: [
        (_: unknown, error: GraphQLError) => {
          throw tooComplex(error.message);
        },
      ],
    }),
    maxDepthPlugin({ n: limits.depth, flattenFragments: true, ...reportWithCode }),
    // __typename counts too (armor lets it through by default): 500,000 of them took 5 s.
    maxAliasesPlugin({ n: limits.aliases, allowList: [], ...reportWithCode }),
    maxDirectivesPlugin({ n: limits.directives, ...reportWithCode }),
    costLimitPlugin(limits.cost),
  ];
}

/**
 * The cost limit needs the variables (`first: $n`), so it runs on execute and subscribe rather
 * than in validation, whose result Yoga caches per document.
 */
function costLimitPlugin(maxCost: number): Plugin {
  const check = (args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    variableValues?: unknown;
    operationName?: string | null;
    contextValue: unknown;
  }): GraphQLError[] => {
    const rule = createComplexityRule({
      context: (args.contextValue ?? {}) as object,
      variableValues: (args.variableValues ?? {}) as Record<string, unknown>,
      operationName: args.operationName,
      validate: ({ complexity }, report) => {
        if (complexity > maxCost) {
          report(
            tooComplex(
              `The operation costs ${complexity}, more than the limit of ${maxCost}: ask for smaller pages (first/last) or fewer nested lists.`,
            ),
          );
        }
      },
    });
    // Only this rule: the document passed the specified rules already.
    // Variables that do not fit are left for execution to report.
    return validate(args.schema, args.document, [rule]).filter((e) => e.extensions.code === LIMIT_CODE);
  };
  // The cost depends on the document, the operation and the variables only (cost.ts; a bulk
  // field's bound is this server's): Yoga hands the same parsed document for the same text, so
  // the variable sets a document passed with are kept, a few each (issue #13: a validation pass
  // over the document on every request). A refusal is computed every time (its errors are new).
  const passed = new WeakMap<DocumentNode, Set<string>>();
  const cached = (args: Parameters<typeof check>[0]): GraphQLError[] => {
    let known = passed.get(args.document);
    if (!known) {
      known = new Set();
      passed.set(args.document, known);
    }
    const key = `${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
    if (known.has(key)) return [];
    const errors = check(args);
    // Short keys only: a document sent with megabytes of variables is checked each time.
    if (errors.length === 0 && key.length <= MAX_KEY_LENGTH) {
      if (known.size >= MAX_VARIABLE_SETS) known.delete(known.values().next().value!);
      known.add(key);
    }
    return errors;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const errors = cached(args);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const errors = cached(args);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}

/** Variable sets whose cost is kept per document. */
const MAX_VARIABLE_SETS = 32;
const MAX_KEY_LENGTH = 4_096;
