import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DONE_EVENT_ID, type ClaimedTask, type Settlement, type Store } from '../../src/store.js';
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

  it('derives the done event from the task row: id DONE_EVENT_ID, the finish time and attempt, after every stored event', async () => {
    // A first attempt that was retried, so the done event follows stored events of two attempts.
    await store.settle([{ id: task.id, token: task.token, kind: 'retry', error: 'Error: 503', runAt: new Date() }]);
    const [second] = await store.claim({ owner: 'w', names: ['noop'], limit: 1, leaseMs: 10_000 });
    if (second === undefined) throw new Error('precondition: the retry was claimed again');
    await store.progress({ id: task.id, token: second.token }, 'half', { n: 1 });
    // Not done yet: no done event is shown while the task runs.
    expect((await store.events(task.id)).map((event) => event.type)).toEqual(['enqueued', 'started', 'retrying', 'started', 'progress']);
    expect(await store.settle([{ id: task.id, token: second.token, kind: 'done', result: null }])).toEqual([true]);
    const record = await store.get(task.id);
    const events = await store.events(task.id);
    expect(events.map((event) => event.type)).toEqual(['enqueued', 'started', 'retrying', 'started', 'progress', 'done']);
    expect(events.at(-1)).toEqual({
      id: DONE_EVENT_ID,
      taskId: task.id,
      schedule: null,
      type: 'done',
      at: record?.finishedAt,
      attempt: 2,
      data: null,
    });
    const progressId = events.at(-2)?.id ?? 0;
    expect(progressId).toBeLessThan(DONE_EVENT_ID);
    // Tailing: after the last stored event only done follows; after done, nothing.
    expect((await store.events(task.id, progressId)).map((event) => event.type)).toEqual(['done']);
    expect(await store.events(task.id, DONE_EVENT_ID)).toEqual([]);
    // A second outcome for the same lease is refused and adds nothing.
    expect(await store.settle([{ id: task.id, token: second.token, kind: 'fail', error: 'late' }])).toEqual([false]);
    expect((await store.events(task.id)).map((event) => event.type)).toEqual([
      'enqueued',
      'started',
      'retrying',
      'started',
      'progress',
      'done',
    ]);
    // A purged task has no events at all, derived or stored.
    expect(await store.purge(new Date(Date.now() + 60_000))).toBe(1);
    expect(await store.events(task.id)).toEqual([]);
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

describe.each(storeFactories)('$name store: settle batches', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await factory.open());
  });
  afterEach(async () => dispose());

  const claimAll = async (count: number): Promise<ClaimedTask[]> => {
    await store.enqueue(Array.from({ length: count }, (_, i) => newTask({ payload: { i } })));
    const claimed = await store.claim({ owner: 'w', names: ['noop'], limit: count, leaseMs: 60_000 });
    if (claimed.length !== count) throw new Error(`precondition: claimed ${String(claimed.length)} of ${String(count)}`);
    return claimed;
  };

  it('stores each outcome of a large mixed batch on its own task, whatever the order, and refuses stale tokens in it', async () => {
    const tasks = await claimAll(150);
    const later = new Date(Date.now() + 60_000);
    // Every fifth task gets each kind; the batch runs in an order unrelated to the claim order.
    const settlements: Settlement[] = tasks.map((task, i): Settlement => {
      const ref = { id: task.id, token: task.token };
      switch (i % 5) {
        case 0:
          return { ...ref, kind: 'done', result: { i } };
        case 1:
          return { ...ref, kind: 'retry', error: `Error: ${String(i)}`, runAt: later };
        case 2:
          return { ...ref, kind: 'fail', error: `failed ${String(i)}` };
        case 3:
          return { ...ref, kind: 'defer', runAt: later, reason: `wait ${String(i)}` };
        default:
          return { ...ref, kind: 'done', result: `result ${String(i)}` };
      }
    });
    const order = settlements.map((_, i) => (i * 53) % settlements.length);
    expect(new Set(order).size).toBe(settlements.length);
    // Ten stale settlements (a token no claim gave) among them, each for a task that is settled too.
    const stale: Settlement[] = tasks
      .slice(0, 10)
      .map((task) => ({ id: task.id, token: `${task.token}-old`, kind: 'fail', error: 'stale' }));
    const batch = order.flatMap((i, k) =>
      k < 10 ? [stale[k] as Settlement, settlements[i] as Settlement] : [settlements[i] as Settlement],
    );
    const applied = await store.settle(batch);
    expect(applied).toEqual(batch.map((s) => !s.token.endsWith('-old')));
    for (const [i, task] of tasks.entries()) {
      const record = await store.get(task.id);
      const expected = [
        { state: 'done', result: { i }, attempts: 1, lastError: null },
        { state: 'retrying', attempts: 1, lastError: `Error: ${String(i)}`, runAt: later },
        { state: 'failed', attempts: 1, lastError: `failed ${String(i)}` },
        { state: 'queued', attempts: 0, runAt: later },
        { state: 'done', result: `result ${String(i)}`, attempts: 1, lastError: null },
      ][i % 5];
      expect(record).toMatchObject({ ...expected, leaseOwner: null });
      const last = (await store.events(task.id)).at(-1);
      expect(last?.type).toBe(['done', 'retrying', 'failed', 'deferred', 'done'][i % 5]);
      if (i % 5 === 3) expect(last?.data).toEqual({ reason: `wait ${String(i)}`, runAt: later.toISOString() });
      if (i % 5 === 1) expect(last?.data).toEqual({ error: `Error: ${String(i)}`, runAt: later.toISOString() });
    }
  });

  it('a stale and the current lease of one task in one batch: only the current one applies, before or after the stale one', async () => {
    const [first, second] = await claimAll(2);
    if (first === undefined || second === undefined) throw new Error('precondition: two tasks');
    // Each task is released and claimed again: the first token is stale, the second current.
    expect(await store.settle([first, second].map((task) => ({ id: task.id, token: task.token, kind: 'release' as const })))).toEqual([
      true,
      true,
    ]);
    const again = await store.claim({ owner: 'w', names: ['noop'], limit: 2, leaseMs: 60_000 });
    const token = (id: string): string => again.find((task) => task.id === id)?.token ?? '';
    expect(
      await store.settle([
        { id: first.id, token: first.token, kind: 'done', result: 'stale' },
        { id: first.id, token: token(first.id), kind: 'done', result: 'current' },
        { id: second.id, token: token(second.id), kind: 'done', result: 'current' },
        { id: second.id, token: second.token, kind: 'fail', error: 'stale' },
      ]),
    ).toEqual([false, true, true, false]);
    for (const task of [first, second]) expect(await store.get(task.id)).toMatchObject({ state: 'done', result: 'current', attempts: 1 });
  });

  it('the same settlement twice in one batch applies its first occurrence only', async () => {
    const [task] = await claimAll(1);
    if (task === undefined) throw new Error('precondition: one task');
    expect(
      await store.settle([
        { id: task.id, token: task.token, kind: 'done', result: 'first' },
        { id: task.id, token: task.token, kind: 'done', result: 'second' },
      ]),
    ).toEqual([true, false]);
    expect(await store.get(task.id)).toMatchObject({ state: 'done', result: 'first' });
  });
});
