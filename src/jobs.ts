// Background work of a server process: the expiry sweeper (S19) and log retention. Each job runs on a timer,
// never overlapping itself; a failure is logged and retried on the next tick. Every
// process runs them: the jobs are written to be safe with several processes at once.
import type { Db } from './db/open.js';
import { pruneLog } from './events/retention.js';
import { reportExpiredGrants } from './sharing/expiry.js';
import { safeMessage } from './redact.js';

export type JobOptions = {
  db: Db;
  sweepIntervalMs: number;
  logRetentionDays: number;
  /** How often old events are pruned (default: every 10 minutes). */
  pruneIntervalMs?: number;
  /** Called after a job wrote events, so live subscribers hear at once. */
  onEventsWritten?: () => void;
  log?: (message: string) => void;
};

export type Jobs = { stop(): Promise<void> };

export function startJobs(options: JobOptions): Jobs {
  const log = options.log ?? ((m: string) => console.log(m));
  const sweep = every(options.sweepIntervalMs, 'expiry sweep', log, async () => {
    let reported = 0;
    // Batches, so a backlog (a server down for a while) is worked off in one tick.
    for (let n = -1; n !== 0; ) {
      n = await reportExpiredGrants(options.db);
      reported += n;
    }
    if (reported > 0) {
      log(`expiry sweep: ${reported} expired grant(s) logged as ACCESS_EXPIRED`);
      options.onEventsWritten?.();
    }
  });
  const retentionMs = options.logRetentionDays * 86_400_000;
  const prune = every(options.pruneIntervalMs ?? 600_000, 'log retention', log, async () => {
    const pruned = await pruneLog(options.db, new Date(Date.now() - retentionMs));
    if (pruned > 0) log(`log retention: ${pruned} event(s) older than ${options.logRetentionDays} days pruned`);
  });
  return { stop: async () => void (await Promise.all([sweep.stop(), prune.stop()])) };
}

function every(ms: number, name: string, log: (m: string) => void, run: () => Promise<void>) {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = run()
      .catch((error: unknown) => log(`${name} failed (retrying in ${ms} ms): ${safeMessage(error)}`))
      .finally(() => (running = null));
  }, ms);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
