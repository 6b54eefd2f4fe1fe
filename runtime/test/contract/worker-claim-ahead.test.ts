import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTasks } from '../../src/define-tasks.js';
import { enqueueMany } from '../../src/enqueue.js';
import type { ClaimedTask, ClaimInput, Store } from '../../src/store.js';
import { Worker } from '../../src/worker/worker.js';
import { waitFor } from '../helpers/wait-for.js';
import { storeFactories } from './stores.js';

const TaskSpec = defineTasks({ Echo: { schema: z.object({ i: z.number() }), policy: { leaseMs: 5000 } } });
const ShortLease = defineTasks({ Echo: { schema: z.object({ i: z.number() }), policy: { leaseMs: 400 } } });

interface Claim {
  limit: number;
  claimed: number;
}

/** The store, recording each claim's limit and how many tasks it returned (alone or with outcomes). */
function recordClaims(store: Store): { store: Store; claims: Claim[] } {
  const claims: Claim[] = [];
  const record = (input: ClaimInput, claimed: readonly ClaimedTask[]): void => {
    claims.push({ limit: input.limit, claimed: claimed.length });
  };
  const recording = Object.create(store) as Store;
  recording.claim = async (input) => {
    const claimed = await store.claim(input);
    record(input, claimed);
    return claimed;
  };
  recording.settleAndClaim = async (settlements, input) => {
    const result = await store.settleAndClaim(settlements, input);
    record(input, result.claimed);
    return result;
  };
  return { store: recording, claims };
}

describe.each(storeFactories)('$name store: worker claims ahead on a deep queue', (factory) => {
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

  it('claims more than claimBatch per claim from a deep queue of fast tasks, never running more than concurrency', async () => {
    const recorder = recordClaims(store);
    const ids = await enqueueMany(
      Array.from({ length: 300 }, (_, i) => TaskSpec.Echo({ i })),
      { store },
    );
    const runs = new Map<number, number>();
    let executing = 0;
    let mostExecuting = 0;
    const w = new Worker({
      store: recorder.store,
      tasks: TaskSpec,
      concurrency: 16,
      claimBatch: 16,
      pollIntervalMs: 20,
      log: () => undefined,
      executors: {
        Echo: async ({ i }) => {
          executing += 1;
          mostExecuting = Math.max(mostExecuting, executing);
          runs.set(i, (runs.get(i) ?? 0) + 1);
          await Promise.resolve();
          executing -= 1;
        },
      },
    });
    worker = w;
    w.start();
    await waitFor('all done', async () => (await store.stats()).counts.done === ids.length);
    // The first claim has no measured run time yet: it takes only the free slots.
    expect(recorder.claims[0]).toEqual({ limit: 16, claimed: 16 });
    const largest = Math.max(...recorder.claims.map((claim) => claim.claimed));
    expect(largest).toBeGreaterThan(16);
    expect(largest).toBeLessThanOrEqual(16 + 48);
    expect(mostExecuting).toBeLessThanOrEqual(16);
    expect(runs.size).toBe(ids.length);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    for (const id of ids.slice(0, 3)) expect((await store.events(id)).map((event) => event.type)).toEqual(['enqueued', 'started', 'done']);
    await waitFor('nothing held', () => w.active === 0);
  });

  it('claims no more than the free slots when the queue is shallow or the executors are slow', async () => {
    // Shallow: 20 fast tasks for 16 slots. The second claim may ask for more, but gets only 4.
    const shallow = recordClaims(store);
    let aheadSeen = 0;
    const shallowIds = await enqueueMany(
      Array.from({ length: 20 }, (_, i) => TaskSpec.Echo({ i })),
      { store },
    );
    const fast: Worker<typeof TaskSpec> = new Worker({
      store: shallow.store,
      tasks: TaskSpec,
      concurrency: 16,
      claimBatch: 16,
      pollIntervalMs: 20,
      log: () => undefined,
      executors: {
        Echo: async () => {
          await Promise.resolve();
          aheadSeen = Math.max(aheadSeen, fast.claimedAhead);
        },
      },
    });
    worker = fast;
    fast.start();
    await waitFor('shallow queue done', async () => (await store.stats()).counts.done === shallowIds.length);
    await fast.stop();
    expect(aheadSeen).toBe(0);
    expect(shallow.claims.reduce((sum, claim) => sum + claim.claimed, 0)).toBe(shallowIds.length);

    // Slow: 10 tasks of 120 ms for 2 slots. The mean run time exceeds the 100 ms window: no claim
    // ever asks for more than the free slots, and nothing waits in the worker.
    const limited = recordClaims(store);
    const slowIds = await enqueueMany(
      Array.from({ length: 10 }, (_, i) => TaskSpec.Echo({ i })),
      { store },
    );
    const slow: Worker<typeof TaskSpec> = new Worker({
      store: limited.store,
      tasks: TaskSpec,
      concurrency: 2,
      claimBatch: 2,
      pollIntervalMs: 20,
      log: () => undefined,
      executors: {
        Echo: async () => {
          aheadSeen = Math.max(aheadSeen, slow.claimedAhead);
          await new Promise((resolve) => setTimeout(resolve, 120));
        },
      },
    });
    worker = slow;
    slow.start();
    await waitFor('slow tasks done', async () => (await store.stats()).counts.done === shallowIds.length + slowIds.length);
    expect(aheadSeen).toBe(0);
    expect(limited.claims.length).toBeGreaterThan(0);
    for (const claim of limited.claims) expect(claim.limit).toBeLessThanOrEqual(2);
  });

  it('hands back tasks claimed ahead that no slot frees for in time, refunding the attempt; each still runs once', async () => {
    const warnings: string[] = [];
    const runs = new Map<number, number>();
    let blocked = false;
    let unblock: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      unblock = resolve;
    });
    const ids = await enqueueMany(
      Array.from({ length: 8 }, (_, i) => ShortLease.Echo({ i })),
      { store },
    );
    const w: Worker<typeof ShortLease> = new Worker({
      store,
      tasks: ShortLease,
      concurrency: 1,
      claimBatch: 1,
      claimAhead: 4,
      pollIntervalMs: 20,
      reapIntervalMs: 50,
      log: (level, message) => {
        if (level === 'warn') warnings.push(message);
      },
      executors: {
        Echo: async ({ i }) => {
          runs.set(i, (runs.get(i) ?? 0) + 1);
          await Promise.resolve();
          // The first task started while others wait behind it in the worker holds its slot.
          if (!blocked && w.claimedAhead > 0) {
            blocked = true;
            await gate;
          }
        },
      },
    });
    worker = w;
    w.start();
    await waitFor('a task blocks its slot with tasks claimed ahead', () => blocked);
    // Their deadline is a quarter of the 400 ms lease: handed back, queued again with the attempt refunded.
    await waitFor('tasks claimed ahead handed back', () => w.claimedAhead === 0 && warnings.some((m) => m.includes('claimed ahead')));
    const released = [];
    for (const id of ids) if ((await store.events(id)).some((event) => event.type === 'released')) released.push(id);
    expect(released.length).toBeGreaterThan(0);
    for (const id of released) expect(await store.get(id)).toMatchObject({ state: 'queued', attempts: 0, lostLeases: 0 });
    unblock();
    await waitFor('all done', async () => (await store.stats()).counts.done === ids.length);
    expect(runs.size).toBe(ids.length);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    for (const id of ids) expect(await store.get(id)).toMatchObject({ state: 'done', attempts: 1, lostLeases: 0 });
  });
});
