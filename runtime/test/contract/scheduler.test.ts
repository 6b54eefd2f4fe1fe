import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTasks } from '../../src/define-tasks.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';
import type { Store } from '../../src/store.js';
import { storeFactories } from './stores.js';

const TaskSpec = defineTasks({ Report: { schema: z.object({ kind: z.string() }) } });
const t0 = new Date('2026-03-01T10:00:00.500Z');
const at = (ms: number): Date => new Date(t0.getTime() + ms);

describe.each(storeFactories)('$name store: scheduler', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let schedulers: Scheduler[] = [];
  beforeEach(async () => ({ store, dispose } = await factory.open()));
  afterEach(async () => {
    await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
    schedulers = [];
    await dispose();
  });

  const replicas = async (
    count: number,
    spec: Omit<ConstructorParameters<typeof Scheduler>[0]['schedules'][number], 'task'>,
  ): Promise<Scheduler[]> => {
    schedulers = Array.from(
      { length: count },
      () =>
        new Scheduler({
          store,
          schedules: [{ ...spec, task: TaskSpec.Report({ kind: 'daily' }) }],
          tickIntervalMs: 3_600_000,
          log: () => undefined,
        }),
    );
    for (const scheduler of schedulers) await scheduler.start(t0);
    return schedulers;
  };

  it('fires each slot exactly once across replicas ticking together', async () => {
    const nodes = await replicas(5, { name: 'every-sec', every: 1000, overlap: 'allow' });
    for (const now of [at(1000), at(2000), at(3000)]) await Promise.all(nodes.map((node) => node.tick(now)));
    const tasks = await store.list({ name: 'Report' });
    expect(tasks.map((task) => task.key).sort()).toEqual([
      'schedule:every-sec:2026-03-01T10:00:01.500Z',
      'schedule:every-sec:2026-03-01T10:00:02.500Z',
      'schedule:every-sec:2026-03-01T10:00:03.500Z',
    ]);
    expect(tasks.every((task) => task.schedule === 'every-sec')).toBe(true);
  });

  it('runs a backlog of missed slots once, counts them, and resumes', async () => {
    const [node] = await replicas(1, { name: 'hourly', cron: '0 * * * *', timeZone: 'Europe/Paris', overlap: 'allow' });
    expect(await node?.tick(at(5 * 3_600_000))).toBe(1);
    expect(await store.list({ name: 'Report' })).toHaveLength(1);
    const [schedule] = await store.listSchedules();
    expect(schedule).toMatchObject({ missed: 4, nextRunAt: new Date('2026-03-01T16:00:00.000Z') });
  });

  it('skips a slot while the previous run is still queued and records it', async () => {
    const [node] = await replicas(1, { name: 'minutely', cron: '* * * * *' });
    expect(await node?.tick(at(60_000))).toBe(1);
    expect(await node?.tick(at(120_000))).toBe(1);
    expect(await store.list({ name: 'Report' })).toHaveLength(1);
    expect(await store.scheduleEvents('minutely')).toHaveLength(1);
    expect((await store.listSchedules())[0]?.skipped).toBe(1);
  });

  it('does not move the stored cadence when a replica restarts later', async () => {
    await replicas(1, { name: 'daily', cron: '0 3 * * *', timeZone: 'America/New_York' });
    const before = (await store.listSchedules())[0]?.nextRunAt;
    expect(before).toEqual(new Date('2026-03-02T08:00:00.000Z'));
    const restarted = new Scheduler({
      store,
      schedules: [{ name: 'daily', cron: '0 3 * * *', timeZone: 'America/New_York', task: TaskSpec.Report({ kind: 'x' }) }],
    });
    schedulers.push(restarted);
    await restarted.start(at(86_400_000 * 3));
    expect((await store.listSchedules())[0]?.nextRunAt).toEqual(before);
  });
});
