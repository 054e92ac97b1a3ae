// Real subscription clients for tests: graphql-ws over WebSocket, graphql-sse over Yoga's SSE.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient, type Client } from 'graphql-ws';
import { WebSocket } from 'ws';

export type Received<R> = {
  /** Every `next` payload's data, in order. */
  events: R[];
  /** Errors the stream ended with (GraphQL errors in a payload, or a transport error). */
  errors: { message: string; extensions?: { code?: string } }[];
  completed: boolean;
  /** Resolves once `count` events have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<R[]>;
  /** Resolves once the stream has ended, by completion or error. */
  ended(timeoutMs?: number): Promise<void>;
  stop(): void;
};

function collector<R>(stop: () => void): Received<R> & { push(data: R): void; fail(e: Received<R>['errors'][number]): void; complete(): void } {
  const waiters = new Set<() => void>();
  const poke = () => waiters.forEach((w) => w());
  const until = (ready: () => boolean, timeoutMs: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      if (ready()) return resolve();
      const check = () => {
        if (!ready()) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got ${JSON.stringify(received.events)} ${JSON.stringify(received.errors)}`));
      }, timeoutMs);
      waiters.add(check);
    });
  const received = {
    events: [] as R[],
    errors: [] as Received<R>['errors'],
    completed: false,
    waitFor: async (count: number, timeoutMs = 5000) => {
      await until(() => received.events.length >= count, timeoutMs, `${count} event(s)`);
      return received.events.slice(0, count);
    },
    ended: (timeoutMs = 5000) => until(() => received.completed || received.errors.length > 0, timeoutMs, 'the end of the stream'),
    stop,
    push: (data: R) => void (received.events.push(data), poke()),
    fail: (e: Received<R>['errors'][number]) => void (received.errors.push(e), poke()),
    complete: () => void ((received.completed = true), poke()),
  };
  return received;
}

/** A graphql-ws client signed in with `token`; `subscribe` collects one subscription. */
export function wsClient(graphqlUrl: string, token: string | null, options: { onClosed?: (code: number) => void } = {}) {
  const client: Client = createClient({
    url: graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => options.onClosed?.((event as { code: number }).code) },
  });
  return {
    subscribe<R, V>(document: TypedDocumentNode<R, V>, variables: V): Received<R> {
      let unsubscribe = () => {};
      const received = collector<R>(() => unsubscribe());
      unsubscribe = client.subscribe<R>(
        { query: print(document), variables: variables as Record<string, unknown> },
        {
          next: (result) => {
            if (result.errors?.length) result.errors.forEach((e) => received.fail(e as never));
            else received.push(result.data as R);
          },
          error: (error) => received.fail({ message: String((error as Error).message ?? (error as CloseEvent).reason ?? error) }),
          complete: () => received.complete(),
        },
      );
      return received;
    },
    close: () => client.dispose(),
  };
}

/** One subscription over Yoga's SSE ("distinct connections" mode), with the graphql-sse client. */
export function sseSubscribe<R, V>(graphqlUrl: string, token: string, document: TypedDocumentNode<R, V>, variables: V): Received<R> {
  const client = createSseClient({ url: graphqlUrl, headers: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  let unsubscribe = () => {};
  const received = collector<R>(() => {
    unsubscribe();
    client.dispose();
  });
  unsubscribe = client.subscribe<R>(
    { query: print(document), variables: variables as Record<string, unknown> },
    {
      next: (result) => {
        if (result.errors?.length) result.errors.forEach((e) => received.fail(e as never));
        else received.push(result.data as R);
      },
      error: (error) => received.fail({ message: String((error as Error).message ?? error) }),
      complete: () => received.complete(),
    },
  );
  return received;
}
