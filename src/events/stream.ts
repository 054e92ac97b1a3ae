// One subscriber's stream: replay the log after a cursor, then go live, with no gap and no
// duplicate at the seam. The live listener is registered *before* the replay is read, so
// every event committed after registration reaches the stream live, and every event
// committed before it is in the replay; events that come both ways are dropped by position.
import type { EventRow, FeedScope, LogFeed } from './feed.js';
import { EventQueue, type Pushed } from './queue.js';

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

// Per-subscription state lives in a class, not in closures: thousands of streams sit idle at once,
// and every closure a stream keeps is kept thousands of times (issue #13).
export function replayThenLive(options: StreamOptions): AsyncIterableIterator<EventRow | StreamEnd> {
  const stream = new LiveStream(options);
  return new EventQueue<EventRow | StreamEnd>((push, stop) => stream.run(push, stop));
}

type Push = (value: EventRow | StreamEnd) => Pushed;

class LiveStream {
  readonly options: StreamOptions;
  delivered: number;
  ended = false;
  live = false;
  readonly held: EventRow[] = [];
  /** Deliveries run one after another, so events keep their order across awaits. */
  chain: Promise<unknown> = Promise.resolve();
  waiting = 0;
  timer: NodeJS.Timeout | undefined;
  push!: Push;
  stop!: () => void;

  constructor(options: StreamOptions) {
    this.options = options;
    this.delivered = options.after ?? Number.NEGATIVE_INFINITY;
  }

  async run(push: Push, stop: (() => void) & PromiseLike<void>): Promise<void> {
    this.push = push;
    this.stop = stop;
    const { options } = this;
    const unsubscribe = options.feed.subscribe(options.scope, (event) => this.received(event));
    // Registered before the checks below: a departure committed before one of them is seen by
    // it, one committed after is seen by the feed (it reads the directory version with the log).
    const viewer = options.viewer;
    const unwatch = viewer ? options.feed.watchViewer(viewer.id, () => this.end(viewer.departed())) : undefined;
    if (options.endsAt) this.arm();

    try {
      if (options.after !== null) {
        for (let page: EventRow[] = []; !this.ended; ) {
          page = await options.replay(this.delivered, REPLAY_PAGE);
          // Asked after the page is read: still active now means active when it was read.
          if (!(await this.stillActive())) break;
          for (const event of page) await this.deliver(event);
          if (page.length < REPLAY_PAGE) break;
        }
      } else {
        await this.stillActive();
      }
      this.live = true;
      for (const event of this.held.splice(0)) this.enqueue(event);
    } catch (error) {
      this.end(error as Error);
    }
    await stop;
    unsubscribe();
    unwatch?.();
    clearTimeout(this.timer);
  }

  end(error?: Error): void {
    if (this.ended) return;
    this.ended = true;
    const pushed = error && this.push({ end: error });
    if (pushed) void pushed.then(() => this.stop());
    else this.stop();
  }

  received(event: EventRow): void {
    const { options } = this;
    if (this.ended || (options.accept && !options.accept(event))) return;
    if (this.waiting + this.held.length >= MAX_BEHIND) this.end(options.tooSlow());
    else if (this.live) this.enqueue(event);
    else this.held.push(event);
  }

  async stillActive(): Promise<boolean> {
    const viewer = this.options.viewer;
    if (viewer && !(await this.options.feed.isActive(viewer.id))) this.end(viewer.departed());
    return !this.ended;
  }

  /** A token may outlive one timer (30-day tokens): re-arm until its time has really come. */
  arm(): void {
    const endsAt = this.options.endsAt!;
    const left = endsAt.at.getTime() - Date.now();
    // Not a number: a date past what Date holds (the verifier refuses such tokens anyway).
    if (!(left > 0)) this.end(endsAt.error());
    else this.timer = setTimeout(() => this.arm(), Math.min(MAX_TIMER, left));
  }

  enqueue(event: EventRow): void {
    const idle = this.waiting === 0;
    this.waiting++;
    if (idle) {
      // Nothing before it still on its way: delivered now, not a turn of the chain later.
      let delivering: Promise<unknown> | undefined;
      try {
        delivering = this.deliver(event);
      } catch (error) {
        this.settled(error as Error);
        return;
      }
      if (delivering)
        this.chain = delivering.then(
          () => this.settled(),
          (error: Error) => this.settled(error),
        );
      else this.settled();
      return;
    }
    this.chain = this.chain
      .then(() => this.deliver(event))
      .then(
        () => this.settled(),
        (error: Error) => this.settled(error),
      );
  }

  /** One delivery settled (consumed, refused or failed). */
  settled(error?: Error): void {
    this.waiting--;
    if (error) this.end(error);
  }

  // Per event and subscriber, as few promises as will keep the order: an event authorized in
  // memory (or needing no check) is pushed at once; only a check that queries waits for it.
  deliver(event: EventRow): Promise<unknown> | undefined {
    if (this.ended || event.position <= this.delivered) return;
    const decided = this.options.authorize?.(event) ?? null;
    if (decided === null) return this.pass(event);
    if (decided instanceof Error) return void this.end(decided);
    return decided.then((refusal) => {
      if (this.ended) return;
      if (refusal) return this.end(refusal);
      return this.pass(event);
    });
  }

  /** Hands the event on; a promise only while the consumer has not taken it yet. */
  pass(event: EventRow): Promise<unknown> | undefined {
    this.delivered = event.position;
    const consumed = this.push(event);
    const isLast = this.options.isLast;
    if (!isLast) return consumed;
    if (!consumed) return void (isLast(event) && this.end());
    return consumed.then(() => isLast(event) && this.end());
  }
}
