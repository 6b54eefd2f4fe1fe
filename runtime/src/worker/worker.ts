import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { definitionsOf, type AnyTaskSpecs, type TaskDefinition } from '../define-tasks.js';
import { defaultLogger, type Logger } from '../logger.js';
import type { ClaimedTask, LeaseRef, Settlement, Store } from '../store.js';
import { runTask } from './run-task.js';
import { TaskAbortedError, type Executor, type Executors } from './task-context.js';

/** Options of {@link Worker}. */
export interface WorkerOptions<S extends AnyTaskSpecs> {
  store: Store;
  /** The `defineTasks` result. */
  tasks: S;
  /** Executors keyed like `tasks`; the worker claims only tasks that have one. */
  executors: Executors<S>;
  /** Tasks run at once. Default 10. */
  concurrency?: number;
  /** Most tasks taken per claim. Default 100. */
  claimBatch?: number;
  /** Poll for work from other processes this often. Default 1000 ms (same-process enqueues wake at once). */
  pollIntervalMs?: number;
  /** Reclaim expired leases this often. Default 5000 ms. */
  reapIntervalMs?: number;
  /** Lease owner id. Default `<host>:<pid>:<random>`. */
  owner?: string;
  log?: Logger;
  /** Jitter source for backoff (tests). Default `Math.random`. */
  random?: () => number;
}

/** Options of {@link Worker.stop}. */
export interface StopOptions {
  /** Wait this long for running tasks to finish. Default 25 000 ms (inside Kubernetes' 30 s). */
  deadlineMs?: number;
  /** After aborting, wait this long for executors to return before handing their leases back. Default 2000 ms. */
  abortGraceMs?: number;
}

interface Running {
  lease: LeaseRef;
  leaseMs: number;
  controller: AbortController;
  done: Promise<void>;
  /** Set once a settlement was queued; later outcomes of the same run are ignored. */
  settled: boolean;
}

/**
 * Drains the queue: claims ready tasks in batches with a lease, runs them with bounded concurrency,
 * heartbeats all leases from one timer, writes outcomes in batches, reclaims expired leases, and
 * on `stop()` hands unfinished work back without spending an attempt.
 */
export class Worker<S extends AnyTaskSpecs> {
  readonly owner: string;
  readonly #store: Store;
  readonly #log: Logger;
  readonly #options: WorkerOptions<S>;
  readonly #definitions = new Map<string, TaskDefinition>();
  readonly #executors = new Map<string, Executor<never>>();
  /** Task names grouped by lease length: one claim call per group. */
  readonly #groups = new Map<number, string[]>();
  readonly #running = new Map<string, Running>();
  #pending: { entry: Running; settlement: Settlement }[] = [];
  #flushing: Promise<void> | undefined;
  #state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  #claiming = false;
  #claimAgain = false;
  #timers: NodeJS.Timeout[] = [];
  #unsubscribe: (() => void) | undefined;

  constructor(options: WorkerOptions<S>) {
    this.#options = options;
    this.#store = options.store;
    this.#log = options.log ?? defaultLogger;
    this.owner = options.owner ?? `${hostname()}:${String(process.pid)}:${randomUUID().slice(0, 8)}`;
    const definitions = definitionsOf(options.tasks);
    for (const [key, executor] of Object.entries(options.executors as Record<string, Executor<never> | undefined>)) {
      const definition = options.tasks[key]?.definition;
      if (definition === undefined) throw new Error(`Worker: executor ${key} has no task of that name in \`tasks\`; known tasks: ${Object.keys(options.tasks).join(', ')}.`);
      if (executor === undefined) continue;
      this.#definitions.set(definition.name, definitions.get(definition.name) ?? (definition as TaskDefinition));
      this.#executors.set(definition.name, executor);
      const group = this.#groups.get(definition.policy.leaseMs) ?? [];
      group.push(definition.name);
      this.#groups.set(definition.policy.leaseMs, group);
    }
  }

  /** Tasks currently held by this worker. */
  get active(): number {
    return this.#running.size;
  }

