import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/store.js';
import { dropSchema, freshSchema, newTask, openTestStore, TEST_POSTGRES_URL } from './pg-helpers.js';
import { killAllPgProcesses, spawnPgProcess } from './pg-spawn.js';

// Real worker processes on PostgreSQL: a crash (kill -9) and a graceful shutdown.
const schema = freshSchema('pgcrash');
let store: Store;
const LEASE_MS = 1500;
const worker = (extra: Record<string, string> = {}) =>
  spawnPgProcess({
    FLEET_PROC_MODE: 'worker',
    FLEET_PROC_URL: TEST_POSTGRES_URL,
    FLEET_PROC_SCHEMA: schema,
    FLEET_PROC_LEASE_MS: String(LEASE_MS),
    ...extra,
  });

beforeAll(async () => {
  store = await openTestStore(schema);
});
afterEach(() => {
  killAllPgProcesses();
});
async function waitForState(id: string, state: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await store.get(id))?.state !== state) {
    if (Date.now() > deadline) throw new Error(`task ${id} did not reach ${state} within ${String(timeoutMs)} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
afterAll(async () => {
  await store.close();
  await dropSchema(schema);
});

describe('worker processes on PostgreSQL', () => {
  it('reclaims the task of a worker killed with SIGKILL mid-task after its lease, and completes it elsewhere', async () => {
    const task = newTask({ name: 'proc.sleep', payload: { ms: 2500 }, maxAttempts: 5 });
    await store.enqueue([task]);
    const doomed = worker();
    await doomed.waitFor((line) => line === `started ${task.id} 1`, 15_000, 'the first worker to start the task');
    // Precondition: the task is running under the doomed worker's lease.
    const held = await store.get(task.id);
    expect(held).toMatchObject({ state: 'running', attempts: 1 });
    const leaseUntil = held?.leaseUntil?.getTime() ?? Number.NaN;
    doomed.child.kill('SIGKILL');
    expect(await doomed.exited).toBe('SIGKILL');

    const rescuer = worker();
    await rescuer.waitFor((line) => line === `started ${task.id} 2`, 15_000, 'the task to be reclaimed');
    // Not before the lease ran out (same machine, same clock; 50 ms for heartbeats in flight).
    expect(Date.now()).toBeGreaterThanOrEqual(leaseUntil - 50);
    await rescuer.waitFor((line) => line === `finished ${task.id}`, 15_000, 'the rescuer to finish the task');
    await waitForState(task.id, 'done');
    expect(await store.get(task.id)).toMatchObject({ state: 'done', attempts: 2, lostLeases: 1 });
    const types = (await store.events(task.id)).map((event) => event.type);
    expect(types).toEqual(['enqueued', 'started', 'lease-expired', 'started', 'done']);
  });

  it('completes every task after a worker is killed mid-batch: nothing is lost', async () => {
    const tasks = Array.from({ length: 12 }, () => newTask({ name: 'proc.sleep', payload: { ms: 400 }, maxAttempts: 5 }));
    await store.enqueue(tasks);
    const doomed = worker({ FLEET_PROC_CONCURRENCY: '4' });
    await doomed.waitFor((line) => line.startsWith('started '), 15_000, 'the doomed worker to start work');
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const running = (await store.list({ states: ['running'], name: 'proc.sleep' })).length;
    expect(running).toBeGreaterThan(0);

    const rescuer = worker({ FLEET_PROC_CONCURRENCY: '4' });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const states = await Promise.all(tasks.map(async (task) => (await store.get(task.id))?.state));
      if (states.every((state) => state === 'done')) break;
      if (Date.now() > deadline) throw new Error(`tasks not all done: ${states.join(', ')}; stderr: ${rescuer.stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const reclaimed = await Promise.all(tasks.map(async (task) => (await store.get(task.id))?.lostLeases ?? 0));
    expect(reclaimed.reduce((a, b) => a + b, 0)).toBe(running);
  });

  it('hands leases back on a graceful shutdown without spending the attempt', async () => {
    const task = newTask({ name: 'proc.sleep', payload: { ms: 60_000 }, maxAttempts: 5 });
    await store.enqueue([task]);
    const leaving = worker({ FLEET_PROC_STOP_DEADLINE_MS: '100' });
    await leaving.waitFor((line) => line === `started ${task.id} 1`, 15_000, 'the worker to start the task');
    expect(await store.get(task.id)).toMatchObject({ state: 'running', attempts: 1 });
    leaving.child.kill('SIGTERM');
    await leaving.waitFor((line) => line === 'stopped', 10_000, 'the worker to stop');
    expect(await leaving.exited).toBe(0);
    // Handed back at once (not after the lease), queued again, the attempt refunded.
    expect(await store.get(task.id)).toMatchObject({ state: 'queued', attempts: 0, lostLeases: 0, leaseOwner: null });
    expect((await store.events(task.id)).map((event) => event.type)).toEqual(['enqueued', 'started', 'released']);
    await store.cancel(task.id);
  });
});
