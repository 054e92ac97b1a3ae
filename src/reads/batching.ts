// The DataLoader shapes of src/reads/loaders.ts, and the one scheduling trick they use: the
// directory objects (users, groups, lists) are loaded last, once every other batch of the
// request has answered, so a page's creators, grant principals, "added by" users and
// connection owners, found at different depths of the query, come back in one statement.
import DataLoader from 'dataloader';

/**
 * A DataLoader that also remembers the values its batches answered (and primed ones), so a key
 * asked again is answered at once: `now(key)` with the value itself, not a promise, and
 * `load(key)` with a resolved promise, without DataLoader's cache-hit round (a promise, a
 * closure and a batch scheduled per hit: ~2,000 hits a page of flows, issue #13); a key asked
 * again before its batch answers gets the promise it got the first time. Errors are not
 * remembered: they go DataLoader's way.
 */
export class Loader<K, V> extends DataLoader<K, V> {
  private readonly known: Map<K, V>;
  /** The promises of keys asked for and not answered yet: asked again, the same promise. */
  private readonly pending: Map<K, Promise<V>>;

  constructor(batch: DataLoader.BatchLoadFn<K, V>, options?: DataLoader.Options<K, V>) {
    const known = new Map<K, V>();
    const pending = new Map<K, Promise<V>>();
    super(async (keys) => {
      try {
        const values = await batch(keys);
        for (let i = 0; i < keys.length; i++) {
          const value = values[i];
          if (!(value instanceof Error)) known.set(keys[i]!, value as V);
        }
        return values;
      } finally {
        for (const key of keys) pending.delete(key);
      }
    }, options);
    this.known = known;
    this.pending = pending;
  }

  /** The value when known, else the promise of it. */
  now(key: K): V | Promise<V> {
    return this.known.has(key) ? (this.known.get(key) as V) : this.ask(key);
  }

  /**
   * Like loadMany, at once when every key is known; otherwise the unknown keys are loaded
   * (each an Error if its load failed, as loadMany answers).
   */
  nowMany(keys: readonly K[]): (V | Error)[] | Promise<(V | Error)[]> {
    const asked = keys.filter((key) => !this.known.has(key));
    if (asked.length === 0) return keys.map((key) => this.known.get(key) as V);
    return super.loadMany(asked).then((loaded) => {
      const byKey = new Map(asked.map((key, i) => [key, loaded[i]!]));
      return keys.map((key) => (byKey.has(key) ? byKey.get(key)! : (this.known.get(key) as V)));
    });
  }

  override load(key: K): Promise<V> {
    return this.known.has(key) ? Promise.resolve(this.known.get(key) as V) : this.ask(key);
  }

  private ask(key: K): Promise<V> {
    let promise = this.pending.get(key);
    if (!promise) {
      promise = super.load(key);
      this.pending.set(key, promise);
    }
    return promise;
  }

  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    // As DataLoader's prime: a key already known keeps its value.
    if (!this.known.has(key) && !(value instanceof Error) && !isThenable(value)) this.known.set(key, value);
    return super.prime(key, value);
  }

  override clear(key: K): this {
    this.known.delete(key);
    this.pending.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.known.clear();
    this.pending.clear();
    return super.clearAll();
  }
}

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/** `then(value)` at once for a value, after it for a promise: a resolver stays synchronous when its loader knows the answer. */
export function whenKnown<T, R>(value: T | Promise<T>, then: (value: T) => R | Promise<R>): R | Promise<R> {
  return value instanceof Promise ? value.then(then) : then(value);
}

/**
 * Counts the SQL batches of a set of loaders from the moment one is scheduled until its
 * statement answers. A tracked batch function must run SQL only, never wait for a loader that
 * waits for idleness (`afterOthers`): that would wait for itself.
 */
export class BatchTracker {
  private busy = 0;
  private waiting: (() => void)[] = [];

  /** Options for a tracked loader: its batches count while scheduled and while they run. */
  tracked<K, V>(
    load: (keys: readonly K[]) => Promise<V[]>,
  ): {
    batch: (keys: readonly K[]) => Promise<V[]>;
    batchScheduleFn: (dispatch: () => void) => void;
  } {
    return {
      batch: (keys) => {
        this.busy++;
        return load(keys).finally(() => this.settle());
      },
      batchScheduleFn: (dispatch) => {
        this.busy++;
        // DataLoader's own schedule: after the current promise jobs, on the next tick.
        void Promise.resolve().then(() =>
          process.nextTick(() => {
            try {
              dispatch();
            } finally {
              this.settle();
            }
          }),
        );
      },
    };
  }

  /**
   * Calls `dispatch` once no tracked batch is scheduled or running, and none was scheduled
   * meanwhile by what the last answers set off (resolvers run in promise jobs and ticks, all
   * done before the check phase, where setImmediate runs).
   */
  afterOthers = (dispatch: () => void): void => {
    const check = () => {
      if (this.busy > 0) return void this.waiting.push(check);
      setImmediate(() => (this.busy > 0 ? this.waiting.push(check) : dispatch()));
    };
    check();
  };

  private settle() {
    if (--this.busy > 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const check of waiting) check();
  }
}

/** A loader of rows by id; a missing id loads as null. `tracker`: its statements are tracked. */
export function byId<T extends { id: string }>(load: (ids: string[]) => Promise<T[]>, tracker?: BatchTracker) {
  const batch = async (ids: readonly string[]) => {
    const rows = await load([...ids]);
    const found = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => found.get(id) ?? null);
  };
  return tracker ? new Loader<string, T | null>(...trackedArgs(tracker, batch)) : new Loader<string, T | null>(batch);
}

/** A loader of the rows that belong to each key, in the order the query gives. */
export function grouped<T>(keyOf: (row: T) => string, load: (keys: string[]) => Promise<T[]>, tracker?: BatchTracker) {
  const batch = async (keys: readonly string[]) => {
    const out = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of await load([...keys])) out.get(keyOf(row))?.push(row);
    return keys.map((k) => out.get(k)!);
  };
  return tracker ? new Loader<string, T[]>(...trackedArgs(tracker, batch)) : new Loader<string, T[]>(batch);
}

/** A tracked loader of anything by key. */
export function trackedLoader<K, V>(tracker: BatchTracker, load: (keys: readonly K[]) => Promise<V[]>, maxBatchSize?: number) {
  return new Loader<K, V>(...trackedArgs(tracker, load, maxBatchSize));
}

function trackedArgs<K, V>(tracker: BatchTracker, load: (keys: readonly K[]) => Promise<V[]>, maxBatchSize?: number) {
  const { batch, batchScheduleFn } = tracker.tracked(load);
  return [batch, { batchScheduleFn, ...(maxBatchSize ? { maxBatchSize } : {}) }] as const;
}
