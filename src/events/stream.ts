// One subscriber's stream: replay the log after a cursor, then go live, with no gap and no
// duplicate at the seam. The live listener is registered *before* the replay is read, so
// every event committed after registration reaches the stream live, and every event
// committed before it is in the replay; events that come both ways are dropped by position.
import type { EventRow, FeedScope, LogFeed } from './feed.js';
import { EventQueue } from './queue.js';

/** Ends a stream with an error the client is shown (lost access, an expired token). */
export type StreamEnd = { end: Error };

export type StreamOptions = {
  feed: LogFeed;
  scope: FeedScope;
  /** Replay from after this position; null starts live. */
  after: number | null;
  /** The scope's events after a position, oldest first, at most `limit`. */
  replay(after: number, limit: number): Promise<EventRow[]>;
  /** Which of the scope's live events this stream wants (kinds, say). */
  accept?(event: EventRow): boolean;
  /** Checked at delivery; an Error ends the stream with it. Decided in memory where it can be (no promise). */
  authorize?(event: EventRow): Error | null | Promise<Error | null>;
  /** After delivering such an event the stream completes (its flow was deleted, say). */
  isLast?(event: EventRow): boolean;
  /**
   * The subscriber (S26): the stream ends with `departed()` once they are no longer active,
   * whether or not another event comes, and delivers nothing committed after that.
   */
  viewer?: { id: string; departed: () => Error };
  /** When the subscriber's sign-in runs out; the stream ends then. */
  endsAt?: { at: Date; error: () => Error };
  /** The error that ends a stream whose reader falls more than MAX_BEHIND events behind. */
  tooSlow: () => Error;
};

const REPLAY_PAGE = 500;
/**
 * Events a stream holds for a reader that does not keep up. Past this the stream ends
 * rather than grow without bound; the reader loses nothing, it resumes from its cursor.
 */
export const MAX_BEHIND = 1_000;
// setTimeout takes at most 2^31-1 ms (about 24.8 days).
const MAX_TIMER = 2 ** 31 - 1;

export function replayThenLive(options: StreamOptions): AsyncIterableIterator<EventRow | StreamEnd> {
  return new EventQueue<EventRow | StreamEnd>(async (push, stop) => {
    let delivered = options.after ?? Number.NEGATIVE_INFINITY;
    let ended = false;
    const end = (error?: Error) => {
      if (ended) return;
      ended = true;
      if (error) void push({ end: error }).then(() => stop());
      else stop();
    };

    // Per event and subscriber, as few promises as will keep the order: an event authorized in
    // memory (or needing no check) is pushed at once; only a check that queries waits for it.
    const pass = (event: EventRow): Promise<unknown> => {
      delivered = event.position;
      const consumed = push(event);
      return options.isLast ? consumed.then(() => options.isLast!(event) && end()) : consumed;
    };
    const deliver = (event: EventRow): Promise<unknown> | undefined => {
      if (ended || event.position <= delivered) return;
      const decided = options.authorize?.(event) ?? null;
      if (decided === null) return pass(event);
      if (decided instanceof Error) return void end(decided);
      return decided.then((refusal) => {
        if (ended) return;
        if (refusal) return end(refusal);
        return pass(event);
      });
    };
    // Deliveries run one after another, so events keep their order across awaits.
    let chain: Promise<unknown> = Promise.resolve();
    let waiting = 0;
    const settled = () => waiting--;
    const failed = (error: Error) => {
      waiting--;
      end(error);
    };
    const enqueue = (event: EventRow) => {
      waiting++;
      chain = chain.then(() => deliver(event)).then(settled, failed);
    };

    let live = false;
    const held: EventRow[] = [];
    const unsubscribe = options.feed.subscribe(options.scope, (event) => {
      if (ended || (options.accept && !options.accept(event))) return;
      if (waiting + held.length >= MAX_BEHIND) return end(options.tooSlow());
      if (live) enqueue(event);
      else held.push(event);
    });
    // Registered before the checks below: a departure committed before one of them is seen by
    // it, one committed after is seen by the feed (it reads the directory version with the log).
    const viewer = options.viewer;
    const unwatch = viewer ? options.feed.watchViewer(viewer.id, () => end(viewer.departed())) : () => {};
    const stillActive = async () => {
      if (viewer && !(await options.feed.isActive(viewer.id))) end(viewer.departed());
      return !ended;
    };
    // A token may outlive one timer (30-day tokens): re-arm until its time has really come.
    let timer: NodeJS.Timeout | undefined;
    const arm = (endsAt: NonNullable<StreamOptions['endsAt']>) => {
      const left = endsAt.at.getTime() - Date.now();
      // Not a number: a date past what Date holds (the verifier refuses such tokens anyway).
      if (!(left > 0)) return end(endsAt.error());
      timer = setTimeout(() => arm(endsAt), Math.min(MAX_TIMER, left));
    };
    if (options.endsAt) arm(options.endsAt);

    try {
      if (options.after !== null) {
        for (let page: EventRow[] = []; !ended; ) {
          page = await options.replay(delivered, REPLAY_PAGE);
          // Asked after the page is read: still active now means active when it was read.
          if (!(await stillActive())) break;
          for (const event of page) await deliver(event);
          if (page.length < REPLAY_PAGE) break;
        }
      } else {
        await stillActive();
      }
      live = true;
      for (const event of held.splice(0)) enqueue(event);
    } catch (error) {
      end(error as Error);
    }
    await stop;
    unsubscribe();
    unwatch();
    clearTimeout(timer);
  });
}
