import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/store.js';
import { dropSchema, freshSchema, openTestStore, TEST_POSTGRES_URL } from './pg-helpers.js';
import { killAllPgProcesses, spawnPgProcess, type PgProcess } from './pg-spawn.js';

// Several real processes racing on one PostgreSQL schema: schedule replicas and keyed enqueues.
const schema = freshSchema('pgreplicas');
let store: Store;
const proc = (settings: Record<string, string>): PgProcess =>
  spawnPgProcess({ FLEET_PROC_URL: TEST_POSTGRES_URL, FLEET_PROC_SCHEMA: schema, ...settings });

beforeAll(async () => {
  store = await openTestStore(schema);
});
afterEach(() => {
  killAllPgProcesses();
});
afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

describe('replica processes on PostgreSQL', () => {
  it('fires each slot of a 1 s schedule exactly once while 3 replicas tick it every 50 ms', async () => {
    const replicas = [1, 2, 3].map(() => proc({ FLEET_PROC_MODE: 'scheduler' }));
    await Promise.all(
      replicas.map((replica, i) => replica.waitFor((line) => line === 'ready', 20_000, `replica ${String(i + 1)} to start`)),
    );
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    for (const replica of replicas) replica.child.kill('SIGTERM');
    await Promise.all(replicas.map((replica) => replica.exited));

    const tasks = await store.list({ name: 'proc.sleep', limit: 1000 });
    const slots = tasks.map((task) => task.key ?? '').sort();
    // Precondition: the replicas really fired (4.5 s of 1 s slots).
    expect(slots.length).toBeGreaterThanOrEqual(3);
    expect(new Set(slots).size).toBe(slots.length);
    expect(tasks.every((task) => task.schedule === 'proc.every-second')).toBe(true);
    // No slot skipped and none doubled: consecutive slot times are exactly 1 s apart.
    // The scheduler keys each task `schedule:<name>:<slot ISO time>`.
    const prefix = 'schedule:proc.every-second:';
    expect(slots.every((key) => key.startsWith(prefix))).toBe(true);
    const times = slots.map((key) => Date.parse(key.slice(prefix.length))).sort((a, b) => a - b);
    expect(times.slice(1).map((time, i) => time - (times[i] as number))).toEqual(times.slice(1).map(() => 1000));
    const [schedule] = await store.listSchedules();
    expect(schedule).toMatchObject({ name: 'proc.every-second', missed: 0 });
    for (const replica of replicas) expect(replica.stderr()).not.toMatch(/error/i);
  });

  it('creates one task when 6 processes enqueue the same key at the same moment', async () => {
    const startAt = String(Date.now() + 2_500);
    const enqueuers = [1, 2, 3, 4, 5, 6].map(() =>
      proc({ FLEET_PROC_MODE: 'enqueue', FLEET_PROC_START_AT: startAt, FLEET_PROC_KEY: 'one-key' }),
    );
    const lines = await Promise.all(
      enqueuers.map((p, i) => p.waitFor((line) => line.startsWith('enqueued '), 20_000, `enqueuer ${String(i + 1)}`)),
    );
    const ids = new Set(lines.map((line) => line.slice('enqueued '.length)));
    expect(lines).toHaveLength(6);
    expect(ids.size).toBe(1);
    const keyed = (await store.list({ name: 'proc.sleep', limit: 1000 })).filter((task) => task.key === 'one-key');
    expect(keyed.map((task) => task.id)).toEqual([...ids]);
  });
});
