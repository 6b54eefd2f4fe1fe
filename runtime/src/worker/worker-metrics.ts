import type { Settlement } from '../store.js';

/** Upper bounds (seconds) of the execution-duration histogram: 5 ms … 15 min (the default timeout). */
export const DURATION_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900];

/** The outcome counters, by the settlement kind that was stored. */
const COUNTED = { done: 'completed', fail: 'failed', retry: 'retried', dead: 'dead' } as const;
type Counted = (typeof COUNTED)[keyof typeof COUNTED];

interface Histogram {
  buckets: number[];
  count: number;
  sum: number;
}

const escape = (value: string): string => value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');

/**
 * Counters and an execution-duration histogram for one worker process, by task name. Counters count
 * outcomes that were stored (a write refused because the lease was lost is not counted); durations
 * are executor run times, recorded when the executor settles. Per process: Prometheus sums them
 * across replicas. Render with `renderMetrics(stats, prefix, worker.metrics)`.
 */
export class WorkerMetrics {
  // Keyed by task name, then outcome: no key string is built per outcome (a drain counts every task).
  readonly #counts = new Map<string, Map<Counted, number>>();
  readonly #durations = new Map<string, Histogram>();

  /** Count a stored outcome of task `name`. */
  count(name: string, settlement: Settlement): void {
    const kind = settlement.kind;
    if (kind !== 'done' && kind !== 'fail' && kind !== 'retry' && kind !== 'dead') return;
    const outcome = COUNTED[kind];
    let counts = this.#counts.get(name);
    if (counts === undefined) {
      counts = new Map();
      this.#counts.set(name, counts);
    }
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  }

  /** Record one executor run of task `name` that took `seconds`. */
  observe(name: string, seconds: number): void {
    let histogram = this.#durations.get(name);
    if (histogram === undefined) {
      histogram = { buckets: DURATION_BUCKETS.map(() => 0), count: 0, sum: 0 };
      this.#durations.set(name, histogram);
    }
    // Cumulative buckets: every bound at or above the duration counts it.
    const { buckets } = histogram;
    for (let index = DURATION_BUCKETS.length - 1; index >= 0 && seconds <= (DURATION_BUCKETS[index] as number); index -= 1) {
      buckets[index] = (buckets[index] ?? 0) + 1;
    }
    histogram.count += 1;
    histogram.sum += seconds;
  }

  /** Stored outcomes so far of `outcome` for task `name`. */
  total(outcome: Counted, name: string): number {
    return this.#counts.get(name)?.get(outcome) ?? 0;
  }

  /** Prometheus text lines (no trailing newline). */
  render(prefix: string): string[] {
    const lines: string[] = [];
    for (const outcome of Object.values(COUNTED)) {
      lines.push(
        `# HELP ${prefix}_tasks_${outcome}_total Task outcomes stored by this process: ${outcome}.`,
        `# TYPE ${prefix}_tasks_${outcome}_total counter`,
      );
      for (const [name, counts] of this.#counts) {
        const value = counts.get(outcome);
        if (value !== undefined) lines.push(`${prefix}_tasks_${outcome}_total{task="${escape(name)}"} ${String(value)}`);
      }
    }
    const metric = `${prefix}_task_duration_seconds`;
    lines.push(`# HELP ${metric} Executor run time per task, in seconds.`, `# TYPE ${metric} histogram`);
    for (const [name, histogram] of this.#durations) {
      const task = `task="${escape(name)}"`;
      DURATION_BUCKETS.forEach((bound, index) => {
        lines.push(`${metric}_bucket{${task},le="${String(bound)}"} ${String(histogram.buckets[index] ?? 0)}`);
      });
      lines.push(
        `${metric}_bucket{${task},le="+Inf"} ${String(histogram.count)}`,
        `${metric}_sum{${task}} ${String(histogram.sum)}`,
        `${metric}_count{${task}} ${String(histogram.count)}`,
      );
    }
    return lines;
  }
}
