import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store.js';
import { newTask } from '../helpers/new-task.js';
import { storeFactories } from './stores.js';

describe.each(storeFactories)('$name store: claim', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ store, dispose } = await factory.open()));
  afterEach(async () => dispose());

  it('claims highest priority first, then oldest runAt, charging one attempt', async () => {
    const old = newTask({ runAt: new Date(Date.now() - 5000) });
    const young = newTask({ runAt: new Date(Date.now() - 1000) });
    const urgent = newTask({ priority: 10, runAt: new Date(Date.now() - 10) });
    await store.enqueue([young, old, urgent]);
    const claimed = await store.claim({ owner: 'w1', names: ['noop'], limit: 2, leaseMs: 10_000 });
    expect(claimed.map((task) => task.id)).toEqual([urgent.id, old.id]);
    expect(claimed[0]).toMatchObject({ attempt: 1, maxAttempts: 3, name: 'noop', payload: { n: 1 } });
    expect(await store.get(urgent.id)).toMatchObject({ state: 'running', attempts: 1, leaseOwner: 'w1' });
    expect((await store.events(urgent.id)).map((event) => event.type)).toEqual(['enqueued', 'started']);
  });

  it('does not claim tasks before their runAt or with names it was not asked for', async () => {
    await store.enqueue([newTask({ runAt: new Date(Date.now() + 60_000) }), newTask({ name: 'other' })]);
    expect(await store.list()).toHaveLength(2);
    expect(await store.claim({ owner: 'w', names: ['noop'], limit: 10, leaseMs: 1000 })).toEqual([]);
  });

  it('never hands one task to two concurrent claims', async () => {
    await store.enqueue(Array.from({ length: 50 }, () => newTask()));
    const batches = await Promise.all(
      Array.from({ length: 8 }, (_, i) => store.claim({ owner: `w${String(i)}`, names: ['noop'], limit: 10, leaseMs: 10_000 })),
    );
    const ids = batches.flat().map((task) => task.id);
    expect(ids).toHaveLength(50);
    expect(new Set(ids).size).toBe(50);
  });

  it('gives each claim a fresh token', async () => {
    const task = newTask();
    await store.enqueue([task]);
    const [first] = await store.claim({ owner: 'w', names: ['noop'], limit: 1, leaseMs: 10_000 });
    expect(first).toBeDefined();
    expect(await store.settle([{ id: task.id, token: first?.token ?? '', kind: 'release' }])).toEqual([true]);
    const [second] = await store.claim({ owner: 'w', names: ['noop'], limit: 1, leaseMs: 10_000 });
    expect(second?.id).toBe(task.id);
    expect(second?.token).not.toBe(first?.token);
  });
});
