import type { SideTask } from './side-task.js';
import type { Store } from './store.js';

/** How long finished tasks are kept. */
export interface RetentionOptions {
  /** Keep done/failed/dead/cancelled tasks this long after they finished. Default 7 days. */
  keepFinishedMs?: number;
  /** Purge this often. Default 1 hour. */
  intervalMs?: number;
}

/**
 * A side task that purges finished tasks older than the retention, on every non-serve node (a purge
 * is one idempotent DELETE, so replicas running it at once only repeat each other's work).
 */
export function retentionSideTask(store: Store, options: RetentionOptions = {}): SideTask {
  const keep = options.keepFinishedMs ?? 7 * 86_400_000;
  const interval = options.intervalMs ?? 3_600_000;
  return {
    name: 'fleet-retention',
    run: async (signal) => {
      while (!signal.aborted) {
        await store.purge(new Date(Date.now() - keep));
        await new Promise<void>((done) => {
          const timer = setTimeout(done, interval);
          signal.addEventListener(
            'abort',
            () => {
              clearTimeout(timer);
              done();
            },
            { once: true },
          );
        });
      }
    },
  };
}
