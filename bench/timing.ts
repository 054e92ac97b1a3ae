// Timing helpers shared by the bench cases.
import { performance } from 'node:perf_hooks';

/** The median milliseconds of `times` runs, after one run to warm up. */
export async function median(times: number, run: () => Promise<unknown>): Promise<number> {
  await run(); // warm up
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
}
