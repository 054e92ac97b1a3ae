// The stream's iterator (events/queue.ts): what replayThenLive relies on from it.
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../src/events/queue.js';

const take = async <T>(queue: AsyncIterator<T>, n: number) => {
  const out: (T | 'done')[] = [];
  for (let i = 0; i < n; i++) {
    const step = await queue.next();
    out.push(step.done ? 'done' : step.value);
  }
  return out;
};

describe('EventQueue', () => {
  it('starts with the first next(), hands values out in order, and ends after those pushed before stop()', async () => {
    let started = false;
    const queue = new EventQueue<number>((push, stop) => {
      started = true;
      void push(1);
      void push(2);
      stop();
      void push(3); // after stop: dropped
    });
    expect(started).toBe(false);
    expect(await take(queue, 4)).toEqual([1, 2, 'done', 'done']);
    expect(started).toBe(true);
  });

  it("resolves a push once the consumer has taken it (or asks again), so a producer can await the consumer's pace", async () => {
    let release!: (v: number) => Promise<void>;
    const queue = new EventQueue<number>((push) => {
      release = push;
    });
    const first = queue.next();
    const pushed = release(1);
    let resolved = false;
    void pushed.then(() => (resolved = true));
    expect(await first).toEqual({ value: 1, done: false });
    await Promise.resolve();
    expect(resolved).toBe(false);
    const second = queue.next();
    await pushed;
    expect(resolved).toBe(true);
    void release(2);
    expect(await second).toEqual({ value: 2, done: false });
  });

  it('return() ends it at once and lets the executor clean up (await stop)', async () => {
    let cleaned = false;
    const queue = new EventQueue<number>(async (push, stop) => {
      void push(1);
      void push(2);
      await stop;
      cleaned = true;
    });
    expect(await take(queue, 1)).toEqual([1]);
    expect(await queue.return()).toEqual({ value: undefined, done: true });
    await new Promise((r) => setImmediate(r));
    expect(cleaned).toBe(true);
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  it("rejects with the executor's error after what it pushed before failing, then is done", async () => {
    const queue = new EventQueue<number>(async (push) => {
      void push(1);
      throw new Error('broken');
    });
    expect(await queue.next()).toEqual({ value: 1, done: false });
    await expect(queue.next()).rejects.toThrow('broken');
    expect(await queue.next()).toEqual({ value: undefined, done: true });
  });

  it('a waiting next() gets the end when the stream is stopped', async () => {
    let stopIt!: () => void;
    const queue = new EventQueue<number>((_push, stop) => {
      stopIt = stop;
    });
    const waiting = queue.next();
    stopIt();
    expect(await waiting).toEqual({ value: undefined, done: true });
  });
});
