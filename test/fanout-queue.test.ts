// The stream's iterator (events/queue.ts): what replayThenLive relies on from it.
import { describe, expect, it } from 'vitest';
import { EventQueue, type Pushed } from '../src/events/queue.js';

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
    let release!: (v: number) => Pushed;
    const queue = new EventQueue<number>((push) => {
      release = push;
    });
    const first = queue.next();
    const pushed = release(1)!;
    expect(pushed).toBeInstanceOf(Promise);
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

/** A queue whose executor's push and stop the test calls. */
function controlled() {
  let push!: (v: number) => Pushed;
  let stop!: () => void;
  const queue = new EventQueue<number>((p, s) => {
    push = p;
    stop = s;
  });
  return { queue, push: (v: number) => push(v), stop: () => stop() };
}

describe('EventQueue.listen (push instead of next)', () => {
  it('hands each value to the sink within the push, in order, and settles when stopped', async () => {
    const { queue, push, stop } = controlled();
    const taken: number[] = [];
    const listening = queue.listen((value) => void taken.push(value));
    // Taken synchronously: no promise made for a sink that took the value at once.
    expect(push(1)).toBeUndefined();
    expect(push(2)).toBeUndefined();
    expect(taken).toEqual([1, 2]);
    stop();
    expect(push(3)).toBeUndefined(); // after stop: dropped
    await listening;
    expect(taken).toEqual([1, 2]);
  });

  it('while the sink is busy with a value, later values and the end wait for it, in order', async () => {
    const { queue, push, stop } = controlled();
    const taken: number[] = [];
    let release!: () => void;
    let ended = false;
    const listening = queue.listen((value) => {
      taken.push(value);
      if (value === 1) return new Promise<void>((resolve) => (release = resolve));
    });
    void listening.then(() => (ended = true));
    const first = push(1);
    const second = push(2);
    expect(first).toBeInstanceOf(Promise);
    expect(second).toBeInstanceOf(Promise);
    stop();
    await new Promise((r) => setImmediate(r));
    expect(taken).toEqual([1]);
    expect(ended).toBe(false);
    release();
    await second;
    expect(taken).toEqual([1, 2]);
    await listening;
    expect(ended).toBe(true);
  });

  it("rejects with the executor's error, or the sink's, and takes nothing after it", async () => {
    const failing = new EventQueue<number>(async (push) => {
      push(1);
      throw new Error('broken');
    });
    const seen: number[] = [];
    await expect(failing.listen((v) => void seen.push(v))).rejects.toThrow('broken');
    expect(seen).toEqual([1]);

    let push!: (v: number) => Pushed;
    const queue = new EventQueue<number>((p) => {
      push = p;
    });
    const listening = queue.listen((v) => {
      if (v === 2) throw new Error('sink broke');
      seen.push(v);
      return undefined;
    });
    push(2);
    push(3);
    await expect(listening).rejects.toThrow('sink broke');
    expect(seen).toEqual([1]);
  });

  it('a sink that fails later, with values waiting behind it, is handed none of them', async () => {
    const { queue, push, stop } = controlled();
    const seen: number[] = [];
    let fail!: (error: Error) => void;
    const listening = queue.listen((v) => {
      seen.push(v);
      if (v === 1) return new Promise<void>((_resolve, reject) => (fail = reject));
    });
    push(1);
    push(2); // waits behind 1
    stop();
    fail(new Error('sink broke'));
    await expect(listening).rejects.toThrow('sink broke');
    expect(push(3)).toBeUndefined();
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([1]);
  });

  it('refuses next() on a stream that is listened to', async () => {
    const { queue } = controlled();
    void queue.listen(() => undefined);
    await expect(queue.next()).rejects.toThrow(/listened to/);
  });

  it('return() ends a listening stream at once: the listener settles, the executor cleans up', async () => {
    let cleaned = false;
    let push!: (v: number) => Pushed;
    const queue = new EventQueue<number>(async (p, stop) => {
      push = p;
      await stop;
      cleaned = true;
    });
    const seen: number[] = [];
    const listening = queue.listen((v) => void seen.push(v));
    push(1);
    await queue.return();
    await listening;
    expect(push(2)).toBeUndefined();
    expect(seen).toEqual([1]);
    await new Promise((r) => setImmediate(r));
    expect(cleaned).toBe(true);
  });
});
