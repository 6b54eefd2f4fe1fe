import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTasks } from '../../src/define-tasks.js';
import { enqueue } from '../../src/enqueue.js';
import { NotYetError, RetryAfterError, TerminalError } from '../../src/errors.js';
import type { Store, TaskState } from '../../src/store.js';
import type { Executors } from '../../src/worker/task-context.js';
import { Worker } from '../../src/worker/worker.js';
import { untilAborted } from '../helpers/until-aborted.js';
import { waitFor } from '../helpers/wait-for.js';
import { storeFactories } from './stores.js';

const fast = { attempts: 3, backoff: { baseMs: 1, maxMs: 5 }, leaseMs: 300 };
const TaskSpec = defineTasks({
  Echo: { schema: z.object({ text: z.string() }), policy: fast },
  Flaky: { schema: z.object({ failures: z.number() }), policy: fast },
  Slow: { schema: z.object({ ms: z.number() }), policy: { ...fast, timeoutMs: 100 } },
  Steps: { schema: z.object({ crashAfterFirst: z.boolean() }), policy: fast },
  // No timeout and a lease a loaded machine keeps alive: only a cancel can end it.
  Held: { schema: z.object({}), policy: { ...fast, leaseMs: 3_000 } },
});

describe.each(storeFactories)('$name store: worker', (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let worker: Worker<typeof TaskSpec> | undefined;
  const calls: string[] = [];
  beforeEach(async () => {
    ({ store, dispose } = await factory.open());
    calls.length = 0;
  });
  afterEach(async () => {
    await worker?.stop({ deadlineMs: 200, abortGraceMs: 100 });
    worker = undefined;
    await dispose();
  });

  const start = (executors: Executors<typeof TaskSpec>): void => {
    worker = new Worker({ store, tasks: TaskSpec, executors, pollIntervalMs: 20, reapIntervalMs: 50, log: () => undefined });
    worker.start();
  };
  const settled = (id: string, states: TaskState[]) =>
    waitFor(`task ${id} in ${states.join('/')}`, async () => {
      const task = await store.get(id);
      return task !== null && states.includes(task.state) ? task : undefined;
    });

  it('runs a task to done with its result and lifecycle events', async () => {
    start({
      Echo: async ({ text }, ctx) => {
        await ctx.progress('echoing', { length: text.length });
        return { echoed: text, attempt: ctx.attempt };
      },
    });
    const id = await enqueue(TaskSpec.Echo({ text: 'hi' }), { store });
    const task = await settled(id, ['done']);
    expect(task.result).toEqual({ echoed: 'hi', attempt: 1 });
    expect((await store.events(id)).map((event) => event.type)).toEqual(['enqueued', 'started', 'progress', 'done']);
  });

  it('retries transient errors with backoff until they pass', async () => {
    start({
      Flaky: (payload, ctx) => {
        if (ctx.attempt <= payload.failures) throw new Error(`flake ${String(ctx.attempt)}`);
        return 'ok';
      },
    });
    const id = await enqueue(TaskSpec.Flaky({ failures: 2 }), { store });
    expect(await settled(id, ['done'])).toMatchObject({ attempts: 3, result: 'ok' });
    expect((await store.events(id)).filter((event) => event.type === 'retrying')).toHaveLength(2);
  });

  it('dead-letters after the last attempt', async () => {
    start({
      Flaky: () => {
        throw new Error('always');
      },
    });
    const id = await enqueue(TaskSpec.Flaky({ failures: 99 }), { store });
    expect(await settled(id, ['dead', 'done', 'failed'])).toMatchObject({ state: 'dead', attempts: 3, lastError: 'Error: always' });
  });

  it('never retries a TerminalError', async () => {
    start({
      Flaky: () => {
        throw new TerminalError('bad address');
      },
    });
    const id = await enqueue(TaskSpec.Flaky({ failures: 1 }), { store });
    expect(await settled(id, ['failed', 'done', 'dead'])).toMatchObject({
      state: 'failed',
      attempts: 1,
      lastError: 'TerminalError: bad address',
    });
  });

  it('defers on NotYetError without spending an attempt', async () => {
    let seen = 0;
    start({
      Echo: () => {
        seen += 1;
        if (seen < 3) throw new NotYetError(5, 'upstream not ready');
        return seen;
      },
    });
    const id = await enqueue(TaskSpec.Echo({ text: 'x' }), { store });
    expect(await settled(id, ['done', 'dead'])).toMatchObject({ state: 'done', attempts: 1, result: 3 });
    expect((await store.events(id)).filter((event) => event.type === 'deferred')).toHaveLength(2);
  });

  it('retries at the time a RetryAfterError names', async () => {
    start({
      Echo: (_payload, ctx) => {
        if (ctx.attempt === 1) throw new RetryAfterError(60_000, 'partner said later');
        return 'second';
      },
    });
    const id = await enqueue(TaskSpec.Echo({ text: 'x' }), { store });
    const waiting = await settled(id, ['retrying']);
    expect(waiting.runAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(await store.retryNow(id)).toBe(true);
    expect(await settled(id, ['done'])).toMatchObject({ attempts: 2, result: 'second' });
  });

  it('aborts the signal on timeout and counts a transient failure', async () => {
    let aborted = false;
    start({
      Slow: async ({ ms }, ctx) => {
        await new Promise((done, fail) => {
          const timer = setTimeout(done, ms);
          ctx.signal.addEventListener('abort', () => {
            aborted = true;
            clearTimeout(timer);
            fail(new Error('aborted'));
          });
        });
      },
    });
    const id = await enqueue(TaskSpec.Slow({ ms: 10_000 }), { store });
    const task = await settled(id, ['retrying', 'dead']);
    expect(aborted).toBe(true);
    expect(task.lastError).toMatch(/^TimeoutError: timed out after 100 ms/);
  });

  it('frees the slot of an executor that ignores its signal after the timeout', async () => {
    start({ Slow: () => new Promise(() => undefined) });
    const id = await enqueue(TaskSpec.Slow({ ms: 0 }), { store });
    // Three attempts in a row can only happen if each hung run gave its slot back at the timeout.
    const task = await settled(id, ['dead']);
    expect(task).toMatchObject({ attempts: 3 });
    expect(task.lastError).toMatch(/^TimeoutError: timed out after 100 ms/);
  });

  it('aborts a running executor when its task is cancelled', async () => {
    let started = false;
    let reason: unknown;
    // A task without a timeout: with Slow's 100 ms, a loaded machine could time it out before the cancel.
    start({
      Held: async (_payload, ctx) => {
        started = true;
        ctx.signal.addEventListener('abort', () => {
          reason = ctx.signal.reason;
        });
        await untilAborted(ctx.signal);
      },
    });
    const id = await enqueue(TaskSpec.Held({}), { store });
    await waitFor('executor to start', () => started);
    expect(await store.cancel(id)).toBe(true);
    await waitFor('the abort', () => reason !== undefined);
    expect(String(reason)).toMatch(/lease was lost/);
    expect((await store.get(id))?.state).toBe('cancelled');
  });

  it('resumes a multi-step task after the last checkpointed step', async () => {
    const ran: string[] = [];
    start({
      Steps: async (_payload, ctx) => {
        const a = await ctx.step('fetch', () => {
          ran.push(`fetch@${String(ctx.attempt)}`);
          return 1;
        });
        const b = await ctx.step('render', () => {
          ran.push(`render@${String(ctx.attempt)}`);
          if (ctx.attempt === 1) throw new Error('render crashed');
          return a + 1;
        });
        return b;
      },
    });
    const id = await enqueue(TaskSpec.Steps({ crashAfterFirst: true }), { store });
    expect(await settled(id, ['done'])).toMatchObject({ result: 2, attempts: 2 });
    expect(ran).toEqual(['fetch@1', 'render@1', 'render@2']);
  });

  it('hands running tasks back on shutdown without spending an attempt', async () => {
    let started = false;
    start({
      Slow: async (_payload, ctx) => {
        started = true;
        await untilAborted(ctx.signal);
      },
    });
    const id = await enqueue(TaskSpec.Slow({ ms: 0 }), { store });
    await waitFor('executor to start', () => started);
    expect((await store.get(id))?.state).toBe('running');
    await worker?.stop({ deadlineMs: 50, abortGraceMs: 500 });
    expect(await store.get(id)).toMatchObject({ state: 'queued', attempts: 0, leaseOwner: null });
    expect((await store.events(id)).at(-1)?.type).toBe('released');
  });

  it('lets running tasks finish before the shutdown deadline', async () => {
    let started = false;
    start({
      Echo: async () => {
        started = true;
        await new Promise((done) => setTimeout(done, 150));
        return 'finished';
      },
    });
    const id = await enqueue(TaskSpec.Echo({ text: 'x' }), { store });
    await waitFor('executor to start', () => started);
    await worker?.stop({ deadlineMs: 5000 });
    expect(await store.get(id)).toMatchObject({ state: 'done', result: 'finished' });
  });

  it('drains many tasks with bounded concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    start({
      Echo: async () => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((done) => setTimeout(done, 2));
        inFlight -= 1;
      },
    });
    const ids = await Promise.all(Array.from({ length: 60 }, (_, i) => enqueue(TaskSpec.Echo({ text: String(i) }), { store })));
    await waitFor('all done', async () => (await store.stats()).counts.done === ids.length);
    expect(peak).toBeLessThanOrEqual(10);
    expect(peak).toBeGreaterThan(1);
  });
});
