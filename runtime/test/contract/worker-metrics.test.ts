import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTasks } from '../../src/define-tasks.js';
import { enqueue } from '../../src/enqueue.js';
import { TerminalError } from '../../src/errors.js';
import { renderMetrics } from '../../src/metrics.js';
import type { Store } from '../../src/store.js';
import { Worker } from '../../src/worker/worker.js';
import { waitFor } from '../helpers/wait-for.js';
import { storeFactories } from './stores.js';

const TaskSpec = defineTasks({
  Job: {
    schema: z.object({ outcome: z.enum(['ok', 'terminal', 'flaky']) }),
    // A lease far longer than the run: under a loaded CI machine a 300 ms lease could lapse before
    // the batched outcome write, and a reclaimed run would count twice.
    policy: { attempts: 2, backoff: { baseMs: 1, maxMs: 2 }, leaseMs: 10_000 },
  },
});

describe.each(storeFactories)('$name store: worker metrics', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let worker: Worker<typeof TaskSpec> | undefined;
  beforeEach(async () => {
    ({ store, dispose } = await factory.open());
  });
  afterEach(async () => {
    await worker?.stop({ deadlineMs: 200, abortGraceMs: 100 });
    worker = undefined;
    await dispose();
  });

  it('counts stored outcomes by task and records execution durations in a histogram', async () => {
    worker = new Worker({
      store,
      tasks: TaskSpec,
      pollIntervalMs: 20,
      log: () => undefined,
      executors: {
        Job: async ({ outcome }) => {
          await new Promise((done) => setTimeout(done, 20));
          if (outcome === 'terminal') throw new TerminalError('no');
          if (outcome === 'flaky') throw new Error('again');
          return 'ok';
        },
      },
    });
    worker.start();
    const ids = [
      await enqueue(TaskSpec.Job({ outcome: 'ok' }), { store }),
      await enqueue(TaskSpec.Job({ outcome: 'ok' }), { store }),
      await enqueue(TaskSpec.Job({ outcome: 'terminal' }), { store }),
      await enqueue(TaskSpec.Job({ outcome: 'flaky' }), { store }),
    ];
    const metrics = worker.metrics;
    await waitFor('every outcome stored', async () => {
      const states = await Promise.all(ids.map(async (id) => (await store.get(id))?.state));
      return states.every((state) => state === 'done' || state === 'failed' || state === 'dead') && metrics.total('dead', 'Job') === 1;
    });
    const text = renderMetrics(await store.stats(), 'fleet', metrics);
    expect(text).toContain('# TYPE fleet_tasks_completed_total counter\nfleet_tasks_completed_total{task="Job"} 2\n');
    expect(text).toContain('fleet_tasks_failed_total{task="Job"} 1\n');
    expect(text).toContain('fleet_tasks_retried_total{task="Job"} 1\n');
    expect(text).toContain('fleet_tasks_dead_total{task="Job"} 1\n');
    expect(text).toContain('# TYPE fleet_task_duration_seconds histogram\n');
    // Five runs (the flaky one ran twice), each at least 20 ms: none in the 5 ms and 10 ms buckets.
    expect(text).toContain('fleet_task_duration_seconds_bucket{task="Job",le="0.01"} 0\n');
    expect(text).toContain('fleet_task_duration_seconds_bucket{task="Job",le="+Inf"} 5\n');
    expect(text).toContain('fleet_task_duration_seconds_count{task="Job"} 5\n');
    const sum = Number(/fleet_task_duration_seconds_sum\{task="Job"\} ([\d.]+)/.exec(text)?.[1]);
    expect(sum).toBeGreaterThanOrEqual(0.095);
  });
});
