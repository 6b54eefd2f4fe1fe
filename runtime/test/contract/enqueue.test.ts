import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store.js';
import { newTask, sleep } from '../helpers/new-task.js';
import { waitFor } from '../helpers/wait-for.js';
import { storeFactories } from './stores.js';

describe.each(storeFactories)('$name store: enqueue', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ store, dispose } = await factory.open()));
  afterEach(async () => dispose());

  it('stores a queued task with its payload and an enqueued event', async () => {
    const task = newTask({ payload: { to: 'a@b.c', n: [1, 2] }, tenant: 't1', priority: 5 });
    expect(await store.enqueue([task])).toEqual([{ id: task.id, created: true }]);
    const record = await store.get(task.id);
    expect(record).toMatchObject({
      id: task.id,
      name: 'noop',
      state: 'queued',
      payload: { to: 'a@b.c', n: [1, 2] },
      tenant: 't1',
      priority: 5,
      attempts: 0,
      maxAttempts: 3,
    });
    expect((await store.events(task.id)).map((event) => event.type)).toEqual(['enqueued']);
  });

  it('stores every column of a batch as given: JSON null and scalar payloads, quotes, backslashes, braces, commas, non-ASCII, run_at to the ms (also past year 9999, before 1970 and before year 1)', async () => {
    const awkward = 'a "quoted", {braced} \\ back\\slash, tab\t, newline\n, café ✓ 𝄞 NULL';
    const runAt = new Date(Date.UTC(2030, 0, 2, 3, 4, 5, 678));
    const tasks = [
      newTask({ payload: null }),
      newTask({ payload: awkward, tenant: awkward, priority: -7, runAt, maxAttempts: 9, maxLostLeases: 4, schedule: awkward }),
      newTask({ payload: [1.5, -0.25, 1e21, true, false, null, { [awkward]: [awkward] }], name: 'odd "name", {x}' }),
      newTask({ payload: { nested: { deep: [{}, []] } } }),
      // Beyond year 9999 and before year 1 a Date's ISO text is `+010000-…` / `-000001-…`; before 1970 its epoch ms are negative.
      newTask({ runAt: new Date(Date.UTC(10000, 5, 6, 7, 8, 9, 1)) }),
      newTask({ runAt: new Date(Date.UTC(1969, 11, 31, 23, 59, 59, 999)) }),
      newTask({ runAt: new Date(Date.UTC(-1, 0, 2, 3, 4, 5, 6)) }),
    ];
    const keyed = newTask({ key: awkward, payload: 'k' });
    for (const batch of [tasks, [keyed]]) {
      expect(await store.enqueue(batch)).toEqual(batch.map((task) => ({ id: task.id, created: true })));
      for (const task of batch) {
        expect(await store.get(task.id)).toMatchObject({
          id: task.id,
          name: task.name,
          payload: task.payload,
          key: task.key,
          tenant: task.tenant,
          priority: task.priority,
          runAt: task.runAt,
          maxAttempts: task.maxAttempts,
          maxLostLeases: task.maxLostLeases,
          schedule: task.schedule,
          state: 'queued',
        });
      }
    }
    // Insertion order is batch order: the cursor (seq) grows along the batch.
    const cursors = await Promise.all(tasks.map(async (task) => BigInt((await store.get(task.id))?.cursor ?? '0')));
    expect([...cursors].sort((a, b) => (a < b ? -1 : 1))).toEqual(cursors);
    expect(await store.enqueue([{ ...newTask({ key: awkward, payload: 'other' }) }])).toEqual([{ id: keyed.id, created: false }]);
  });

  it('derives the enqueued event from the task row: id 0, the task creation time and schedule, before every stored event', async () => {
    const task = { ...newTask(), schedule: 'nightly' };
    await store.enqueue([task]);
    const record = await store.get(task.id);
    const [enqueued] = await store.events(task.id);
    expect(enqueued).toEqual({
      id: 0,
      taskId: task.id,
      schedule: 'nightly',
      type: 'enqueued',
      at: record?.createdAt,
      attempt: null,
      data: null,
    });
    expect(await store.cancel(task.id)).toBe(true);
    const events = await store.events(task.id);
    expect(events.map((event) => [event.type, event.id > 0])).toEqual([
      ['enqueued', false],
      ['cancelled', true],
    ]);
    // Tailing after id 0 (or any later id) leaves the derived event out, as any event at or before the id.
    expect((await store.events(task.id, 0)).map((event) => event.type)).toEqual(['cancelled']);
    expect(await store.events(task.id, events[1]?.id)).toEqual([]);
    // A purged task has no events at all, derived or stored.
    expect(await store.purge(new Date(Date.now() + 60_000))).toBe(1);
    expect(await store.events(task.id)).toEqual([]);
  });

  it('returns the existing task for a repeated (name, key) and leaves it unchanged', async () => {
    const first = newTask({ key: 'order-7', payload: { v: 1 } });
    const second = newTask({ key: 'order-7', payload: { v: 2 } });
    await store.enqueue([first]);
    expect(await store.enqueue([second])).toEqual([{ id: first.id, created: false }]);
    expect((await store.get(first.id))?.payload).toEqual({ v: 1 });
    expect(await store.get(second.id)).toBeNull();
  });

  it('scopes keys to the task name', async () => {
    const a = newTask({ name: 'a', key: 'k' });
    const b = newTask({ name: 'b', key: 'k' });
    const results = await store.enqueue([a, b]);
    expect(results.map((result) => result.created)).toEqual([true, true]);
  });

  it('makes one task out of concurrent enqueues with one key', async () => {
    const attempts = Array.from({ length: 20 }, () => newTask({ key: 'same' }));
    const results = (await Promise.all(attempts.map((task) => store.enqueue([task])))).flat();
    const ids = new Set(results.map((result) => result.id));
    expect(ids.size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await store.list({ name: 'noop' })).toHaveLength(1);
  });

  it('keeps the key while the task is finished, until purged', async () => {
    const task = newTask({ key: 'once' });
    await store.enqueue([task]);
    const [claimed] = await store.claim({ owner: 'w', names: ['noop'], limit: 1, leaseMs: 10_000 });
    expect(claimed?.id).toBe(task.id);
    await store.settle([{ id: task.id, token: claimed?.token ?? '', kind: 'done', result: null }]);
    expect(await store.enqueue([newTask({ key: 'once' })])).toEqual([{ id: task.id, created: false }]);
    expect(await store.purge(new Date(Date.now() + 1000))).toBe(1);
    expect((await store.enqueue([newTask({ key: 'once' })]))[0]?.created).toBe(true);
  });

  it('wakes subscribers when new work is enqueued, until they unsubscribe', async () => {
    let wakes = 0;
    const unsubscribe = store.subscribe(() => (wakes += 1));
    await store.enqueue([newTask()]);
    await waitFor('a wake-up', () => wakes > 0, 5000);
    unsubscribe();
    const seen = wakes;
    await store.enqueue([newTask()]);
    await sleep(200);
    expect(wakes).toBe(seen);
  });
});
