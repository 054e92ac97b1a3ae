// One live event, many subscribers (issue #13): a subscription whose selection reads nothing
// about its viewer gets, for each live event, the very result every other subscription of the
// same document, operation, variables and tenant gets: the selection is executed once per event
// for all of them. A selection with any field that depends on the viewer (what they may see of
// the flow or the connection) is executed for its subscriber alone, as before. Which events a
// subscriber receives at all (its stream, S26, S28) is decided per subscriber in either case:
// only the execution of an event already authorized for them is shared.
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  Kind,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Sink } from '../events/queue.js';
import { createLoaders } from '../reads/loaders.js';
import type { Context } from './context.js';

/**
 * The fields that read the same to every subscriber of an event, per type: the event's own
 * columns, and the scalars of the actor and the principal it names. A principal is shown only
 * within the viewer's tenant (loadPrincipal), so the tenant is part of every class.
 * Anything else (flow, connection, a principal's members) makes the selection the viewer's own.
 */
const SAME_FOR_EVERYONE: Record<string, ReadonlySet<string>> = {
  SharingEvent: new Set(['__typename', 'cursor', 'kind', 'occurredAt', 'flowId', 'flowDisplayName', 'actorRole', 'actor', 'principal']),
  User: new Set(['__typename', 'id', 'externalId', 'displayName', 'email', 'kind', 'status', 'license']),
  Group: new Set(['__typename', 'id', 'externalId', 'displayName']),
  SharePointList: new Set(['__typename', 'id', 'externalId', 'title', 'siteUrl']),
};
/** What each object field above returns: the types its selection may name. */
const RETURNS: Record<string, readonly string[]> = {
  actor: ['User'],
  principal: ['User', 'Group', 'SharePointList'],
};
/** Abstract types a fragment may be on, by the types they stand for. */
const ABSTRACT: Record<string, readonly string[]> = { Principal: RETURNS.principal! };

/** The types a fragment on `condition` narrows `types` to; null when it names one not looked into (Node, say). */
function narrowed(condition: string | undefined, types: readonly string[]): readonly string[] | null {
  if (condition === undefined) return types;
  if (types.includes(condition)) return [condition];
  return ABSTRACT[condition]?.length === types.length && types.every((t) => ABSTRACT[condition]!.includes(t)) ? types : null;
}

/** Is every field this selection may reach, through fragments and directives alike, one of SAME_FOR_EVERYONE? */
function sameForEveryone(
  selectionSet: SelectionSetNode,
  types: readonly string[],
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  depth = 0,
): boolean {
  // Fragments may spread one another (validation refuses cycles): deeper than this is not looked into.
  if (depth > 16) return false;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (!types.every((t) => SAME_FOR_EVERYONE[t]?.has(name))) return false;
      if (!selection.selectionSet) continue;
      const returns = RETURNS[name];
      if (!returns || !sameForEveryone(selection.selectionSet, returns, fragments, depth + 1)) return false;
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
    if (!fragment) return false;
    const on = narrowed(fragment.typeCondition?.name.value, types);
    if (!on || !sameForEveryone(fragment.selectionSet, on, fragments, depth + 1)) return false;
  }
  return true;
}

/** The root fields whose events are SharingEvents (subscriptions.ts). */
const EVENT_FIELDS = new Set(['sharingEvents', 'copyReceived', 'flowSharingEvents', 'environmentSharingEvents']);

const sourceOf = new WeakMap<DocumentNode, string>();
/**
 * The class an operation's events are executed for: the same string for every subscription that
 * would be answered alike, or null when its selection depends on the viewer. Decided once, when
 * the subscription starts.
 */
