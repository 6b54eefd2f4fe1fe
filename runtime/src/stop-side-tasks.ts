import type { Logger } from './logger.js';

/** A side task's run, as `createFleet` tracks it for shutdown. */
export interface SideRun {
  name: string;
  done: Promise<void>;
  finished: boolean;
}

/** Track `done` so a shutdown can name the side tasks that are still running. */
export function trackSideRun(name: string, done: Promise<void>): SideRun {
  const run: SideRun = { name, done, finished: false };
  void done.finally(() => {
    run.finished = true;
  });
  return run;
}

/**
 * Wait for aborted side tasks to return, at most `graceMs`. A side task that ignores its signal
 * must not hang the shutdown (and keep the store open) forever: after the grace it is logged by
 * name and left behind, so `await fleet.stop(); process.exit(0)` always gets to exit.
 */
export async function stopSideTasks(runs: readonly SideRun[], graceMs: number, log: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((done) => {
    timer = setTimeout(done, graceMs);
  });
  await Promise.race([Promise.all(runs.map((run) => run.done)), grace]);
  clearTimeout(timer);
  const stuck = runs.filter((run) => !run.finished);
  if (stuck.length > 0) {
    log(
      'warn',
      `side tasks ${stuck.map((run) => run.name).join(', ')} did not stop within ${String(graceMs)} ms of the shutdown; continuing without them (make them return when their signal aborts).`,
    );
  }
}
