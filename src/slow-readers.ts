// A reader that stops reading is dropped. Streams (SSE responses, WebSockets) respect
// backpressure, so a client that never reads holds a socket, its subscription and the events
// queued for it for as long as it likes. Whatever the transport, output that has waited for
// the client for longer than `stalledMs` ends the connection; the client may resume from its
// cursor (nothing is lost: events are read from the log).

export type Watched = {
  /** True while output is waiting for the client to read. */
  isStalled(): boolean;
  drop(): void;
};

export type SlowReaderWatch = { watch(target: Watched): () => void; close(): void };

export function watchSlowReaders(stalledMs: number): SlowReaderWatch {
  const since = new Map<Watched, number>();
  const timer = setInterval(
    () => {
      const now = Date.now();
      for (const [target, stalledAt] of since) {
        if (!target.isStalled()) since.set(target, Number.POSITIVE_INFINITY);
        else if (stalledAt === Number.POSITIVE_INFINITY) since.set(target, now);
        else if (now - stalledAt >= stalledMs) {
          since.delete(target);
          target.drop();
        }
      }
    },
    Math.max(25, Math.floor(stalledMs / 4)),
  );
  timer.unref();
  return {
    watch(target) {
      since.set(target, Number.POSITIVE_INFINITY);
      return () => void since.delete(target);
    },
    close: () => clearInterval(timer),
  };
}
