// The DataLoader shapes of src/reads/loaders.ts, and the one scheduling trick they use: the
// directory objects (users, groups, lists) are loaded last, once every other batch of the
// request has answered, so a page's creators, grant principals, "added by" users and
// connection owners, found at different depths of the query, come back in one statement.
import DataLoader from 'dataloader';

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
  return tracker ? new DataLoader<string, T | null>(...trackedArgs(tracker, batch)) : new DataLoader<string, T | null>(batch);
}

/** A loader of the rows that belong to each key, in the order the query gives. */
export function grouped<T>(keyOf: (row: T) => string, load: (keys: string[]) => Promise<T[]>, tracker?: BatchTracker) {
  const batch = async (keys: readonly string[]) => {
    const out = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of await load([...keys])) out.get(keyOf(row))?.push(row);
    return keys.map((k) => out.get(k)!);
  };
  return tracker ? new DataLoader<string, T[]>(...trackedArgs(tracker, batch)) : new DataLoader<string, T[]>(batch);
}

/** A tracked loader of anything by key. */
export function trackedLoader<K, V>(tracker: BatchTracker, load: (keys: readonly K[]) => Promise<V[]>, maxBatchSize?: number) {
  return new DataLoader<K, V>(...trackedArgs(tracker, load, maxBatchSize));
}

function trackedArgs<K, V>(tracker: BatchTracker, load: (keys: readonly K[]) => Promise<V[]>, maxBatchSize?: number) {
  const { batch, batchScheduleFn } = tracker.tracked(load);
  return [batch, { batchScheduleFn, ...(maxBatchSize ? { maxBatchSize } : {}) }] as const;
}
