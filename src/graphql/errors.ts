// Mutation results: a union of a success type and OperationError. Domain errors become
// OperationError with their code; unexpected errors stay errors (and are masked by Yoga).
import type { ObjectRef } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';
import { isOutage } from '../db/outage.js';
import { retryingLostRaces, sqlState } from '../db/retry.js';
import { DomainError, errorCodes } from '../policy/errors.js';
import type { UserRow } from '../sharing/access.js';
import { builder, type Types } from './builder.js';
import { requireViewer, type Context } from './context.js';

export const ErrorCode = builder.enumType('ErrorCode', { values: errorCodes });

/**
 * A domain error as data. Not the DomainError itself: GraphQL treats a resolved Error
 * instance as a thrown one.
 */
export type OperationErrorShape = { operationError: true; code: ErrorCodeValue; message: string; field: string[] | null };
type ErrorCodeValue = DomainError['code'];

function asOperationError(error: DomainError): OperationErrorShape {
  return { operationError: true, code: error.code, message: error.message, field: error.field ?? null };
}

const isOperationError = (value: unknown): value is OperationErrorShape =>
  typeof value === 'object' && value !== null && 'operationError' in value;

const ErrorInterface = builder.interfaceRef<OperationErrorShape>('Error').implement({
  description: 'What went wrong with a mutation, as data the client can act on.',
  fields: (t) => ({
    code: t.field({ type: ErrorCode, resolve: (e) => e.code }),
    message: t.exposeString('message'),
  }),
});

export const OperationError = builder.objectRef<OperationErrorShape>('OperationError').implement({
  description: 'The generic error: a code, a message for people, and the input field at fault.',
  interfaces: [ErrorInterface],
  isTypeOf: isOperationError,
  fields: (t) => ({
    field: t.stringList({
      nullable: true,
      description: 'Input fields at fault, as paths like ["input", "add", "0"].',
      resolve: (e) => e.field,
    }),
  }),
});

/** `<Name>Result = <Name>Success | OperationError`. */
export function resultUnion<T extends object>(name: string, success: ObjectRef<Types, T>) {
  return builder.unionType(`${name}Result`, {
    types: [success, OperationError],
    resolveType: (value) => (isOperationError(value) ? OperationError : success),
  });
}

// PostgreSQL's unique violation and serialization failure: a concurrent change won the race.
const CONFLICT_CODES = new Set(['23505', '40001', '40P01']);
// A deadlock or serialization failure: the transaction wrote nothing and is run again (S29).
// A foreign-key violation: what the mutation refers to was deleted meanwhile (S29).
const VANISHED_CODES = new Set(['23503']);

/**
 * Runs a mutation for the signed-in viewer; a domain error becomes the result. Without a
 * viewer it is what every field but `viewer` answers, on every transport: a GraphQL error
 * UNAUTHENTICATED, HTTP 401 (requireViewer), not a result.
 */
export async function attempt<T>(ctx: Context, run: (viewer: UserRow) => Promise<T>): Promise<T | OperationErrorShape> {
  const viewer = requireViewer(ctx);
  try {
    // Each use case is one transaction: a failed attempt wrote nothing and woke no one.
    const result = await retryingLostRaces(() => run(viewer));
    // Committed: let live subscribers here and in other processes hear of it now.
    void ctx.feed.wake();
    return result;
  } catch (error) {
    if (error instanceof DomainError) return asOperationError(error);
    const code = sqlState(error);
    if (code && VANISHED_CODES.has(code)) {
      return asOperationError(
        new DomainError('NOT_FOUND', 'Something this change refers to was deleted meanwhile; re-read and try again.'),
      );
    }
    if (code && CONFLICT_CODES.has(code)) {
      return asOperationError(new DomainError('CONFLICT', 'Someone changed this at the same time; try again.'));
    }
    // An outage stays an error (the contract's ErrorCode has no code for it): maskError shows
    // it as SERVICE_UNAVAILABLE with HTTP 503.
    throw error;
  }
}

/** Seconds a client is asked to wait before retrying after SERVICE_UNAVAILABLE. */
export const RETRY_AFTER_S = 5;

/**
 * The error clients see when the database is unreachable or did not answer in time: code
 * SERVICE_UNAVAILABLE, HTTP 503 with Retry-After. A query can be retried as it is; a mutation
 * whose connection broke during its commit may have been applied, so re-read before retrying.
 */
export function serviceUnavailable(at?: { nodes?: GraphQLError['nodes']; path?: GraphQLError['path'] }): GraphQLError {
  return new GraphQLError('The database is unavailable or did not answer in time; try again in a few seconds.', {
    nodes: at?.nodes,
    path: at?.path,
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'retry-after': String(RETRY_AFTER_S) } } },
  });
}

/**
 * Yoga's error masking, plus: a domain error thrown by a query field (a malformed id, say)
 * is shown with its code, like an OperationError would be; a database outage (isOutage) is
 * SERVICE_UNAVAILABLE; anything else stays masked.
 */
export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (isOutage(original)) {
    return serviceUnavailable(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : undefined);
  }
  if (original instanceof DomainError && error instanceof GraphQLError) {
    return new GraphQLError(original.message, {
      nodes: error.nodes,
      path: error.path,
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
    });
  }
  return yogaMaskError(error, message, isDev);
}
