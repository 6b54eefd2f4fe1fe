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

  it('pages through a bulk enqueue that shares one createdAt: no task skipped, none repeated', async () => {
    // One enqueue call stamps every row with the same createdAt, so a page boundary falls inside
    // the batch; paging by time skipped the rest of it. `before: lastOfPage.cursor` pages by the
    // unique insertion order instead.
    const batch = Array.from({ length: 250 }, (_, i) => newTask({ payload: { i } }));
    await store.enqueue(batch);
    const first = await store.list({ limit: 100 });
    expect(new Set(first.map((task) => task.createdAt.getTime())).size).toBe(1);
    const seen: string[] = [];
    const pages: number[] = [];
    let before: string | undefined;
    // Bounded: a cursor that does not advance must fail the test, not loop forever.
    for (let i = 0; i < 10; i += 1) {
      const page = await store.list({ limit: 100, ...(before === undefined ? {} : { before }) });
      if (page.length === 0) break;
      pages.push(page.length);
      seen.push(...page.map((task) => task.id));
      before = page.at(-1)?.cursor;
    }
    expect(pages).toEqual([100, 100, 50]);
    expect(new Set(seen).size).toBe(seen.length);
    // Newest first: the reverse of the batch order.
    expect(seen).toEqual(batch.map((task) => task.id).reverse());
  });

  it('pages by cursor within the state, name and tenant filters', async () => {
    const mine = Array.from({ length: 7 }, () => newTask({ name: 'mine', tenant: 't1' }));
    const others = Array.from({ length: 5 }, () => newTask({ name: 'other', tenant: 't1' }));
    // Interleave the two names in one batch so a cursor row of one name sits between rows of the other.
    await store.enqueue(mine.flatMap((task, i) => [task, ...(others[i] ? [others[i]] : [])]));
    const seen: string[] = [];
    let before: string | undefined;
    for (let i = 0; i < 10; i += 1) {
      const page = await store.list({
        name: 'mine',
        tenant: 't1',
        states: ['queued'],
        limit: 3,
        ...(before === undefined ? {} : { before }),
      });
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(3);
      seen.push(...page.map((task) => task.id));
      before = page.at(-1)?.cursor;
    }
    expect(seen).toEqual(mine.map((task) => task.id).reverse());
  });

  it('gives get and list the same cursor, and a later task a cursor that lists before the earlier one', async () => {
    const a = newTask();
    const b = newTask();
    await store.enqueue([a]);
    await store.enqueue([b]);
    const [listedB, listedA] = await store.list();
    expect(listedB?.id).toBe(b.id);
    expect((await store.get(a.id))?.cursor).toBe(listedA?.cursor);
    expect(typeof listedA?.cursor).toBe('string');
    expect((await store.list({ before: listedB?.cursor ?? '' })).map((task) => task.id)).toEqual([a.id]);
    expect(await store.list({ before: listedA?.cursor ?? '' })).toEqual([]);
  });

  it('still accepts a Date as before: tasks created strictly earlier', async () => {
    const a = newTask();
    await store.enqueue([a]);
    await sleep(5);
    const b = newTask();
    await store.enqueue([b]);
    const createdB = (await store.get(b.id))?.createdAt ?? new Date(0);
    expect((await store.list({ before: createdB })).map((task) => task.id)).toEqual([a.id]);
    expect((await store.list({ before: new Date(createdB.getTime() + 1) })).map((task) => task.id)).toEqual([b.id, a.id]);
  });

  it('rejects a before that is neither a cursor nor a valid Date, naming the problem', async () => {
    await store.enqueue([newTask()]);
    await expect(store.list({ before: 'not-a-cursor' })).rejects.toThrow(/before.*cursor/);
    await expect(store.list({ before: '' })).rejects.toThrow(/before.*cursor/);
    await expect(store.list({ before: new Date(Number.NaN) })).rejects.toThrow(/before.*Invalid Date/);
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
    await store.enqueue([
      newTask({ name: 'renamed.away', runAt: hourAgo }),
      newTask({ name: 'renamed.away', runAt: hourAgo }),
      newTask({ runAt: new Date(Date.now() - 1000) }),
    ]);
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
