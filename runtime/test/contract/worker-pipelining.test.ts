import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTasks } from '../../src/define-tasks.js';
import { enqueueMany } from '../../src/enqueue.js';
import type { Settlement, Store } from '../../src/store.js';
import { Worker } from '../../src/worker/worker.js';
import { waitFor } from '../helpers/wait-for.js';
import { storeFactories } from './stores.js';

const TaskSpec = defineTasks({ Echo: { schema: z.object({ i: z.number() }), policy: { leaseMs: 5000 } } });

/** The store with `settle` held back until `open()`: outcomes wait while claims go on. */
function holdSettles(store: Store): { store: Store; open: () => void; settleCalls: () => number } {
  let opened = false;
  let calls = 0;
  const waiting: (() => void)[] = [];
  // Outcomes travel only through `settle` here, so claims are free to overlap them on every backend.
  const held: Store = Object.create(store, { prefersSettleAndClaim: { value: false } }) as Store;
  held.settle = async (settlements: readonly Settlement[]) => {
    calls += 1;
    if (!opened) await new Promise<void>((resolve) => waiting.push(resolve));
    return store.settle(settlements);
  };
  held.settleAndClaim = () => Promise.reject(new Error('the worker must not call settleAndClaim when the store does not prefer it'));
  return {
    store: held,
    open: () => {
      opened = true;
      for (const resolve of waiting.splice(0)) resolve();
    },
    settleCalls: () => calls,
  };
}

describe.each(storeFactories)('$name store: worker pipelining', (factory) => {
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

  it('claims the next batch while outcomes are still being written, holding at most maxHeld leases', async () => {
    const gate = holdSettles(store);
    const started: number[] = [];
    const ids = await enqueueMany(
      Array.from({ length: 6 }, (_, i) => TaskSpec.Echo({ i })),
      { store },
    );
    worker = new Worker({
      store: gate.store,
      tasks: TaskSpec,
      concurrency: 2,
      claimBatch: 2,
      maxHeld: 4,
      pollIntervalMs: 20,
      log: () => undefined,
      executors: {
        Echo: ({ i }) => {
          started.push(i);
        },
      },
    });
    worker.start();
    await waitFor('four executors started', () => started.length === 4);
    // Settles are held: at most 4 leases held, so the last two tasks wait for a stored outcome.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(started).toHaveLength(4);
    expect(worker.active).toBe(4);
    expect(gate.settleCalls()).toBeGreaterThanOrEqual(1);
    expect((await store.stats()).counts).toMatchObject({ running: 4, queued: 2, done: 0 });
    gate.open();
    await waitFor('all done', async () => (await store.stats()).counts.done === ids.length);
    expect([...started].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const id of ids) expect((await store.events(id)).map((event) => event.type)).toEqual(['enqueued', 'started', 'done']);
    await waitFor('leases forgotten once stored', () => worker?.active === 0);
  });

  it('by default keeps claiming while outcome writes are slow, up to concurrency + 256 held leases', async () => {
    const gate = holdSettles(store);
    const started: number[] = [];
    const ids = await enqueueMany(
      Array.from({ length: 20 }, (_, i) => TaskSpec.Echo({ i })),
      { store },
    );
    worker = new Worker({
      store: gate.store,
      tasks: TaskSpec,
      concurrency: 2,
      claimBatch: 2,
      pollIntervalMs: 20,
      log: () => undefined,
      executors: {
        Echo: ({ i }) => {
          started.push(i);
        },
      },
    });
    worker.start();
    // No outcome is stored yet, and every task has run: the finished ones wait for one write.
    await waitFor('every executor started', () => started.length === ids.length);
    expect(worker.active).toBe(ids.length);
    expect((await store.stats()).counts).toMatchObject({ running: ids.length, done: 0 });
    gate.open();
    await waitFor('all done', async () => (await store.stats()).counts.done === ids.length);
    await waitFor('leases forgotten once stored', () => worker?.active === 0);
  });

  it('sends outcomes with the next claim on a store that prefers settleAndClaim', async () => {
    let combined = 0;
    let separate = 0;
    const counting: Store = Object.create(store, { prefersSettleAndClaim: { value: true } }) as Store;
    counting.settle = (settlements) => {
      separate += 1;
      return store.settle(settlements);
    };
    counting.settleAndClaim = (settlements, input) => {
      combined += settlements.length;
      return store.settleAndClaim(settlements, input);
    };
    const ids = await enqueueMany(
      Array.from({ length: 40 }, (_, i) => TaskSpec.Echo({ i })),
      { store },
    );
    worker = new Worker({
      store: counting,
      tasks: TaskSpec,
      concurrency: 4,
      claimBatch: 4,
      pollIntervalMs: 20,
      log: () => undefined,
      executors: { Echo: () => 'ok' },
    });
    worker.start();
    await waitFor('all done', async () => (await store.stats()).counts.done === ids.length);
    // Every batch but the last rides with a claim; the last outcomes are written once no work is left.
    expect(combined).toBeGreaterThanOrEqual(ids.length - 8);
    expect(combined + separate).toBeGreaterThan(0);
    for (const id of ids.slice(0, 3)) expect((await store.events(id)).map((event) => event.type)).toEqual(['enqueued', 'started', 'done']);
  });

  it('keeps heartbeating the lease of a finished task until its outcome is stored', async () => {
    const gate = holdSettles(store);
    const ShortLease = defineTasks({ Quick: { schema: z.object({ i: z.number() }), policy: { leaseMs: 300 } } });
    const [id] = await enqueueMany([ShortLease.Quick({ i: 1 })], { store });
    const quick = new Worker({
      store: gate.store,
      tasks: ShortLease,
      concurrency: 1,
      claimBatch: 1,
      pollIntervalMs: 20,
      reapIntervalMs: 50,
      log: () => undefined,
      executors: { Quick: () => 'ok' },
    });
    quick.start();
    try {
      await waitFor('outcome waiting', () => gate.settleCalls() === 1);
      // Three lease lengths pass while the outcome is held; the reaper must not take the task back.
      await new Promise((resolve) => setTimeout(resolve, 900));
      const held = await store.get(id ?? '');
      expect(held?.state).toBe('running');
      expect(held?.lostLeases).toBe(0);
      gate.open();
      await waitFor('done', async () => (await store.get(id ?? ''))?.state === 'done');
      expect((await store.get(id ?? ''))?.attempts).toBe(1);
    } finally {
      await quick.stop({ deadlineMs: 200 });
    }
  });
});
