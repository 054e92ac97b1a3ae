// The live half of the sharing log, one per process. The feed keeps the newest position it
// has read (its head) and reads what follows from the log whenever it is woken: by this
// process after a commit, by a NOTIFY from another process (PostgreSQL), or by its own
// timer, so that a lost wake-up delays an event but never loses it. What it reads it hands
// to the streams subscribed to the event's recipients, flow or environment: one reader of
// the log per process, fan-out in memory.
// The same statement reads the directory version (directory.ts): when it moves, the feed
// asks once which of its subscribers are no longer active and ends their streams, before it
// hands out anything read with it (S26), so nothing committed after a departure reaches them.
import { and, eq, inArray, max, ne } from 'drizzle-orm';
import type { Database, Db } from '../db/open.js';
import { sharingEvents, users } from '../db/tables.js';
import { DIRECTORY_CHANNEL, directoryVersionSql } from './directory.js';
import { readLogBatch } from './log-batch.js';

export type EventRow = typeof sharingEvents.$inferSelect;
export type LiveEvent = EventRow & { recipients: readonly string[] };
export type FeedScope = { userId: string } | { flowId: string } | { environmentId: string };
type Listener = (event: LiveEvent) => void;
/** Called when the subscriber's user is found no longer active (S26). */
type OnDeparted = () => void;

/** The NOTIFY channel; its payload is the newest position the sender has seen. */
export const LOG_CHANNEL = 'flowshare_sharing_log';
const BATCH = 500;
const VIEWERS_PER_QUERY = 10_000;

export type FeedOptions = {
  /** The fallback timer: how often the log's head is read with no wake-up. */
  pollMs: number;
  log?: (message: string) => void;
};

/**
 * For processes without a feed (the directory CLI): tell the servers on this database that
 * the log has grown, so they read it now rather than at their next poll. PostgreSQL only.
 */
export async function announceLogHead(database: Database): Promise<void> {
  if (!database.channels) return;
  const [row] = await database.db.select({ head: max(sharingEvents.position) }).from(sharingEvents);
  await database.channels.notify(LOG_CHANNEL, String(row?.head ?? 0));
}

