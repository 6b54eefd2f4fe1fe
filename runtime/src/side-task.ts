import { describeThrown } from './describe-thrown.js';
import { defaultLogger, type Logger } from './logger.js';

/** A long-running loop owned by the process: `(signal) => Promise<void>`. */
export interface SideTask {
  name: string;
  run: (signal: AbortSignal) => Promise<void>;
  /** First restart delay after a failure, doubled up to `maxBackoffMs`. Default 1000 ms. */
  minBackoffMs?: number;
  /** Default 60 000 ms. */
  maxBackoffMs?: number;
}

/**
 * Run a side task until `signal` aborts: if it throws or returns early it is restarted after an
 * exponential backoff (reset once a run lasted longer than the current backoff). Resolves when
 * stopped; never rejects.
 */
export async function runSideTask(task: SideTask, signal: AbortSignal, log: Logger = defaultLogger): Promise<void> {
  const min = task.minBackoffMs ?? 1000;
  const max = task.maxBackoffMs ?? 60_000;
  let backoff = min;
  // A function, not the property: the flag changes across the awaits below.
  const stopped = (): boolean => signal.aborted;
  while (!stopped()) {
    const started = Date.now();
    try {
      await task.run(signal);
      if (stopped()) return;
      log('warn', `side task ${task.name} returned while the process is running; restarting in ${String(backoff)} ms.`);
    } catch (error) {
      if (stopped()) return;
      log('error', `side task ${task.name} failed (${error instanceof Error ? error.message : describeThrown(error)}); restarting in ${String(backoff)} ms.`);
    }
    if (Date.now() - started > backoff) backoff = min;
    await new Promise<void>((done) => {
      const timer = setTimeout(done, backoff);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        done();
      }, { once: true });
    });
    backoff = Math.min(max, backoff * 2);
  }
}
