import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTasks } from '../../src/define-tasks.js';
import { enqueue } from '../../src/enqueue.js';
import { createPulse, type Pulse, type PulseResult } from '../../src/pulse/pulse.js';
import type { Store } from '../../src/store.js';
import { sleep } from '../helpers/new-task.js';
import { storePairs } from './pulse-stores.js';

const TaskSpec = defineTasks({
  Send: { schema: z.object({ n: z.number() }) },
  Hang: { schema: z.object({}), policy: { leaseMs: 200 } },
  Report: { schema: z.object({ kind: z.string() }) },
});
const quiet = (): undefined => undefined;
const zero = {
  claimed: 0,
  done: 0,
  retried: 0,
  failed: 0,
  dead: 0,
  deferred: 0,
  released: 0,
  lost: 0,
  refused: 0,
  schedulesFired: 0,
  reclaimed: 0,
  deadLettered: 0,
};
/** The counts of a result, without its timing and end reason. */
const counts = (result: PulseResult): Record<string, number> =>
  Object.fromEntries(Object.keys(zero).map((key) => [key, result[key as keyof typeof zero]]));

describe.each(storePairs)('$name: pulse', (pair) => {
  let a: Store;
  let b: Store;
  let dispose: () => Promise<void>;
  let pulses: Pulse[] = [];
  beforeEach(async () => ({ a, b, dispose } = await pair.open()));
  afterEach(async () => {
    await Promise.all(pulses.map((pulse) => pulse.close()));
    pulses = [];
    await dispose();
  });
  const ran: string[] = [];
  const pulseOn = (store: Store, options: Partial<Parameters<typeof createPulse>[0]> = {}): Pulse => {
    const pulse = createPulse({
      tasks: TaskSpec,
      executors: {
        Send: ({ n }) => {
          ran.push(`Send ${String(n)}`);
        },
        Report: ({ kind }) => {
          ran.push(`Report ${kind}`);
        },
      },
      store,
      secret: 's3cret',
      log: quiet,
      ...options,
    });
    pulses.push(pulse);
    return pulse;
  };
  beforeEach(() => {
    ran.length = 0;
  });

  it('fires the due schedule slot and drains everything ready, then says the queue is empty', async () => {
    await a.upsertSchedule({
      name: 'nightly',
      taskName: 'Report',
      payload: { kind: 'nightly' },
      cron: null,
      intervalMs: 3_600_000,
      timeZone: null,
      overlap: 'skip',
      nextRunAt: new Date(Date.now() - 1000),
    });
    for (const n of [1, 2, 3]) await enqueue(TaskSpec.Send({ n }), { store: a });
    const pulse = pulseOn(a, { schedules: [{ name: 'nightly', every: 3_600_000, task: TaskSpec.Report({ kind: 'nightly' }) }] });
    const result = await pulse.run();
    expect(counts(result)).toEqual({ ...zero, schedulesFired: 1, claimed: 4, done: 4 });
    expect(result.stoppedBecause).toBe('empty');
    expect(ran.sort()).toEqual(['Report nightly', 'Send 1', 'Send 2', 'Send 3']);
    // The slot moved on: the next pulse has nothing to fire or run.
    expect(counts(await pulse.run())).toEqual(zero);
  });

  it('claims at most maxTasks per pulse', async () => {
    for (const n of [1, 2, 3, 4, 5]) await enqueue(TaskSpec.Send({ n }), { store: a });
    const result = await pulseOn(a, { maxTasks: 2, concurrency: 1 }).run();
    expect(counts(result)).toEqual({ ...zero, claimed: 2, done: 2 });
    expect(result.stoppedBecause).toBe('max-tasks');
    expect((await a.stats()).counts.queued).toBe(3);
  });

  it('hands a task still running at the end of the budget back to the queue with its attempt refunded', async () => {
    const id = await enqueue(TaskSpec.Hang({}), { store: a });
    const pulse = pulseOn(a, {
      budgetMs: 300,
      executors: {
        Hang: (_payload, ctx) =>
          new Promise((_done, fail) => {
            ctx.signal.addEventListener('abort', () => {
              fail(new Error('aborted'));
            });
          }),
      },
    });
    const result = await pulse.run();
    expect(counts(result)).toEqual({ ...zero, claimed: 1, released: 1 });
    expect(result.stoppedBecause).toBe('budget');
    expect(result.elapsedMs).toBeGreaterThanOrEqual(300);
    expect(await a.get(id)).toMatchObject({ state: 'queued', attempts: 0 });
  });

  it('reclaims the expired lease of a pulse its platform killed, and runs the task', async () => {
    const id = await enqueue(TaskSpec.Send({ n: 9 }), { store: a });
    // A pulse that claimed and died: its lease is never heartbeated nor settled.
    expect(await a.claim({ owner: 'killed-pulse', names: ['Send'], limit: 1, leaseMs: 50 })).toHaveLength(1);
    await sleep(120);
    const result = await pulseOn(b).run();
    expect(counts(result)).toEqual({ ...zero, reclaimed: 1, claimed: 1, done: 1 });
    expect(await a.get(id)).toMatchObject({ state: 'done' });
    expect(ran).toEqual(['Send 9']);
  });

  it('runs every task exactly once and fires a slot once when two pulses overlap on two connections', async () => {
    await a.upsertSchedule({
      name: 'hourly',
      taskName: 'Report',
      payload: { kind: 'hourly' },
      cron: null,
      intervalMs: 3_600_000,
      timeZone: null,
      overlap: 'skip',
      nextRunAt: new Date(Date.now() - 1000),
    });
    const ids = await Promise.all(Array.from({ length: 40 }, (_, n) => enqueue(TaskSpec.Send({ n }), { store: a })));
    const schedules = [{ name: 'hourly', every: 3_600_000, task: TaskSpec.Report({ kind: 'hourly' }) }];
    // Executors that yield, so the two pulses' claims interleave.
    const slow = {
      Send: async ({ n }: { n: number }) => {
        await sleep(2);
        ran.push(`Send ${String(n)}`);
      },
      Report: ({ kind }: { kind: string }) => {
        ran.push(`Report ${kind}`);
      },
    };
    const [first, second] = await Promise.all([
      pulseOn(a, { schedules, executors: slow, concurrency: 4 }).run(),
      pulseOn(b, { schedules, executors: slow, concurrency: 4 }).run(),
    ]);
    expect(first.schedulesFired + second.schedulesFired).toBe(1);
    expect(first.claimed + second.claimed).toBe(41);
    expect(first.done + second.done).toBe(41);
    expect(first.refused + second.refused + first.lost + second.lost).toBe(0);
    expect(ran).toHaveLength(41);
    expect(new Set(ran).size).toBe(41);
    const states = await Promise.all(ids.map(async (id) => (await a.get(id))?.state));
    expect(new Set(states)).toEqual(new Set(['done']));
  });
});
