import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimedTask, Store } from '../../src/store.js';
import { newTask } from '../helpers/new-task.js';
import { storeFactories } from './stores.js';

describe.each(storeFactories)('$name store: settleAndClaim', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let first: ClaimedTask;
  const input = { owner: 'w', names: ['noop'], limit: 2, leaseMs: 10_000 };
  beforeEach(async () => {
    ({ store, dispose } = await factory.open());
    const base = Date.now() - 1000;
    await store.enqueue([0, 1, 2].map((i) => newTask({ runAt: new Date(base + i) })));
    const [claimed] = await store.claim({ ...input, limit: 1 });
    if (claimed === undefined) throw new Error('precondition: claim returned a task');
    first = claimed;
  });
  afterEach(async () => dispose());

  it('stores the outcomes and claims the next tasks, with the events of both', async () => {
    const { applied, claimed } = await store.settleAndClaim([{ id: first.id, token: first.token, kind: 'done', result: { n: 1 } }], input);
    expect(applied).toEqual([true]);
    expect(claimed).toHaveLength(2);
    expect(claimed.map((task) => task.id)).not.toContain(first.id);
    expect(claimed.every((task) => task.attempt === 1 && task.token !== first.token)).toBe(true);
    expect(await store.get(first.id)).toMatchObject({ state: 'done', result: { n: 1 }, leaseOwner: null });
    expect((await store.events(first.id)).map((event) => event.type)).toEqual(['enqueued', 'started', 'done']);
    for (const task of claimed) expect((await store.events(task.id)).map((event) => event.type)).toEqual(['enqueued', 'started']);
    expect((await store.stats()).counts).toMatchObject({ done: 1, running: 2, queued: 0 });
  });

  it('refuses an outcome whose lease is gone and still claims', async () => {
    expect(await store.cancel(first.id)).toBe(true);
    const { applied, claimed } = await store.settleAndClaim([{ id: first.id, token: first.token, kind: 'done', result: null }], input);
    expect(applied).toEqual([false]);
    expect(await store.get(first.id)).toMatchObject({ state: 'cancelled', result: null });
    expect(claimed).toHaveLength(2);
  });

  it('refunds the attempt of a released task like settle does', async () => {
    const { applied } = await store.settleAndClaim([{ id: first.id, token: first.token, kind: 'release' }], { ...input, limit: 1 });
    expect(applied).toEqual([true]);
    expect(await store.get(first.id)).toMatchObject({ state: 'queued', attempts: 0, leaseOwner: null });
    expect((await store.events(first.id)).at(-1)?.type).toBe('released');
  });

  it('never hands one task to two concurrent calls', async () => {
    const [a, b] = await Promise.all([store.settleAndClaim([], input), store.settleAndClaim([], input)]);
    const ids = [...a.claimed, ...b.claimed].map((task) => task.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });
});