  /** Start claiming. Idempotent. */
  start(): void {
    if (this.#state !== 'new') return;
    this.#state = 'running';
    if (this.#executors.size === 0) this.#log('warn', 'worker started with no executors; it will not claim anything.');
    this.#unsubscribe = this.#store.subscribe(() => { this.#poke(); });
    const shortestLease = Math.min(...this.#groups.keys(), 30_000);
    this.#timers.push(
      setInterval(() => { this.#poke(); }, this.#options.pollIntervalMs ?? 1000),
      setInterval(() => void this.#heartbeat(), Math.max(50, Math.floor(shortestLease / 3))),
      setInterval(() => void this.#reap(), this.#options.reapIntervalMs ?? 5000),
    );
    void this.#reap();
    this.#poke();
  }

  /** Ask for a claim round now (coalesced with one in flight). */
  #poke(): void {
    if (this.#state !== 'running') return;
    if (this.#claiming) {
      this.#claimAgain = true;
      return;
    }
    void this.#fill();
  }

  async #fill(): Promise<void> {
    this.#claiming = true;
    try {
      do {
        this.#claimAgain = false;
        for (const [leaseMs, names] of this.#groups) {
          const free = (this.#options.concurrency ?? 10) - this.#running.size;
          if (free <= 0 || this.#state !== 'running') break;
          const limit = Math.min(free, this.#options.claimBatch ?? 100);
          const claimed = await this.#store.claim({ owner: this.owner, names, limit, leaseMs });
          for (const task of claimed) this.#begin(task, leaseMs);
          // A full batch means more work is probably waiting: claim again as soon as slots free.
          if (claimed.length === limit) this.#claimAgain = true;
        }
      } while (this.#claimAgain && this.#state === 'running' && this.#running.size < (this.#options.concurrency ?? 10));
    } catch (error) {
      this.#log('error', `claim failed, will retry on the next poll: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.#claiming = false;
    }
  }

  #begin(task: ClaimedTask, leaseMs: number): void {
    const definition = this.#definitions.get(task.name);
    const executor = this.#executors.get(task.name);
    if (definition === undefined || executor === undefined) throw new Error(`Worker: claimed unknown task ${task.name}.`);
    const controller = new AbortController();
    const entry: Running = { lease: { id: task.id, token: task.token }, leaseMs, controller, settled: false, done: Promise.resolve() };
    this.#running.set(task.id, entry);
    entry.done = runTask({ store: this.#store, task, definition, executor, controller, ...(this.#options.random ? { random: this.#options.random } : {}) }).then(
      (settlement) => { this.#finish(entry, settlement); },
      (error: unknown) => { this.#log('error', `task ${task.id} crashed the runner: ${String(error)}`); },
    );
  }

  #finish(entry: Running, settlement: Settlement | null): void {
    if (entry.settled) return;
    entry.settled = true;
    if (settlement === null) {
      this.#running.delete(entry.lease.id);
      this.#poke();
      return;
    }
    this.#pending.push({ entry, settlement });
    // Outcomes that arrive in the same turn of the event loop are written in one transaction.
    if (this.#pending.length === 1) setImmediate(() => void this.#flush());
  }

  #flush(): Promise<void> {
    this.#flushing = (this.#flushing ?? Promise.resolve()).then(async () => {
      const batch = this.#pending;
      if (batch.length === 0) return;
      this.#pending = [];
      try {
        const applied = await this.#store.settle(batch.map((item) => item.settlement));
        applied.forEach((ok, index) => {
          if (!ok) this.#log('warn', `task ${batch[index]?.entry.lease.id ?? '?'}: outcome not stored, the lease was already lost.`);
        });
        for (const item of batch) this.#running.delete(item.entry.lease.id);
        this.#poke();
      } catch (error) {
        // Keep the leases (heartbeats continue) and try again; the outcome is not lost while we hold them.
        this.#log('error', `storing ${String(batch.length)} outcomes failed, retrying: ${error instanceof Error ? error.message : String(error)}`);
        this.#pending.unshift(...batch);
        await new Promise((done) => setTimeout(done, 500));
        void this.#flush();
      }
    });
    return this.#flushing;
  }

  async #heartbeat(): Promise<void> {
    const byLease = new Map<number, LeaseRef[]>();
    for (const entry of this.#running.values()) byLease.set(entry.leaseMs, [...(byLease.get(entry.leaseMs) ?? []), entry.lease]);
    try {
      for (const [leaseMs, leases] of byLease) {
        for (const id of await this.#store.heartbeat(leases, leaseMs)) {
          const entry = this.#running.get(id);
          if (entry === undefined || entry.settled) continue;
          this.#log('warn', `task ${id}: lease lost (cancelled or reclaimed); aborting its executor.`);
          entry.controller.abort(new TaskAbortedError('lease-lost', 'the lease was lost (task cancelled or reclaimed by another worker)'));
        }
      }
    } catch (error) {
      this.#log('error', `heartbeat failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async #reap(): Promise<void> {
    try {
      const { requeued, dead } = await this.#store.reapExpired();
      if (requeued.length + dead.length > 0) this.#log('warn', `reclaimed ${String(requeued.length)} expired leases, dead-lettered ${String(dead.length)}.`);
    } catch (error) {
      this.#log('error', `reaper failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Graceful stop: claim nothing more, let running tasks finish until `deadlineMs`, then abort them
   * and hand their leases back (`release`, the attempt refunded), write outstanding outcomes.
   */
  async stop(options: StopOptions = {}): Promise<void> {
    if (this.#state === 'stopped' || this.#state === 'stopping') return;
    this.#state = 'stopping';
    this.#unsubscribe?.();
    const timers = this.#timers;
    clearInterval(timers[0]);
    const all = (): Promise<unknown> => Promise.allSettled([...this.#running.values()].map((entry) => entry.done));
    const wait = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms).unref());
    await Promise.race([all(), wait(options.deadlineMs ?? 25_000)]);
    const unfinished = [...this.#running.values()].filter((entry) => !entry.settled);
    if (unfinished.length > 0) {
      this.#log('warn', `shutdown deadline reached with ${String(unfinished.length)} tasks running; aborting and handing them back.`);
      for (const entry of unfinished) entry.controller.abort(new TaskAbortedError('shutdown', 'the worker is shutting down'));
      await Promise.race([all(), wait(options.abortGraceMs ?? 2000)]);
      for (const entry of unfinished) this.#finish(entry, { ...entry.lease, kind: 'release' });
    }
    await this.#flush();
    for (const timer of timers) clearInterval(timer);
    this.#state = 'stopped';
  }
}