export class LogFeed {
  readonly #db: Db;
  readonly #channels: Database['channels'];
  readonly #log: (message: string) => void;
  #head: number;
  #directoryVersion: number;
  readonly #viewers = new Map<string, Set<OnDeparted>>();
  #pulling: Promise<void> | null = null;
  #pullAgain = false;
  #timer: NodeJS.Timeout | undefined;
  #unlisten: (() => Promise<void>) | undefined;
  readonly #listeners = {
    user: new Map<string, Set<Listener>>(),
    flow: new Map<string, Set<Listener>>(),
    environment: new Map<string, Set<Listener>>(),
  };
  #subscriptions = 0;
  #eventsRead = 0;

  private constructor(database: Database, head: number, directoryVersion: number, log: (message: string) => void) {
    this.#db = database.db;
    this.#channels = database.channels;
    this.#head = head;
    this.#directoryVersion = directoryVersion;
    this.#log = log;
  }

  static async start(database: Database, options: FeedOptions): Promise<LogFeed> {
    const [row] = await database.db
      .select({ head: max(sharingEvents.position), directoryVersion: directoryVersionSql })
      .from(sharingEvents);
    const feed = new LogFeed(database, row?.head ?? 0, row?.directoryVersion ?? 0, options.log ?? (() => {}));
    if (database.channels) {
      const log = await database.channels.listen(LOG_CHANNEL, (payload) => {
        if (Number(payload) > feed.#head) void feed.#pull();
      });
      const directory = await database.channels.listen(DIRECTORY_CHANNEL, (payload) => {
        if (!(Number(payload) <= feed.#directoryVersion)) void feed.#pull();
      });
      feed.#unlisten = async () => void (await Promise.all([log.unlisten(), directory.unlisten()]));
    }
    feed.#timer = setInterval(() => void feed.#pull(), options.pollMs);
    feed.#timer.unref();
    return feed;
  }

  /** The newest position handed out: a stream without a cursor starts after it. */
  get head(): number {
    return this.#head;
  }

  get subscriptionCount(): number {
    return this.#subscriptions;
  }

  /** Events this feed has read from the log since it started (the metrics' events appended). */
  get eventsRead(): number {
    return this.#eventsRead;
  }

  /** The log's newest position now (one statement): the feed's lag is this minus its head. */
  async newestPosition(): Promise<number> {
    const [row] = await this.#db.select({ head: max(sharingEvents.position) }).from(sharingEvents);
    return row?.head ?? 0;
  }

  /** Calls `listener` with every new event of the scope, in log order, until unsubscribed. */
  subscribe(scope: FeedScope, listener: Listener): () => void {
    const [map, key] =
      'userId' in scope
        ? [this.#listeners.user, scope.userId]
        : 'flowId' in scope
          ? [this.#listeners.flow, scope.flowId]
          : [this.#listeners.environment, scope.environmentId];
    const set = map.get(key) ?? new Set();
    map.set(key, set);
    set.add(listener);
    this.#subscriptions++;
    return () => {
      if (!set.delete(listener)) return;
      this.#subscriptions--;
      if (set.size === 0) map.delete(key);
    };
  }

  /**
   * Calls `onDeparted` when the directory version moves and `userId` is then no longer
   * active, until unregistered. A stream registers its viewer before it checks them
   * (isActive), so a departure is seen by one or the other.
   */
  watchViewer(userId: string, onDeparted: OnDeparted): () => void {
    const set = this.#viewers.get(userId) ?? new Set();
    this.#viewers.set(userId, set);
    set.add(onDeparted);
    return () => {
      set.delete(onDeparted);
      if (set.size === 0 && this.#viewers.get(userId) === set) this.#viewers.delete(userId);
    };
  }

  /** Is the user still active now? (One query: a stream asks it when it starts and per replayed page.) */
  async isActive(userId: string): Promise<boolean> {
    const [row] = await this.#db.select({ status: users.status }).from(users).where(eq(users.id, userId));
    return row?.status === 'ACTIVE';
  }

  /**
   * Called after a transaction that wrote events has committed (never inside it: a NOTIFY
   * in a transaction takes a global lock at commit and serialises every writer). Reads the
   * new events here, then tells the other processes how far the log now goes.
   */
  async wake(): Promise<void> {
    await this.#pull();
    if (this.#channels) {
      await this.#channels.notify(LOG_CHANNEL, String(this.#head)).catch((error: Error) => {
        this.#log(`sharing log: NOTIFY failed (other processes will poll): ${error.message}`);
      });
    }
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#unlisten?.();
    await this.#pulling;
  }

  /** One reader at a time; a wake-up during a read asks for one more read after it. */
  #pull(): Promise<void> {
    if (this.#pulling) {
      this.#pullAgain = true;
      return this.#pulling;
    }
    this.#pulling = (async () => {
      do {
        this.#pullAgain = false;
        while ((await this.#readBatch()) === BATCH);
      } while (this.#pullAgain);
    })()
      .catch((error: Error) => this.#log(`sharing log: reading new events failed (retrying on the next poll): ${error.message}`))
      .finally(() => (this.#pulling = null));
    return this.#pulling;
  }

  async #readBatch(): Promise<number> {
    const from = this.#head;
    // Positions are appended in commit order (see log.ts), so nothing can appear behind `from`.
    // One statement, one snapshot: the directory version, the events after the head and their
    // recipients (log-batch.ts), so an event committed after a departure is never read without
    // the version that departure moved.
    const batch = await readLogBatch(this.#db, from, BATCH);
    const version = batch.directoryVersion ?? this.#directoryVersion;
    if (version !== this.#directoryVersion) {
      await this.#endDeparted();
      this.#directoryVersion = version;
    }
    const { events } = batch;
    if (events.length === 0) return 0;
    for (const event of events) this.#dispatch(event);
    this.#head = events.at(-1)!.position;
    this.#eventsRead += events.length;
    return events.length;
  }

  /** One query for every viewer this process serves; their streams end before anything newer is handed out. */
  async #endDeparted(): Promise<void> {
    const ids = [...this.#viewers.keys()];
    const gone: { id: string }[] = [];
    // One query unless a process serves more distinct viewers than a statement takes.
    for (let i = 0; i < ids.length; i += VIEWERS_PER_QUERY) {
      const some = ids.slice(i, i + VIEWERS_PER_QUERY);
      gone.push(
        ...(await this.#db
          .select({ id: users.id })
          .from(users)
          .where(and(inArray(users.id, some), ne(users.status, 'ACTIVE')))),
      );
    }
    for (const { id } of gone) {
      for (const onDeparted of this.#viewers.get(id) ?? []) {
        try {
          onDeparted();
        } catch (error) {
          this.#log(`sharing log: ending a departed user's stream failed: ${(error as Error).message}`);
        }
      }
    }
  }

  /** The event, one object, to every stream of its recipients, then of its flow and its environment. */
  #dispatch(event: LiveEvent): void {
    const { user, flow, environment } = this.#listeners;
    if (user.size > 0) for (const id of event.recipients) this.#hand(user.get(id), event);
    this.#hand(flow.get(event.flowId), event);
    this.#hand(environment.get(event.environmentId), event);
  }

  #hand(listeners: Set<Listener> | undefined, event: LiveEvent): void {
    if (!listeners) return;
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        this.#log(`sharing log: a subscriber failed: ${(error as Error).message}`);
      }
    }
  }
}
