import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimedTask, Store } from '../../src/store.js';
import { newTask, sleep } from '../helpers/new-task.js';
import { storeFactories } from './stores.js';

describe.each(storeFactories)('$name store: leases', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ store, dispose } = await factory.open()));
  afterEach(async () => dispose());

  async function claimOne(leaseMs = 10_000, owner = 'w1'): Promise<ClaimedTask> {
    const [task] = await store.claim({ owner, names: ['noop'], limit: 1, leaseMs });
    if (task === undefined) throw new Error('precondition: a task should have been claimed');
    return task;
  }

  it('heartbeat extends a held lease and reports lost ones', async () => {
    await store.enqueue([newTask(), newTask()]);
    const task = await claimOne(300);
    const other = await claimOne(300);
    const before = (await store.get(task.id))?.leaseUntil?.getTime() ?? 0;
    await sleep(20);
    expect(
      await store.heartbeat(
        [
          { id: task.id, token: task.token },
          { id: other.id, token: 'stale' },
        ],
        5000,
      ),
    ).toEqual([other.id]);
    expect((await store.get(task.id))?.leaseUntil?.getTime()).toBeGreaterThan(before + 4000);
  });

  it('heartbeat of many leases in any order extends every current one and reports each stale one, even beside the current lease of its task', async () => {
    await store.enqueue(Array.from({ length: 120 }, () => newTask()));
    const tasks = await store.claim({ owner: 'w1', names: ['noop'], limit: 120, leaseMs: 300 });
    expect(tasks).toHaveLength(120);
    const current = tasks.map((task, i) => tasks[(i * 7) % tasks.length] ?? task).map((task) => ({ id: task.id, token: task.token }));
    expect(new Set(current.map((lease) => lease.id)).size).toBe(120);
    // A stale token for five held tasks, before or after their current lease.
    const stale = tasks.slice(0, 5).map((task) => ({ id: task.id, token: `${task.token}-old` }));
    const leases = [stale[0], ...current.slice(0, 60), stale[1], stale[2], ...current.slice(60), stale[3], stale[4]].filter(
      (lease): lease is { id: string; token: string } => lease !== undefined,
    );
    const lost = await store.heartbeat(leases, 60_000);
    expect([...lost].sort()).toEqual(stale.map((lease) => lease.id).sort());
    for (const task of tasks) expect((await store.get(task.id))?.leaseUntil?.getTime()).toBeGreaterThan(Date.now() + 50_000);
  });

  it('reaps an expired lease: requeued, the attempt spent, the old token fenced off', async () => {
    const row = newTask();
    await store.enqueue([row]);
    const first = await claimOne(50);
    await sleep(120);
    expect(await store.reapExpired()).toEqual({ requeued: [row.id], dead: [] });
    expect(await store.get(row.id)).toMatchObject({ state: 'queued', attempts: 1, lostLeases: 1, leaseOwner: null });
    const second = await claimOne(10_000, 'w2');
    expect(second).toMatchObject({ id: row.id, attempt: 2 });
    // The first worker wakes up late: every write it tries is refused.
    expect(await store.heartbeat([{ id: row.id, token: first.token }], 1000)).toEqual([row.id]);
    expect(await store.settle([{ id: row.id, token: first.token, kind: 'done', result: 'stale' }])).toEqual([false]);
    expect(await store.progress({ id: row.id, token: first.token }, 's', null)).toBe(false);
    expect(await store.putStep({ id: row.id, token: first.token }, 's', 1)).toBe(false);
    expect(await store.settle([{ id: row.id, token: second.token, kind: 'done', result: 'fresh' }])).toEqual([true]);
    expect(await store.get(row.id)).toMatchObject({ state: 'done', result: 'fresh' });
  });

  it('does not reap leases that have not expired', async () => {
    await store.enqueue([newTask()]);
    const task = await claimOne(10_000);
    expect((await store.get(task.id))?.state).toBe('running');
    expect(await store.reapExpired()).toEqual({ requeued: [], dead: [] });
  });

  it('dead-letters a task that lost its lease maxLostLeases times', async () => {
    const row = newTask({ maxLostLeases: 2, maxAttempts: 10 });
    await store.enqueue([row]);
    await claimOne(30);
    await sleep(80);
    expect((await store.reapExpired()).requeued).toEqual([row.id]);
    await claimOne(30);
    await sleep(80);
    expect(await store.reapExpired()).toEqual({ requeued: [], dead: [row.id] });
    expect(await store.get(row.id)).toMatchObject({ state: 'dead', lostLeases: 2 });
    expect((await store.events(row.id)).map((event) => event.type).slice(-2)).toEqual(['lease-expired', 'dead']);
  });

  it('dead-letters on reap when the lost run was the last attempt', async () => {
    const row = newTask({ maxAttempts: 1 });
    await store.enqueue([row]);
    await claimOne(30);
    await sleep(80);
    expect(await store.reapExpired()).toEqual({ requeued: [], dead: [row.id] });
  });

  it('lets the first terminal state win', async () => {
    const row = newTask();
    await store.enqueue([row]);
    const task = await claimOne();
    const lease = { id: row.id, token: task.token };
    expect(
      await store.settle([
        { ...lease, kind: 'fail', error: 'boom' },
        { ...lease, kind: 'done', result: 1 },
      ]),
    ).toEqual([true, false]);
    expect(await store.cancel(row.id)).toBe(false);
    expect(await store.get(row.id)).toMatchObject({ state: 'failed', lastError: 'boom', result: null });
  });

  it('cancelling a running task takes its lease away', async () => {
    const row = newTask();
    await store.enqueue([row]);
    const task = await claimOne();
    expect(await store.cancel(row.id)).toBe(true);
    expect(await store.heartbeat([{ id: row.id, token: task.token }], 1000)).toEqual([row.id]);
    expect(await store.settle([{ id: row.id, token: task.token, kind: 'done', result: null }])).toEqual([false]);
    expect((await store.get(row.id))?.state).toBe('cancelled');
  });
});
