// A one-consumer async iterator fed by an executor, like @repeaterjs/repeater's Repeater (push,
// stop, `await stop`, started by the first next(), push resolving once the consumer wants more),
// with a fraction of its promises per value: a live event reaches thousands of streams at once,
// and every promise a stream makes per event is made thousands of times (issue #13).
// A consumer may instead `listen`: each value is then handed to its sink within the push, with no
// promise and no turn of the event loop unless the sink makes one (the WebSocket transport does
// this, so that one event reaches thousands of sockets in one loop, as a bare broadcast does).

type Stop = (() => void) & PromiseLike<void>;
/** Settles once the consumer has taken the value; undefined when it took it within the push (listen). */
export type Pushed = Promise<void> | undefined;
export type Executor<T> = (push: (value: T) => Pushed, stop: Stop) => Promise<void> | void;
/** A listening consumer: takes a value now (undefined) or when the promise it answers settles. */
export type Sink<T> = (value: T) => Pushed;

type Waiting<T> = { resolve: (step: IteratorResult<T, undefined>) => void; reject: (error: unknown) => void };
const DONE = Object.freeze({ value: undefined, done: true as const });
/** The sink of a listener whose sink failed: what was pushed behind the failure is dropped, not handed to it. */
const dropped = (): Pushed => undefined;
const OPEN = 0;
/** Stopped: what was pushed before is still handed out, then the iterator is done. */
const STOPPING = 1;
const DONE_STATE = 2;

export class EventQueue<T> implements AsyncIterableIterator<T, undefined> {
  #executor: Executor<T> | null;
  #queue: { value: T; taken: () => void }[] = [];
  #waiting: Waiting<T> | null = null;
  /** Pushes handed straight to a waiting next(): they resolve when the consumer asks again. */
  #handedOver: (() => void)[] = [];
  #state: typeof OPEN | typeof STOPPING | typeof DONE_STATE = OPEN;
  /** What the executor failed with: the consumer gets it after what was pushed before. */
  #error: { error: unknown } | null = null;
  #stopped!: () => void;
  readonly #stop: Promise<void> = new Promise((resolve) => (this.#stopped = resolve));
  /** The listening consumer, if one listens (then nothing is queued: values go to it in the push). */
  #sink: Sink<T> | null = null;
  /** The sink's last value not yet taken: the next value, and the end, wait for it (order). */
  #sinking: Promise<void> | undefined;

