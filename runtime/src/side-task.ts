import { describeThrown } from './describe-thrown.js';
import { defaultLogger, type Logger } from './logger.js';

/** A long-running loop owned by the process: `(signal) => Promise<void>`. */
export interface SideTask {
  name: string;
  run: (signal: AbortSignal) => Promise<void>;
  /** Restart delay after the first failure, doubled after each further one up to `maxBackoffMs`. Default 1000 ms. */
  minBackoffMs?: number;
  /** Cap of the restart delay. Default 60 000 ms. */
  maxBackoffMs?: number;
}

/**
 * Run a side task until `signal` aborts: if it throws or returns early it is restarted after a
 * backoff that doubles from `minBackoffMs` to `maxBackoffMs` and goes back to `minBackoffMs` once
 * a run lasted longer than the current backoff (it was healthy for a while). Each wait is jittered
 * to between half and all of the backoff, so replicas that failed together do not restart in
 * lockstep. Resolves when stopped; never rejects. `random` is the jitter source (tests).
 */
export async function runSideTask(
  task: SideTask,
  signal: AbortSignal,
  log: Logger = defaultLogger,
  random: () => number = Math.random,
): Promise<void> {
  const min = task.minBackoffMs ?? 1000;
  const max = task.maxBackoffMs ?? 60_000;
  let backoff = min;
  // A function, not the property: the flag changes across the awaits below.
  const stopped = (): boolean => signal.aborted;
  while (!stopped()) {
    const started = Date.now();
    let failure: string;
    try {
      await task.run(signal);
      if (stopped()) return;
      failure = 'returned while the process is running';
    } catch (error) {
      if (stopped()) return;
      failure = `failed (${error instanceof Error ? error.message : describeThrown(error)})`;
    }
    if (Date.now() - started > backoff) backoff = min;
    const wait = Math.round(backoff / 2 + (random() * backoff) / 2);
    log(failure.startsWith('failed') ? 'error' : 'warn', `side task ${task.name} ${failure}; restarting in ${String(wait)} ms.`);
    await new Promise<void>((done) => {
      const timer = setTimeout(done, wait);
      signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          done();
        },
        { once: true },
      );
    });
    backoff = Math.min(max, backoff * 2);
  }
}
