import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimedTask, Store } from '../../src/store.js';
import { newTask } from '../helpers/new-task.js';
import { storeFactories } from './stores.js';

describe.each(storeFactories)('$name store: settle', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let task: ClaimedTask;
  beforeEach(async () => {
    ({ store, dispose } = await factory.open());
    await store.enqueue([newTask()]);
    const [claimed] = await store.claim({ owner: 'w', names: ['noop'], limit: 1, leaseMs: 10_000 });
    if (claimed === undefined) throw new Error('precondition: claim returned a task');
    task = claimed;
  });
  afterEach(async () => dispose());

  const lastEvent = async (): Promise<string | undefined> => (await store.events(task.id)).at(-1)?.type;

  it('done stores the result and a finish time', async () => {
    expect(await store.settle([{ id: task.id, token: task.token, kind: 'done', result: { sent: true } }])).toEqual([true]);
    const record = await store.get(task.id);
    expect(record).toMatchObject({ state: 'done', result: { sent: true }, leaseOwner: null, attempts: 1 });
    expect(record?.finishedAt).toBeInstanceOf(Date);
    expect(await lastEvent()).toBe('done');
  });

  it('retry keeps the attempt spent and waits until runAt', async () => {
    const runAt = new Date(Date.now() + 60_000);
    await store.settle([{ id: task.id, token: task.token, kind: 'retry', error: 'Error: 503', runAt }]);
    expect(await store.get(task.id)).toMatchObject({ state: 'retrying', attempts: 1, lastError: 'Error: 503', runAt });
    expect(await store.claim({ owner: 'w', names: ['noop'], limit: 1, leaseMs: 1000 })).toEqual([]);
    expect(await lastEvent()).toBe('retrying');
    expect(await store.retryNow(task.id)).toBe(true);
    expect((await store.claim({ owner: 'w', names: ['noop'], limit: 1, leaseMs: 1000 }))[0]).toMatchObject({ id: task.id, attempt: 2 });
  });

  it('defer refunds the attempt', async () => {
    const runAt = new Date(Date.now() + 60_000);
    await store.settle([{ id: task.id, token: task.token, kind: 'defer', runAt, reason: 'upstream not compiled' }]);
    expect(await store.get(task.id)).toMatchObject({ state: 'queued', attempts: 0, runAt });
    const [event] = (await store.events(task.id)).slice(-1);
    expect(event).toMatchObject({ type: 'deferred', data: { reason: 'upstream not compiled' } });
  });

  it('release refunds the attempt and is claimable at once', async () => {
    await store.settle([{ id: task.id, token: task.token, kind: 'release' }]);
    expect(await store.get(task.id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(await lastEvent()).toBe('released');
    expect((await store.claim({ owner: 'w2', names: ['noop'], limit: 1, leaseMs: 1000 }))[0]).toMatchObject({ id: task.id, attempt: 1 });
  });

  it('fail and dead are terminal and re-drivable', async () => {
    await store.settle([{ id: task.id, token: task.token, kind: 'dead', error: 'gave up' }]);
    expect(await store.get(task.id)).toMatchObject({ state: 'dead', lastError: 'gave up' });
    expect((await store.list({ states: ['dead'] })).map((record) => record.id)).toEqual([task.id]);
    expect(await store.redrive()).toEqual([task.id]);
    expect(await store.get(task.id)).toMatchObject({ state: 'queued', attempts: 0, lostLeases: 0, finishedAt: null });
    expect(await lastEvent()).toBe('redriven');
  });
});
