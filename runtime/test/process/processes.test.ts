import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from '../../src/connect.js';
import { enqueue } from '../../src/enqueue.js';
import type { Store } from '../../src/store.js';
import { spawnTs, type Child } from '../helpers/spawn-ts.js';
import { waitFor } from '../helpers/wait-for.js';
import { tasks } from './tasks-module.js';

// Real processes on one SQLite file: the crash, shutdown and race guarantees hold across processes,
// not just across promises in one process.
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const cli = here('./cli-entry.ts');
const race = here('./race-entry.ts');
const tasksModule = here('./tasks-module.ts');

describe('sqlite with real processes', () => {
  let dir: string;
  let url: string;
  let store: Store;
  const children: Child[] = [];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fleet-proc-'));
    url = `sqlite:${join(dir, 'fleet.db')}`;
    store = await connect({ url });
  });
  afterEach(async () => {
    for (const child of children.splice(0)) if (child.process.exitCode === null) child.process.kill('SIGKILL');
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const worker = (): Child => {
    const child = spawnTs(cli, ['worker', '--tasks', tasksModule, '--shutdown-timeout', '300'], { FLEET_DATABASE_URL: url });
    children.push(child);
    return child;
  };
  const markers = (): string[] => readdirSync(dir).filter((file) => file.startsWith('started-'));

  it('reclaims the task of a worker killed with SIGKILL mid-task and completes it elsewhere', async () => {
    const id = await enqueue(tasks.Work({ markers: dir, hangOnFirstAttempt: true }), { store });
    const first = worker();
    await waitFor('the first worker to start the task', () => markers().includes(`started-${id}-1`), 20_000);
    expect(await store.get(id)).toMatchObject({ state: 'running', attempts: 1 });
    first.process.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    const second = worker();
    const done = await waitFor(
      'the task to complete on the second worker',
      async () => {
        const task = await store.get(id);
        return task?.state === 'done' ? task : undefined;
      },
      20_000,
    );
    expect(done).toMatchObject({ attempts: 2, lostLeases: 1, result: { pid: second.process.pid, attempt: 2 } });
    expect((await store.events(id)).map((event) => event.type)).toEqual(['enqueued', 'started', 'lease-expired', 'started', 'done']);
  });

  it('hands a running task back on SIGTERM without spending an attempt', async () => {
    const id = await enqueue(tasks.Work({ markers: dir, hangOnFirstAttempt: true }), { store });
    const child = worker();
    await waitFor('the worker to start the task', () => markers().includes(`started-${id}-1`), 20_000);
    expect((await store.get(id))?.state).toBe('running');
    child.process.kill('SIGTERM');
    expect(await child.exited).toBe(0);
    expect(await store.get(id)).toMatchObject({ state: 'queued', attempts: 0, leaseOwner: null });
    expect((await store.events(id)).at(-1)?.type).toBe('released');
    expect(child.output()).toContain('SIGTERM: stopping');
  });

  it('creates one task from concurrent enqueues with one key in several processes', async () => {
    const racers = Array.from({ length: 4 }, () => spawnTs(race, ['enqueue', 'invoice-42'], { FLEET_DATABASE_URL: url }));
    children.push(...racers);
    expect(await Promise.all(racers.map((child) => child.exited))).toEqual([0, 0, 0, 0]);
    const ids = racers.flatMap((child) => JSON.parse(child.output().trim()) as string[]);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(1);
    expect(await store.list({ name: 'Tick' })).toHaveLength(1);
  });

  it('fires each schedule slot exactly once across processes ticking together', async () => {
    const tickers = Array.from({ length: 4 }, () => spawnTs(race, ['schedule', '3500'], { FLEET_DATABASE_URL: url }));
    children.push(...tickers);
    expect(await Promise.all(tickers.map((child) => child.exited))).toEqual([0, 0, 0, 0]);
    const won = tickers.map((child) => (JSON.parse(child.output().trim()) as { won: number }).won).reduce((a, b) => a + b, 0);
    const fired = await store.list({ name: 'Tick' });
    const slots = fired.map((task) => Date.parse(task.key?.split(':').slice(2).join(':') ?? '')).sort();
    // Wins are counted by the processes themselves, so a double fire would show even if keys deduped it.
    expect(won).toBe(fired.length);
    expect(fired.length).toBeGreaterThanOrEqual(2);
    slots.slice(1).forEach((slot, i) => {
      expect(slot - (slots[i] ?? 0)).toBe(1000);
    });
    expect(existsSync(join(dir, 'fleet.db'))).toBe(true);
  });
});