export function deliveryClass(args: Pick<ExecutionArgs, 'document' | 'operationName' | 'variableValues' | 'contextValue'>): string | null {
  const operation = getOperationAST(args.document, args.operationName);
  if (operation?.operation !== 'subscription') return null;
  const [root] = operation.selectionSet.selections;
  if (operation.selectionSet.selections.length !== 1 || root?.kind !== Kind.FIELD || !EVENT_FIELDS.has(root.name.value)) return null;
  if (!root.selectionSet) return null;
  const fragments = new Map(
    args.document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  if (!sameForEveryone(root.selectionSet, ['SharingEvent'], fragments)) return null;
  const tenant = (args.contextValue as Context | undefined)?.viewer?.tenantId;
  if (!tenant) return null;
  let source = sourceOf.get(args.document);
  if (source === undefined) {
    // The text as sent (parse keeps it); the same text is the same document.
    source = args.document.loc?.source.body ?? JSON.stringify(args.document.definitions);
    sourceOf.set(args.document, source);
  }
  return JSON.stringify([tenant, operation.name?.value ?? args.operationName ?? null, args.variableValues ?? null, source]);
}

type Result = ExecutionResult | Promise<ExecutionResult>;
type Step = { value: ExecutionResult; done: false };
/**
 * Each live event's results by class, as the iterator step every subscriber of the class is
 * handed (one object for all: nobody changes a step): the feed hands one object to all its
 * subscribers, so the first one's execution serves the rest.
 */
const resultsOf = new WeakMap<object, Map<string, Step | Promise<Step>>>();

/** How many times an event's selection has been executed on the shared path (tests count them). */
export const sharedExecutions = { count: 0 };

/** Executes one event for its subscriber, then lets its context drop what the event loaded (releaseLoaders). */
function executeFor(payload: object, args: ExecutionArgs): Result {
  const done = (result: ExecutionResult) => {
    releaseLoaders(args.contextValue as Context);
    return result;
  };
  const result = execute({ ...args, rootValue: payload });
  return 'then' in result ? result.then(done) : done(result);
}

function executeOnce(payload: object, deliveryKey: string, args: ExecutionArgs): Step | Promise<Step> {
  let results = resultsOf.get(payload);
  if (!results) {
    results = new Map();
    resultsOf.set(payload, results);
  }
  let step = results.get(deliveryKey);
  if (!step) {
    sharedExecutions.count++;
    step = stepOf(executeFor(payload, args));
    results.set(deliveryKey, step);
  }
  return step;
}
const stepOf = (result: Result): Step | Promise<Step> => ('then' in result ? result.then(asStep) : asStep(result));

/**
 * A context's loaders made on first use, and forgotten when `releaseLoaders` is called again:
 * an idle subscription keeps none (Yoga's context merge reads context.ts's lazy getter, so
 * every context arrives with a set), and an event's set lives as long as the event.
 */
export function releaseLoaders(ctx: Context, make: () => Context['loaders'] = () => createLoaders(ctx.db, ctx.viewer)): void {
  // Accessor methods, not arrows: a context keeps them while its subscription is idle (issue #13).
  Object.defineProperty(ctx, 'loaders', {
    configurable: true,
    enumerable: true,
    get() {
      const made = make();
      settleLoaders(ctx, made);
      return made;
    },
    set(value: Context['loaders']) {
      settleLoaders(ctx, value);
    },
  });
}
function settleLoaders(ctx: Context, value: Context['loaders']) {
  Object.defineProperty(ctx, 'loaders', { value, writable: true, configurable: true, enumerable: true });
}

/** A stream of results that a transport may also consume by push (events/queue.ts's listen). */
export type OwnStream = AsyncGenerator<ExecutionResult, void, void> & { listen(sink: Sink<ExecutionResult>): Promise<void> };
type Source = AsyncIterator<unknown> & { listen?(sink: Sink<unknown>): Promise<void> };

/**
 * Yoga's subscribe, per subscription: its own source stream (its authorization, its replay),
 * each event mapped to its class's one result. The class of a viewer-specific selection is the
 * subscription alone. A payload of the subscriber's alone (a replayed row, the error that ends
 * its stream) is a different object and so is executed for it alone.
 */
function subscribeWithClass(deliveryKey: string | null) {
  return async (args: ExecutionArgs) => {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const iterator: Source = source[Symbol.asyncIterator]();
    // Methods, not arrows: this object lives as long as the subscription (issue #13).
    const mapped: OwnStream = {
      next() {
        return iterator.next().then((step) => {
          if (step.done) return step;
          const payload = step.value as object;
          return deliveryKey === null ? stepOf(executeFor(payload, args)) : executeOnce(payload, deliveryKey, args);
        });
      },
      /**
       * Each event's result handed to `sink` within the feed's dispatch when it is known at once
       * (a shared class's, after the first subscriber): no promise per subscriber and event.
       */
      listen(sink) {
        return iterator.listen!((payload) => {
          if (deliveryKey === null) {
            const result = executeFor(payload as object, args);
            return 'then' in result ? result.then((value) => sink(value)) : sink(result);
          }
          const step = executeOnce(payload as object, deliveryKey, args);
          return 'then' in step ? step.then((value) => sink(value.value)) : sink(step.value);
        });
      },
      async return() {
        await iterator.return?.();
        return { value: undefined, done: true };
      },
      async throw(error: unknown) {
        await iterator.return?.();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
    // Offered to a transport only when its source can push (every stream of subscriptions.ts);
    // otherwise the transport iterates the stream Yoga answered.
    if (iterator.listen && typeof args.contextValue === 'object' && args.contextValue !== null) ownStreams.set(args.contextValue, mapped);
    return mapped;
  };
}
const asStep = (value: ExecutionResult): Step => ({ value, done: false });

/** Each operation's own stream of results, by its context, until a transport takes it. */
const ownStreams = new WeakMap<object, OwnStream>();

/**
 * The stream of results this plugin made for an operation (by its context), before the per-result
 * wrappers of other plugins (envelop's onNext, onEnd, onSubscribeError hooks) were put around it.
 * A transport that reads it must do what those hooks do itself (server.ts: Yoga's error masking,
 * observe.ts's counts) and end the wrapped stream (`return()`) so that their onEnd hooks run.
 */
export function takeOwnStream(contextValue: unknown): OwnStream | undefined {
  if (typeof contextValue !== 'object' || contextValue === null) return undefined;
  const stream = ownStreams.get(contextValue);
  ownStreams.delete(contextValue);
  return stream;
}

/** Every subscription's events are executed here: once per class for those that read them alike. */
export function sharedDeliveryPlugin(): Plugin {
  return {
    onSubscribe({ args, setSubscribeFn }) {
      setSubscribeFn(subscribeWithClass(deliveryClass(args)) as Parameters<typeof setSubscribeFn>[0]);
    },
  };
}
