import { TASK_STATES, type StoreStats } from './store.js';
import type { WorkerMetrics } from './worker/worker-metrics.js';

/**
 * Render queue numbers in the Prometheus text format (version 0.0.4): per-state counts, ready
 * depth and the oldest ready task's age (fleet-wide gauges, the signals to autoscale workers on;
 * from `fleet.stats()` or `store.stats({ names })` they leave out tasks of undeclared names, which
 * `_tasks_ready_undeclared` then counts),
 * plus, when `worker` is given (`fleet.worker.metrics`), this process's outcome counters
 * (`_tasks_completed_total`, `_failed_`, `_retried_`, `_dead_`) and the execution-duration histogram
 * (`_task_duration_seconds`), labelled by task.
 */
export function renderMetrics(stats: StoreStats, prefix = 'fleet', worker?: WorkerMetrics): string {
  const lines = [
    `# HELP ${prefix}_tasks Tasks by state.`,
    `# TYPE ${prefix}_tasks gauge`,
    ...TASK_STATES.map((state) => `${prefix}_tasks{state="${state}"} ${String(stats.counts[state])}`),
    `# HELP ${prefix}_tasks_ready Tasks due to run and not yet claimed (queue depth).`,
    `# TYPE ${prefix}_tasks_ready gauge`,
    `${prefix}_tasks_ready ${String(stats.ready)}`,
    `# HELP ${prefix}_oldest_ready_age_seconds Age of the oldest ready task; grows when workers cannot keep up.`,
    `# TYPE ${prefix}_oldest_ready_age_seconds gauge`,
    `${prefix}_oldest_ready_age_seconds ${String(stats.oldestReadyAgeMs / 1000)}`,
    ...(stats.undeclaredReady === undefined
      ? []
      : [
          `# HELP ${prefix}_tasks_ready_undeclared Ready tasks of a name the app does not declare (renamed or removed); no worker will run them, and they are left out of ${prefix}_tasks_ready.`,
          `# TYPE ${prefix}_tasks_ready_undeclared gauge`,
          `${prefix}_tasks_ready_undeclared ${String(stats.undeclaredReady)}`,
        ]),
    ...(worker?.render(prefix) ?? []),
  ];
  return `${lines.join('\n')}\n`;
}

/** Content-Type to serve {@link renderMetrics} with. */
export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
