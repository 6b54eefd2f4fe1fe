import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store.js';
import { newTask, sleep } from '../helpers/new-task.js';
import { storeFactories } from './stores.js';

describe.each(storeFactories)('$name store: status and history', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ store, dispose } = await factory.open()));
  afterEach(async () => dispose());

  it('lists newest first with state, name and tenant filters', async () => {
    const a = newTask({ name: 'a', tenant: 't1' });
    await store.enqueue([a]);
    await sleep(5);
    const b = newTask({ name: 'b', tenant: 't2' });
    await store.enqueue([b]);
    expect((await store.list()).map((task) => task.id)).toEqual([b.id, a.id]);
    expect((await store.list({ name: 'a' })).map((task) => task.id)).toEqual([a.id]);
    expect((await store.list({ tenant: 't2' })).map((task) => task.id)).toEqual([b.id]);
    expect(await store.list({ states: ['done'] })).toEqual([]);
    expect((await store.list({ limit: 1 })).map((task) => task.id)).toEqual([b.id]);
  });

  it('cancels queued tasks but not finished ones', async () => {
    const row = newTask();
    await store.enqueue([row]);
    expect(await store.cancel(row.id)).toBe(true);
    expect(await store.cancel(row.id)).toBe(false);
    expect(await store.cancel('00000000-0000-0000-0000-000000000000')).toBe(false);
    expect((await store.events(row.id)).map((event) => event.type)).toEqual(['enqueued', 'cancelled']);
  });

  it('redrives only the ids asked for', async () => {
    const rows = [newTask({ maxAttempts: 1 }), newTask({ maxAttempts: 1 })];
    await store.enqueue(rows);
    const claimed = await store.claim({ owner: 'w', names: ['noop'], limit: 2, leaseMs: 10_000 });
    expect(claimed).toHaveLength(2);
    await store.settle(claimed.map((task) => ({ id: task.id, token: task.token, kind: 'dead' as const, error: 'x' })));
    const first = rows[0]?.id ?? '';
    expect(await store.redrive([first])).toEqual([first]);
    expect((await store.list({ states: ['dead'] })).map((task) => task.id)).toEqual([rows[1]?.id]);
  });

  it('counts states, ready depth and the oldest ready age', async () => {
    await store.enqueue([newTask({ runAt: new Date(Date.now() - 2000) }), newTask(), newTask({ runAt: new Date(Date.now() + 60_000) })]);
    await store.claim({ owner: 'w', names: ['noop'], limit: 1, leaseMs: 10_000 });
    const stats = await store.stats();
    expect(stats.counts).toMatchObject({ queued: 2, running: 1, done: 0 });
    expect(stats.ready).toBe(1);
    expect(stats.oldestReadyAgeMs).toBeGreaterThanOrEqual(0);
    expect(stats.oldestReadyAgeMs).toBeLessThan(2000);
  });

  it('counts ready tasks of undeclared names apart when given the declared names', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000);
    await store.enqueue([newTask({ name: 'renamed.away', runAt: hourAgo }), newTask({ name: 'renamed.away', runAt: hourAgo }), newTask({ runAt: new Date(Date.now() - 1000) })]);
    const all = await store.stats();
    expect(all).toMatchObject({ ready: 3 });
    expect(all.oldestReadyAgeMs).toBeGreaterThanOrEqual(3_600_000);
    expect(all.undeclaredReady).toBeUndefined();
    const declared = await store.stats({ names: ['noop'] });
    expect(declared).toMatchObject({ ready: 1, undeclaredReady: 2 });
    expect(declared.counts.queued).toBe(3);
    // The hour-old tasks nobody runs no longer make the queue look an hour behind.
    expect(declared.oldestReadyAgeMs).toBeLessThan(60_000);
    expect(await store.stats({ names: [] })).toMatchObject({ ready: 0, oldestReadyAgeMs: 0, undeclaredReady: 3 });
  });

  it('purges only finished tasks older than the cutoff, with their events', async () => {
    const finished = newTask();
    const live = newTask({ runAt: new Date(Date.now() + 60_000) });
    await store.enqueue([finished, live]);
    expect(await store.cancel(finished.id)).toBe(true);
    expect(await store.purge(new Date(Date.now() - 60_000))).toBe(0);
    expect(await store.purge(new Date(Date.now() + 1000))).toBe(1);
    expect(await store.get(finished.id)).toBeNull();
    expect(await store.events(finished.id)).toEqual([]);
    expect((await store.get(live.id))?.state).toBe('queued');
  });

  it('records progress and checkpointed steps only for the lease holder, first write wins', async () => {
    const row = newTask();
    await store.enqueue([row]);
    const [task] = await store.claim({ owner: 'w', names: ['noop'], limit: 1, leaseMs: 10_000 });
    const lease = { id: row.id, token: task?.token ?? '' };
    expect(await store.progress(lease, 'render', { page: 2 })).toBe(true);
    expect((await store.get(row.id))?.progress).toEqual({ step: 'render', data: { page: 2 } });
    expect((await store.events(row.id)).at(-1)).toMatchObject({ type: 'progress', data: { step: 'render', data: { page: 2 } } });
    expect(await store.putStep(lease, 'fetch', { rows: 3 })).toBe(true);
    expect(await store.putStep(lease, 'fetch', { rows: 99 })).toBe(true);
    expect(await store.putStep({ id: row.id, token: 'other' }, 'upload', 1)).toBe(false);
    expect(await store.getSteps(row.id)).toEqual({ fetch: { rows: 3 } });
  });
});
