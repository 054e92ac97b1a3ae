// Real subscription clients for tests: graphql-ws over WebSocket, and Yoga's SSE over fetch.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
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

/** One subscription over Yoga's SSE ("distinct connections"): POST with Accept: text/event-stream. */
export function sseSubscribe<R, V>(graphqlUrl: string, token: string, document: TypedDocumentNode<R, V>, variables: V): Received<R> {
  const abort = new AbortController();
  const received = collector<R>(() => abort.abort());
  void (async () => {
    try {
      const response = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: print(document), variables }),
        signal: abort.signal,
      });
      const decoder = new TextDecoder();
      let buffer = '';
      for await (const chunk of response.body!) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(message)?.[1];
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (event === 'complete') received.complete();
          else if (data) {
            const result = JSON.parse(data) as { data?: R; errors?: Received<R>['errors'] };
            if (result.errors?.length) result.errors.forEach((e) => received.fail(e));
            else received.push(result.data as R);
          }
        }
      }
      received.complete();
    } catch (error) {
      if (!abort.signal.aborted) received.fail({ message: (error as Error).message });
    }
  })();
  return received;
}
