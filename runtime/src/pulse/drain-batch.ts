import type { TaskDefinition } from '../define-tasks.js';
import type { Logger } from '../logger.js';
import type { ClaimedTask, Settlement, Store } from '../store.js';
import { heartbeatLeases, type HeldTask } from '../worker/heartbeat-leases.js';
import { runTask } from '../worker/run-task.js';
import { TaskAbortedError, type Executor } from '../worker/task-context.js';

/** What one drain did, by outcome. `released`: handed back unfinished when the budget ran out (attempt refunded). */
export interface DrainCounts {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
  dead: number;
  deferred: number;
  released: number;
  /** Runs whose lease was lost (cancelled or reclaimed) before they ended: nothing was written. */
  lost: number;
  /** Outcomes the store refused because the lease had already moved on. */
  refused: number;
}

/** Why a drain ended. */
export type DrainEnd = 'empty' | 'budget' | 'max-tasks';

export interface DrainInput {
  store: Store;
  owner: string;
  /** Executable tasks by name, grouped by lease length for the claims. */
  runnable: ReadonlyMap<string, { definition: TaskDefinition; executor: Executor<never> }>;
  concurrency: number;
  maxTasks: number;
  /** `Date.now()` value after which nothing new starts and running tasks are aborted and handed back. */
  deadline: number;
  log: Logger;
}

const COUNT_OF: Record<Settlement['kind'], keyof DrainCounts> = {
  done: 'done',
  retry: 'retried',
  fail: 'failed',
  dead: 'dead',
  defer: 'deferred',
  release: 'released',
};

/**
 * Claim and run up to `maxTasks` tasks, `concurrency` at a time, until the queue has nothing ready
 * for these executors or the deadline passes. Leases are heartbeated while tasks run; at the
 * deadline running executors are aborted (`shutdown`) and their tasks handed back with the attempt
 * refunded, exactly as a stopping worker does. Each outcome is written when its task ends.
 */
export async function drainBatch(input: DrainInput): Promise<{ counts: DrainCounts; end: DrainEnd }> {
  const { store, owner, runnable, log } = input;
  const counts: DrainCounts = { claimed: 0, done: 0, retried: 0, failed: 0, dead: 0, deferred: 0, released: 0, lost: 0, refused: 0 };
  const groups = new Map<number, string[]>();
  for (const [name, { definition }] of runnable)
    groups.set(definition.policy.leaseMs, [...(groups.get(definition.policy.leaseMs) ?? []), name]);
  const held = new Map<string, HeldTask>();
  const running = new Set<Promise<void>>();
  const shortestLease = Math.min(...groups.keys(), 30_000);
  const heartbeat = setInterval(() => void heartbeatLeases(store, held, log), Math.max(50, Math.floor(shortestLease / 3)));
  // An object, not a `let`: it flips inside the timer, which control-flow narrowing cannot see.
  const time = { over: false };
  const budget = setTimeout(
    () => {
      time.over = true;
      for (const entry of held.values()) entry.controller.abort(new TaskAbortedError('shutdown', 'the pulse ran out of time'));
    },
    Math.max(0, input.deadline - Date.now()),
  );

  const settle = async (settlement: Settlement): Promise<void> => {
    const [applied] = await store.settle([settlement]);
    if (applied === true) counts[COUNT_OF[settlement.kind]] += 1;
    else counts.refused += 1;
  };
  const begin = (task: ClaimedTask, leaseMs: number): void => {
    const entry = runnable.get(task.name);
    if (entry === undefined) throw new Error(`Pulse: claimed unknown task ${task.name}.`);
    const controller = new AbortController();
    const lease = { id: task.id, token: task.token };
    held.set(task.id, {
      lease,
      name: task.name,
      startedAt: performance.now(),
      leaseMs,
      controller,
      settled: false,
      done: Promise.resolve(),
    });
    const run: Promise<void> = runTask({ store, task, definition: entry.definition, executor: entry.executor, controller })
      .then((settlement) => {
        if (settlement === null) counts.lost += 1;
        else return settle(settlement);
        return undefined;
      })
      .catch((error: unknown) => {
        log('error', `pulse: task ${task.id} could not be settled: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        held.delete(task.id);
        running.delete(run);
      });
    running.add(run);
  };

  let end: DrainEnd | undefined;
  try {
    while (end === undefined) {
      const room = Math.min(input.concurrency - running.size, input.maxTasks - counts.claimed);
      if (time.over) end = 'budget';
      else if (input.maxTasks - counts.claimed <= 0 && running.size === 0) end = 'max-tasks';
      else if (room > 0 && !(await claimInto(room))) {
        if (running.size === 0) end = 'empty';
      }
      if (end === undefined && running.size > 0) await Promise.race(running);
      else if (end === undefined && room <= 0) end = time.over ? 'budget' : 'max-tasks';
    }
    await Promise.all(running);
  } finally {
    clearInterval(heartbeat);
    clearTimeout(budget);
  }
  return { counts, end };

  /** Claim up to `room` tasks and start them; false when nothing was ready. */
  async function claimInto(room: number): Promise<boolean> {
    let any = false;
    for (const [leaseMs, names] of groups) {
      const limit = Math.min(room, input.maxTasks - counts.claimed);
      if (limit <= 0) break;
      const claimed = await store.claim({ owner, names, limit, leaseMs });
      counts.claimed += claimed.length;
      any ||= claimed.length > 0;
      // A claim that returned after the deadline: hand its tasks straight back, unrun.
      if (time.over) await Promise.all(claimed.map((task) => settle({ id: task.id, token: task.token, kind: 'release' })));
      else for (const task of claimed) begin(task, leaseMs);
    }
    return any;
  }
}
