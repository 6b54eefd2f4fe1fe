import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTasks } from '../../src/define-tasks.js';
import { enqueue } from '../../src/enqueue.js';
import { createFleet, type Fleet } from '../../src/fleet.js';
import { waitFor } from '../helpers/wait-for.js';

const TaskSpec = defineTasks({ Hello: { schema: z.object({ name: z.string() }) } });
const executors = { Hello: ({ name }: { name: string }) => `hello ${name}` };

describe('createFleet', () => {
  let fleet: Fleet | undefined;
  let dir = '';
  afterEach(async () => {
    await fleet?.stop({ deadlineMs: 500 });
    fleet = undefined;
    rmSync(dir, { recursive: true, force: true });
  });
  const url = (): string => {
    dir = mkdtempSync(join(tmpdir(), 'fleet-app-'));
    return `sqlite:${join(dir, 'fleet.db')}`;
  };

  it('role all: opens the store from the URL, becomes the enqueue default and drains', async () => {
    fleet = await createFleet({
      tasks: TaskSpec,
      executors,
      url: url(),
      role: 'all',
      worker: { pollIntervalMs: 20 },
      log: () => undefined,
    });
    expect(fleet.worker).toBeDefined();
    const id = await enqueue(TaskSpec.Hello({ name: 'fleet' }));
    const store = fleet.store;
    expect(await waitFor('the task to be done', async () => (await store.get(id))?.state === 'done')).toBe(true);
    expect((await store.get(id))?.result).toBe('hello fleet');
  });

  it('role all: purges finished tasks after the retention', async () => {
    // Waits only for states that stay once reached (ran, then gone): no race with the purge timer.
    const ran: string[] = [];
    const recording = {
      Hello: ({ name }: { name: string }) => {
        ran.push(name);
        return `hello ${name}`;
      },
    };
    fleet = await createFleet({
      tasks: TaskSpec,
      executors: recording,
      url: url(),
      role: 'all',
      retention: { keepFinishedMs: 0, intervalMs: 50 },
      worker: { pollIntervalMs: 20 },
      log: () => undefined,
    });
    const id = await enqueue(TaskSpec.Hello({ name: 'fleet' }));
    const store = fleet.store;
    await waitFor('retention to purge it', async () => ran.length === 1 && (await store.get(id)) === null);
    expect(ran).toEqual(['fleet']);
  });

  it('stop() resolves and closes its store even when a side task ignores its signal', async () => {
    const logs: string[] = [];
    const started = Date.now();
    fleet = await createFleet({
      tasks: TaskSpec,
      url: url(),
      role: 'worker',
      retention: false,
      sideTasks: [{ name: 'deaf-loop', run: () => new Promise(() => undefined) }],
      log: (_level, message) => logs.push(message),
    });
    const store = fleet.store;
    const outcome = await Promise.race([
      fleet.stop({ deadlineMs: 100, abortGraceMs: 200 }).then(() => 'stopped'),
      new Promise((done) =>
        setTimeout(() => {
          done('hung');
        }, 5000),
      ),
    ]);
    fleet = undefined;
    expect(outcome).toBe('stopped');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(logs).toContain(
      'side tasks deaf-loop did not stop within 200 ms of the shutdown; continuing without them (make them return when their signal aborts).',
    );
    await expect(store.get('x')).rejects.toThrow();
  });

  it('stats() counts only the declared task names as ready, undeclared ones apart', async () => {
    fleet = await createFleet({ tasks: TaskSpec, executors, url: url(), role: 'serve', log: () => undefined });
    await enqueue(TaskSpec.Hello({ name: 'x' }));
    const Gone = defineTasks({ Removed: { schema: z.object({}) } });
    await enqueue(Gone.Removed({}), { store: fleet.store });
    expect(await fleet.stats()).toMatchObject({ ready: 1, undeclaredReady: 1, counts: { queued: 2 } });
    expect((await fleet.store.stats()).ready).toBe(2);
  });

  it('role serve: enqueues but never claims', async () => {
    fleet = await createFleet({ tasks: TaskSpec, executors, url: url(), role: 'serve', log: () => undefined });
    expect(fleet.worker).toBeUndefined();
    const id = await enqueue(TaskSpec.Hello({ name: 'x' }));
    await new Promise((done) => setTimeout(done, 300));
    expect((await fleet.store.get(id))?.state).toBe('queued');
  });
});
