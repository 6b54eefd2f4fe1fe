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

  it('role all: opens the store from the URL, becomes the enqueue default, drains and purges', async () => {
    fleet = await createFleet({ tasks: TaskSpec, executors, url: url(), role: 'all', retention: { keepFinishedMs: 0, intervalMs: 50 }, worker: { pollIntervalMs: 20 }, log: () => undefined });
    expect(fleet.worker).toBeDefined();
    const id = await enqueue(TaskSpec.Hello({ name: 'fleet' }));
    const store = fleet.store;
    expect(await waitFor('the task to be done', async () => (await store.get(id))?.result === 'hello fleet')).toBe(true);
    await waitFor('retention to purge it', async () => (await store.get(id)) === null);
  });

  it('role serve: enqueues but never claims', async () => {
    fleet = await createFleet({ tasks: TaskSpec, executors, url: url(), role: 'serve', log: () => undefined });
    expect(fleet.worker).toBeUndefined();
    const id = await enqueue(TaskSpec.Hello({ name: 'x' }));
    await new Promise((done) => setTimeout(done, 300));
    expect((await fleet.store.get(id))?.state).toBe('queued');
  });
});
