// Logs never carry SQL parameters: they hold users' input (names, emails, tokens' subjects).
// drizzle's DrizzleQueryError puts them in its message ("Failed query: ...\nparams: ...") and so
// in its stack; what is logged keeps the statement and the database's reason, not the values.
import { GraphQLError } from 'graphql';

const PARAMS = /\nparams: [\s\S]*$/;

/** An error's message without SQL parameters. */
export function safeMessage(error: unknown): string {
  return error instanceof Error ? error.message.replace(PARAMS, '') : String(error);
}

/** What to log for any value: errors that carry SQL parameters (directly or inside a GraphQLError) are rewritten. */
export function redactForLog(value: unknown): unknown {
  const original = value instanceof GraphQLError ? value.originalError : value;
  if (!(original instanceof Error) || !PARAMS.test(original.message)) return value;
  const message = safeMessage(original);
  const cause = original.cause as { code?: string; message?: string } | undefined;
  return {
    error: original.name,
    message,
    ...(value instanceof GraphQLError && value.path ? { path: value.path } : {}),
    ...(cause ? { cause: { code: cause.code, message: cause.message } } : {}),
    stack: original.stack?.replace(original.message, message),
  };
}
