import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTasks } from '../../src/define-tasks.js';
import { enqueue } from '../../src/enqueue.js';
import type { Store } from '../../src/store.js';
import { Worker } from '../../src/worker/worker.js';
import { waitFor } from '../helpers/wait-for.js';
import { storeFactories } from './stores.js';

// Yesterday's code declared `Legacy`; today's does not, but its rows are still queued.
const Yesterday = defineTasks({ Legacy: { schema: z.object({}) }, Current: { schema: z.object({}) } });
const Today = defineTasks({ Current: { schema: z.object({}) } });

describe.each(storeFactories)('$name store: ready tasks by name', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let worker: Worker<typeof Today> | undefined;
  beforeEach(async () => {
    ({ store, dispose } = await factory.open());
  });
  afterEach(async () => {
    await worker?.stop({ deadlineMs: 100, abortGraceMs: 100 });
    worker = undefined;
    await dispose();
  });

  it('counts ready tasks per name, leaving out future and running ones', async () => {
    await enqueue(Yesterday.Legacy({}), { store });
    await enqueue(Yesterday.Legacy({}), { store });
    await enqueue(Yesterday.Current({}), { store });
    await enqueue(Yesterday.Current({}), { store, runAt: 60_000 });
    const ready = await store.readyByName();
    expect(ready.map(({ name, ready: count }) => ({ name, count }))).toEqual([
      { name: 'Current', count: 1 },
      { name: 'Legacy', count: 2 },
    ]);
    expect(ready.every((entry) => entry.oldestReadyAgeMs >= 0 && entry.oldestReadyAgeMs < 60_000)).toBe(true);
  });

  it('warns once about ready tasks whose name no task declares any more', async () => {
    await enqueue(Yesterday.Legacy({}), { store });
    await enqueue(Yesterday.Legacy({}), { store });
    const logs: string[] = [];
    worker = new Worker({
      store,
      tasks: Today,
      executors: { Current: () => 'ok' },
      pollIntervalMs: 20,
      unknownTaskCheckMs: 30,
      log: (level, message) => logs.push(`${level}: ${message}`),
    });
    worker.start();
    const current = await enqueue(Today.Current({}), { store });
    await waitFor('the declared task to run', async () => (await store.get(current))?.state === 'done');
    await new Promise((done) => setTimeout(done, 150));
    const warnings = logs.filter((line) => line.includes('Legacy'));
    expect(warnings).toEqual([
      'warn: 2 ready tasks are named "Legacy", which no task in `tasks` declares (renamed or removed?); no worker will run them and they count in the queue-depth metrics unless those read `fleet.stats()`. Cancel them (`fleet-runtime tasks list --name Legacy`) or declare the task again.',
    ]);
    expect(logs.some((line) => line.includes('Current'))).toBe(false);
  });
});
