import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTasks } from '../../src/define-tasks.js';
import { enqueue } from '../../src/enqueue.js';
import type { Store, TaskState } from '../../src/store.js';
import type { Executors } from '../../src/worker/task-context.js';
import { Worker } from '../../src/worker/worker.js';
import { waitFor } from '../helpers/wait-for.js';
import { storeFactories } from './stores.js';

const fast = { attempts: 2, backoff: { baseMs: 1, maxMs: 5 }, leaseMs: 300 };
const TaskSpec = defineTasks({
  Poison: { schema: z.object({ kind: z.enum(['no-prototype', 'throwing-toString']) }), policy: fast },
  Email: { schema: z.object({ to: z.string() }), policy: { ...fast, attempts: 4 } },
});

/** Values that `String()` cannot turn into text. */
const poison = (kind: 'no-prototype' | 'throwing-toString'): unknown =>
  kind === 'no-prototype'
    ? Object.create(null)
    : {
        toString: () => {
          throw new Error('no text for you');
        },
      };

describe.each(storeFactories)('$name store: worker failure modes', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let worker: Worker<typeof TaskSpec> | undefined;
  const logs: string[] = [];
  beforeEach(async () => {
    ({ store, dispose } = await factory.open());
    logs.length = 0;
  });
  afterEach(async () => {
    await worker?.stop({ deadlineMs: 200, abortGraceMs: 100 });
    worker = undefined;
    await dispose();
  });

  const start = (executors: Executors<typeof TaskSpec>): Worker<typeof TaskSpec> => {
    worker = new Worker({
      store,
      tasks: TaskSpec,
      executors,
      pollIntervalMs: 20,
      reapIntervalMs: 50,
      log: (_level, message) => logs.push(message),
    });
    worker.start();
    return worker;
  };
  const settled = (id: string, states: TaskState[]) =>
    waitFor(
      `task ${id} in ${states.join('/')}`,
      async () => {
        const task = await store.get(id);
        return task !== null && states.includes(task.state) ? task : undefined;
      },
      5000,
    );

  it.each(['no-prototype', 'throwing-toString'] as const)(
    'records a thrown %s value as a failure and dead-letters it by the policy',
    async (kind) => {
      let runs = 0;
      start({
        Poison: (payload) => {
          runs += 1;
          throw poison(payload.kind);
        },
      });
      const id = await enqueue(TaskSpec.Poison({ kind }), { store });
      const task = await settled(id, ['dead']);
      expect(task).toMatchObject({ attempts: 2, leaseOwner: null });
      expect(task.lastError).toMatch(/^thrown value: \[object Object\], which cannot be turned into a string$/);
      expect(runs).toBe(2);
      expect(worker?.active).toBe(0);
    },
  );

  it('keeps the lease through abortGraceMs and stores the outcome of an executor that finishes in it', async () => {
    let finished = false;
    let started = false;
    start({
      Email: async () => {
        started = true;
        // Ignores its signal: finishes 600 ms after the shutdown deadline.
        await new Promise((done) => setTimeout(done, 700));
        finished = true;
        return 'sent';
      },
    });
    const id = await enqueue(TaskSpec.Email({ to: 'a@example.com' }), { store });
    await waitFor('executor to start', () => started);
    const began = Date.now();
    const stopping = worker?.stop({ deadlineMs: 100, abortGraceMs: 3000 });
    await new Promise((done) => setTimeout(done, 350));
    // Past the deadline, still inside the grace: the task must not be up for grabs.
    expect((await store.get(id))?.state).toBe('running');
    await stopping;
    expect(finished).toBe(true);
    expect(Date.now() - began).toBeGreaterThanOrEqual(550);
    expect(await store.get(id)).toMatchObject({ state: 'done', result: 'sent', attempts: 1 });
  });

  it('hands a task back only when abortGraceMs ends for an executor that never returns', async () => {
    let started = false;
    start({
      Email: () => {
        started = true;
        return new Promise(() => undefined);
      },
    });
    const id = await enqueue(TaskSpec.Email({ to: 'a@example.com' }), { store });
    await waitFor('executor to start', () => started);
    const began = Date.now();
    await worker?.stop({ deadlineMs: 50, abortGraceMs: 400 });
    expect(Date.now() - began).toBeGreaterThanOrEqual(420);
    expect(await store.get(id)).toMatchObject({ state: 'queued', attempts: 0, leaseOwner: null });
  });

  it('stops within the deadline while a claim hangs, and hands back what that claim returns later', async () => {
    let open = (): void => undefined;
    const gate = new Promise<void>((done) => {
      open = done;
    });
    let claimCalls = 0;
    const hanging: Store = {
      ...store,
      claim: async (input) => {
        claimCalls += 1;
        await gate;
        return store.claim(input);
      },
    };
    const id = await enqueue(TaskSpec.Email({ to: 'a@example.com' }), { store });
    worker = new Worker({ store: hanging, tasks: TaskSpec, executors: { Email: () => 'sent' }, pollIntervalMs: 20, log: () => undefined });
    worker.start();
    await waitFor('a claim in flight', () => claimCalls > 0);
    const began = Date.now();
    const outcome = await Promise.race([
      worker.stop({ deadlineMs: 150, abortGraceMs: 50 }).then(() => 'stopped'),
      new Promise((done) =>
        setTimeout(() => {
          done('hung');
        }, 3000),
      ),
    ]);
    expect(outcome).toBe('stopped');
    expect(Date.now() - began).toBeLessThan(2000);
    open();
    const task = await waitFor('the late claim to be handed back', async () => {
      const events = (await store.events(id)).map((event) => event.type);
      return events.includes('released') ? store.get(id) : undefined;
    });
    expect(task).toMatchObject({ state: 'queued', attempts: 0, leaseOwner: null });
  });

  it('checkpoints a step that returns nothing as null and never runs it again', async () => {
    const sent: number[] = [];
    start({
      Email: async (_payload, ctx) => {
        const receipt = await ctx.step('send', () => {
          sent.push(ctx.attempt);
        });
        if (ctx.attempt === 1) throw new Error('crash after sending');
        return { receipt };
      },
    });
    const id = await enqueue(TaskSpec.Email({ to: 'a@example.com' }), { store });
    expect(await settled(id, ['done', 'dead', 'failed'])).toMatchObject({ state: 'done', attempts: 2, result: { receipt: null } });
    expect(sent).toEqual([1]);
  });

  it('fails the task at once, naming the step, when a step result cannot be stored', async () => {
    const sent: number[] = [];
    start({
      Email: async (_payload, ctx) => {
        await ctx.step('send', () => {
          sent.push(ctx.attempt);
          return new Date() as unknown as string;
        });
        return 'unreachable';
      },
    });
    const id = await enqueue(TaskSpec.Email({ to: 'a@example.com' }), { store });
    const task = await settled(id, ['failed', 'dead', 'done']);
    expect(task).toMatchObject({ state: 'failed', attempts: 1 });
    expect(task.lastError).toMatch(/^TerminalError: TaskInputError: Task Email: step "send" result is a Date object/);
    expect(task.lastError).toContain('the task fails instead of running the step again');
    expect(sent).toEqual([1]);
  });
});
