// Background work of a server process: the expiry sweeper (S19) and log retention. Each job runs on a timer,
// never overlapping itself; a failure is logged and retried on the next tick. Every
// process runs them: the jobs are written to be safe with several processes at once.
// Each run leaves one log line (debug when it found nothing to do, info when it did, error when
// it failed) and its metrics (job runs, duration, items).
import { performance } from 'node:perf_hooks';
import type { Db } from './db/open.js';
import { pruneLog } from './events/retention.js';
import { silentLog, type Logger } from './ops/log.js';
import type { Metrics } from './ops/metrics.js';
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
  log?: Logger;
  metrics?: Pick<Metrics, 'jobRun'>;
};

export type Jobs = { stop(): Promise<void> };

export function startJobs(options: JobOptions): Jobs {
  const log = (options.log ?? silentLog()).child({ component: 'jobs' });
  const run = { log, metrics: options.metrics };
  const sweep = every(options.sweepIntervalMs, 'expiry_sweep', run, async () => {
    let reported = 0;
    // Batches, so a backlog (a server down for a while) is worked off in one tick.
    for (let n = -1; n !== 0; ) {
      n = await reportExpiredGrants(options.db);
      reported += n;
    }
    if (reported > 0) options.onEventsWritten?.();
    return { items: reported, detail: { expiredGrantsReported: reported } };
  });
  const retentionMs = options.logRetentionDays * 86_400_000;
  const prune = every(options.pruneIntervalMs ?? 600_000, 'log_retention', run, async () => {
    const pruned = await pruneLog(options.db, new Date(Date.now() - retentionMs));
    return { items: pruned, detail: { eventsPruned: pruned, retentionDays: options.logRetentionDays } };
  });
  return { stop: async () => void (await Promise.all([sweep.stop(), prune.stop()])) };
}

type Outcome = { items: number; detail: Record<string, unknown> };

function every(
  ms: number,
  job: string,
  { log, metrics }: { log: Logger; metrics?: Pick<Metrics, 'jobRun'> },
  work: () => Promise<Outcome>,
) {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    running = work()
      .then(({ items, detail }) => {
        const durationMs = Math.round(seconds() * 1000);
        metrics?.jobRun(job, 'ok', seconds(), items);
        log[items > 0 ? 'info' : 'debug']({ job, outcome: 'ok', durationMs, ...detail }, 'job run');
      })
      .catch((error: unknown) => {
        metrics?.jobRun(job, 'error', seconds(), 0);
        log.error(
          { job, outcome: 'error', durationMs: Math.round(seconds() * 1000), error: safeMessage(error) },
          `job run failed (retrying in ${ms} ms)`,
        );
      })
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
