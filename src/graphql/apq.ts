// Automatic persisted queries (issue 11, item 13), as Apollo Client's persisted-queries link
// speaks them: the hash alone first (→ PersistedQueryNotFound, HTTP 404), then hash and text
// (checked, stored, run), then the hash alone again (run). @graphql-yoga/plugin-apq does the
// protocol, on HTTP and SSE; the store is ours, because anyone may fill it: it is bounded by
// entries and by bytes (FLOWSHARE_APQ_MAX_ENTRIES / FLOWSHARE_APQ_MAX_BYTES) and forgets the
// least recently used first. On by default; off with trusted documents (they accept no text)
// and when either bound is 0.
import { useAPQ, type APQStore } from '@graphql-yoga/plugin-apq';
import type { Plugin } from 'graphql-yoga';
import type { Limits } from '../config.js';

/** A least-recently-used map of hash → query text, within `maxEntries` and `maxBytes`. */
export class BoundedApqStore implements APQStore {
  readonly #entries = new Map<string, { query: string; bytes: number }>();
  #bytes = 0;

  constructor(
    readonly maxEntries: number,
    /** UTF-8 bytes of hash plus text, summed over the entries. */
    readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  get(key: string): string | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Most recently used last: a Map keeps insertion order.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.query;
  }

  set(key: string, query: string): void {
    this.delete(key);
    const bytes = Buffer.byteLength(key) + Buffer.byteLength(query);
    // Larger than the whole store: not kept (it still runs, sent with its text each time).
    if (bytes > this.maxBytes || this.maxEntries <= 0) return;
    this.#entries.set(key, { query, bytes });
    this.#bytes += bytes;
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }
}

/** The APQ plugin with a store bounded by `limits`; none when off. */
export function apqPlugins(limits: Pick<Limits, 'apqEntries' | 'apqBytes'>, options: { trustedDocuments: boolean }): Plugin[] {
  if (options.trustedDocuments || limits.apqEntries <= 0 || limits.apqBytes <= 0) return [];
  return [useAPQ({ store: new BoundedApqStore(limits.apqEntries, limits.apqBytes) }) as Plugin];
}
