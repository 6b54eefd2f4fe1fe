import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScheduleDefinition, Store } from '../../src/store.js';
import { newTask } from '../helpers/new-task.js';
import { storeFactories } from './stores.js';

const slot = new Date('2026-01-01T00:00:00.000Z');
const definition = (overrides: Partial<ScheduleDefinition> = {}): ScheduleDefinition => ({
  name: 'report',
  taskName: 'noop',
  payload: { kind: 'daily' },
  cron: '0 * * * *',
  intervalMs: null,
  timeZone: 'UTC',
  overlap: 'skip',
  nextRunAt: slot,
  ...overrides,
});

describe.each(storeFactories)('$name store: schedules', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => ({ store, dispose } = await factory.open()));
  afterEach(async () => dispose());

  const advance = (expected: Date, next: Date, missed = 0) =>
    store.advanceSchedule({
      name: 'report',
      expectedNextRunAt: expected,
      newNextRunAt: next,
      missed,
      task: newTask({ key: `schedule:report:${expected.toISOString()}`, schedule: 'report' }),
    });

  it('keeps nextRunAt when the same definition is upserted again, moves it when the timing changes', async () => {
    await store.upsertSchedule(definition());
    await store.upsertSchedule(definition({ nextRunAt: new Date('2026-06-01T00:00:00Z'), payload: { kind: 'v2' } }));
    expect((await store.listSchedules())[0]).toMatchObject({
      name: 'report',
      nextRunAt: slot,
      payload: { kind: 'v2' },
      missed: 0,
      skipped: 0,
    });
    await store.upsertSchedule(definition({ cron: '30 * * * *', nextRunAt: new Date('2026-06-01T00:30:00Z') }));
    expect((await store.listSchedules())[0]?.nextRunAt).toEqual(new Date('2026-06-01T00:30:00Z'));
  });

  it('lists due schedules only', async () => {
    await store.upsertSchedule(definition());
    expect(await store.dueSchedules(new Date(slot.getTime() - 1))).toEqual([]);
    expect((await store.dueSchedules(slot)).map((schedule) => schedule.name)).toEqual(['report']);
  });

  it('lets exactly one of many concurrent advances of a slot win and fire', async () => {
    await store.upsertSchedule(definition());
    const next = new Date(slot.getTime() + 3_600_000);
    const results = await Promise.all(Array.from({ length: 10 }, () => advance(slot, next)));
    const winners = results.filter((result) => result.won);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ won: true, fired: true });
    expect(await store.list({ name: 'noop' })).toHaveLength(1);
    expect((await store.listSchedules())[0]).toMatchObject({ nextRunAt: next, lastFiredAt: expect.any(Date) as Date });
  });

  it('skips a slot while the previous run is active and records the skip', async () => {
    await store.upsertSchedule(definition());
    const second = new Date(slot.getTime() + 3_600_000);
    const first = await advance(slot, second);
    expect(first).toMatchObject({ won: true, fired: true });
    const skipped = await advance(second, new Date(second.getTime() + 3_600_000), 2);
    expect(skipped).toMatchObject({ won: true, fired: false });
    expect((await store.listSchedules())[0]).toMatchObject({ skipped: 1, missed: 2 });
    expect(await store.scheduleEvents('report')).toMatchObject([{ type: 'skipped', taskId: null, data: { slot: second.toISOString() } }]);
    expect(await store.list({ name: 'noop' })).toHaveLength(1);
  });

  it('does not let a run whose worker died (lease expired) block later slots, and never runs it beside them', async () => {
    await store.upsertSchedule(definition());
    const second = new Date(slot.getTime() + 3_600_000);
    expect(await advance(slot, second)).toMatchObject({ fired: true });
    const [crashed] = await store.claim({ owner: 'killed-replica', names: ['noop'], limit: 1, leaseMs: 100 });
    if (crashed === undefined) throw new Error('the first slot task was not claimable');
    // Lease still live: the holder may be alive, so the slot is skipped.
    expect(await advance(second, new Date(second.getTime() + 3_600_000))).toMatchObject({ won: true, fired: false });
    await new Promise((done) => setTimeout(done, 150));
    // Lease expired and no reaper has run: the next slot fires and the dead run is closed.
    const third = new Date(second.getTime() + 3_600_000);
    expect(await advance(third, new Date(third.getTime() + 3_600_000))).toMatchObject({ won: true, fired: true });
    expect(await store.get(crashed.id)).toMatchObject({ state: 'cancelled', lostLeases: 1, leaseOwner: null });
    expect((await store.get(crashed.id))?.lastError).toMatch(
      /^lease expired: the worker killed-replica stopped heartbeating; superseded by the next slot of schedule report$/,
    );
    expect((await store.events(crashed.id)).map((event) => event.type)).toEqual(['enqueued', 'started', 'lease-expired', 'cancelled']);
    expect(await store.heartbeat([{ id: crashed.id, token: crashed.token }], 1000)).toEqual([crashed.id]);
    expect((await store.reapExpired()).requeued).toEqual([]);
    expect((await store.list({ name: 'noop' })).map((task) => task.state).sort()).toEqual(['cancelled', 'queued']);
  });

  it('fires again once the previous run finished, and always with overlap allow', async () => {
    await store.upsertSchedule(definition({ overlap: 'allow' }));
    const second = new Date(slot.getTime() + 3_600_000);
    await advance(slot, second);
    expect(await advance(second, new Date(second.getTime() + 3_600_000))).toMatchObject({ won: true, fired: true });
    expect(await store.list({ name: 'noop' })).toHaveLength(2);
  });
});