  constructor(executor: Executor<T>) {
    this.#executor = executor;
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.#sink) return Promise.reject(new Error('EventQueue: next() on a stream that is listened to'));
    this.#start();
    if (this.#handedOver.length > 0) for (const resolve of this.#handedOver.splice(0)) resolve();
    const first = this.#queue.shift();
    if (first) {
      first.taken();
      return Promise.resolve({ value: first.value, done: false });
    }
    if (this.#state !== OPEN) {
      const failed = this.#error;
      this.#error = null;
      this.#finish();
      return failed ? Promise.reject(failed.error) : Promise.resolve(DONE);
    }
    return new Promise((resolve, reject) => (this.#waiting = { resolve, reject }));
  }

  return(): Promise<IteratorResult<T, undefined>> {
    this.#finish();
    return Promise.resolve(DONE);
  }

  throw(error: unknown): Promise<IteratorResult<T, undefined>> {
    this.#finish();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  /**
   * Consumes the stream by push instead of next(): every value is handed to `sink` in order, within
   * the executor's push when the sink took the one before. Settles when the stream ends: after a
   * stop, once the sink has taken every value pushed before it; at once on return(). Rejects with
   * the executor's error, or the sink's (and hands the sink nothing more). Instead of next(), never
   * beside it (next() then rejects).
   */
  listen(sink: Sink<T>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#sink = sink;
      // The listener waits as a next() would, for the end alone (values go to the sink).
      this.#waiting = { resolve: () => resolve(), reject };
      this.#start();
      // Ended before it listened (return()), or by its executor at once with nothing in progress.
      if (this.#state !== OPEN && !this.#sinking) this.#settleWaiting();
    });
  }

  #start(): void {
    const executor = this.#executor;
    if (!executor) return;
    this.#executor = null;
    const stopped = this.#stop;
    const stop = Object.assign(() => this.#end(), {
      // A method, not an arrow: kept as long as the stream is (and, under tsx's keepNames, a named
      // arrow would carry a property store of its own).
      // biome-ignore lint/suspicious/noThenProperty: `await stop` waits for the stream to stop, as Repeater's does.
      then<A, B>(onStopped?: (() => A | PromiseLike<A>) | null, onError?: ((e: unknown) => B | PromiseLike<B>) | null) {
        return stopped.then(onStopped, onError);
      },
    }) as Stop;
    try {
      void Promise.resolve(executor((value) => this.#push(value), stop)).catch((error: unknown) => this.#fail(error));
    } catch (error) {
      this.#fail(error);
    }
  }

  #push(value: T): Pushed {
    if (this.#state !== OPEN) return this.#sink ? undefined : Promise.resolve();
    if (this.#sink) return this.#toSink(value);
    const waiting = this.#waiting;
    if (waiting) {
      this.#waiting = null;
      waiting.resolve({ value, done: false });
      return new Promise((resolve) => this.#handedOver.push(resolve));
    }
    return new Promise((taken) => this.#queue.push({ value, taken }));
  }

  #toSink(value: T): Pushed {
    const before = this.#sinking;
    if (before) return this.#waitFor(before.then(() => this.#sinkTakes(value)));
    const taking = this.#sinkTakes(value);
    return taking && this.#waitFor(taking);
  }

  #sinkTakes(value: T): Pushed {
    if (this.#state === DONE_STATE) return;
    try {
      return this.#sink!(value)?.catch((error: unknown) => this.#sinkFailed(error));
    } catch (error) {
      this.#sinkFailed(error);
    }
  }

  #sinkFailed(error: unknown): void {
    this.#sink = dropped;
    this.#fail(error);
  }

  /** Remembers the sink's value in progress until it settles, and ends a stopped stream then. */
  #waitFor(taking: Promise<void>): Promise<void> {
    const settled = taking.then(() => {
      if (this.#sinking !== settled) return;
      this.#sinking = undefined;
      if (this.#state !== OPEN) this.#settleWaiting();
    });
    this.#sinking = settled;
    return settled;
  }

  /** stop(): no more values; those pushed are still handed out. */
  #end(): void {
    if (this.#state !== OPEN) return;
    this.#state = STOPPING;
    this.#stopped();
    // Once the consumer has everything pushed before (a listener: once its sink has taken it).
    if (this.#sink ? !this.#sinking : this.#queue.length === 0) this.#settleWaiting();
  }

  #fail(error: unknown): void {
    if (this.#state === DONE_STATE) return;
    this.#error = { error };
    this.#end();
  }

  /** A next() (or listener) waiting when the stream stops gets the end (or the executor's error). */
  #settleWaiting(): void {
    const waiting = this.#waiting;
    if (!waiting) return;
    this.#waiting = null;
    const failed = this.#error;
    this.#error = null;
    this.#finish();
    if (failed) waiting.reject(failed.error);
    else waiting.resolve(DONE);
  }

  #finish(): void {
    if (this.#state === DONE_STATE && this.#waiting === null) return;
    this.#state = DONE_STATE;
    this.#stopped();
    this.#executor = null;
    for (const { taken } of this.#queue.splice(0)) taken();
    for (const resolve of this.#handedOver.splice(0)) resolve();
    const waiting = this.#waiting;
    this.#waiting = null;
    // (return() while listening: the listener is done; an error the executor left is not reported.)
    waiting?.resolve(DONE);
  }
}
