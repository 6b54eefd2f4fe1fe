import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { definitionsOf, type AnyTaskSpecs, type TaskDefinition } from '../define-tasks.js';
import { defaultLogger, type Logger } from '../logger.js';
import type { ClaimedTask, ClaimInput, LeaseRef, SettleAndClaimResult, Settlement, Store } from '../store.js';
import { heartbeatLeases, type HeldTask } from './heartbeat-leases.js';
import { describeThrown } from '../describe-thrown.js';
import { retryOrDead, runTask } from './run-task.js';
import { SettleQueue } from './settle-queue.js';
import { warnUnknownNames } from './warn-unknown-names.js';
import { WorkerMetrics } from './worker-metrics.js';
import { TaskAbortedError, type Executor } from './task-context.js';
import type { StopOptions, WorkerOptions } from './worker-options.js';

export type { StopOptions, WorkerOptions } from './worker-options.js';

/** Tasks claimed ahead are expected to start within this many ms at the measured pace (or a tenth of the lease if shorter). */
export const CLAIM_AHEAD_WINDOW_MS = 100;
/** A task claimed ahead and not started within this many ms (or a quarter of its lease if shorter) is handed back. */
export const CLAIM_AHEAD_DEADLINE_MS = 1000;

/** A task claimed beyond the free slots: its lease is held (and heartbeated) until a slot frees or its deadline. */
interface AheadTask {
  task: ClaimedTask;
  held: HeldTask;
  /** `performance.now()` by which it must have started, or be handed back. */
  deadline: number;
}

/**
 * Drains the queue: claims ready tasks in batches with a lease, runs them with bounded concurrency,
 * heartbeats all leases from one timer, writes outcomes in batches, reclaims expired leases, and
 * on `stop()` hands unfinished work back without spending an attempt.
 *
 * Pipelining: a slot frees when its executor returns, not when its outcome is stored, so the next
 * claim runs while the previous batch's outcomes are being written. Tasks held (running or waiting
 * for their outcome to be stored) are bounded by `maxHeld`: while a durable commit is slow, finished
 * tasks pile up and the next outcome write stores them all in one commit.
 */
export class Worker<S extends AnyTaskSpecs> {
  readonly owner: string;
  /** Outcome counters and execution durations of this worker; see `renderMetrics`. */
  readonly metrics = new WorkerMetrics();
  readonly #store: Store;
  readonly #log: Logger;
  readonly #options: WorkerOptions<S>;
  readonly #concurrency: number;
  readonly #claimBatch: number;
  readonly #claimAhead: number;
  readonly #maxClaims: number;
  readonly #maxHeld: number;
  readonly #definitions = new Map<string, TaskDefinition>();
  readonly #executors = new Map<string, Executor<never>>();
  /** Task names grouped by lease length: one claim call per group. */
  readonly #groups = new Map<number, string[]>();
  /** Every lease this worker holds: executing, or waiting for its outcome to be stored. */
  readonly #running = new Map<string, HeldTask>();
  readonly #settles: SettleQueue;
  /** Tasks claimed ahead of a free slot, in claim order; started as slots free (see `claimAhead`). */
  readonly #ahead = new Map<string, AheadTask>();
  #aheadTimer: NodeJS.Timeout | undefined;
  /** The last claim came back full: more work is probably waiting. */
  #deep = false;
  /** Moving average of executor run time in ms; unknown (Infinity) until a task has finished. */
  #meanRunMs = Number.POSITIVE_INFINITY;
  #executing = 0;
  #state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  /** Slots promised to claims in flight. */
  #reserved = 0;
  readonly #claims = new Set<Promise<void>>();
  /** A claim was asked for (wake-up, poll, full batch, freed slot) and not started yet. */
  #wanted = false;
  #pumpScheduled = false;
  #timers: NodeJS.Timeout[] = [];
  readonly #warnedNames = new Set<string>();
  /** Set once `stop` no longer waits for claims in flight: tasks they return are handed back at once. */
  #claimsClosed = false;
  /** Resolves when a shutdown's `abortGraceMs` is over (see `stop`); pending until then. */
  #grace: Promise<void> = new Promise(() => undefined);
  #unsubscribe: (() => void) | undefined;

  constructor(options: WorkerOptions<S>) {
    this.#options = options;
    this.#store = options.store;
    this.#log = options.log ?? defaultLogger;
    this.#concurrency = options.concurrency ?? 10;
    this.#claimBatch = options.claimBatch ?? 100;
    this.#claimAhead = Math.max(0, Math.floor(options.claimAhead ?? 48));
    this.#maxClaims = options.maxClaims ?? Math.ceil(this.#concurrency / this.#claimBatch);
    this.#maxHeld = Math.max(this.#concurrency, options.maxHeld ?? this.#concurrency + Math.max(this.#concurrency, 256));
    this.owner = options.owner ?? `${hostname()}:${String(process.pid)}:${randomUUID().slice(0, 8)}`;
    this.#settles = new SettleQueue({
      store: this.#store,
      maxInFlight: options.maxSettles ?? 2,
      log: this.#log,
      onStored: (batch, applied) => {
        this.#stored(batch, applied);
      },
    });
    const definitions = definitionsOf(options.tasks);
    for (const [key, executor] of Object.entries(options.executors as Record<string, Executor<never> | undefined>)) {
      const definition = options.tasks[key]?.definition;
      if (definition === undefined)
        throw new Error(
          `Worker: executor ${key} has no task of that name in \`tasks\`; known tasks: ${Object.keys(options.tasks).join(', ')}.`,
        );
      if (executor === undefined) continue;
      this.#definitions.set(definition.name, definitions.get(definition.name) ?? (definition as TaskDefinition));
      this.#executors.set(definition.name, executor);
      const group = this.#groups.get(definition.policy.leaseMs) ?? [];
      group.push(definition.name);
      this.#groups.set(definition.policy.leaseMs, group);
    }
  }

  /** Tasks currently held by this worker (running, or finished with the outcome not yet stored). */
  get active(): number {
    return this.#running.size + this.#ahead.size;
  }

  /** Tasks claimed ahead of a free slot and not started yet (included in `active`). */
  get claimedAhead(): number {
    return this.#ahead.size;
  }

  /** Start claiming. Idempotent. */
  start(): void {
    if (this.#state !== 'new') return;
    this.#state = 'running';
    if (this.#executors.size === 0) this.#log('warn', 'worker started with no executors; it will not claim anything.');
    this.#unsubscribe = this.#store.subscribe(() => {
      this.#poke();
    });
    const shortestLease = Math.min(...this.#groups.keys(), 30_000);
    this.#timers.push(
      setInterval(() => {
        this.#poke();
      }, this.#options.pollIntervalMs ?? 1000),
      setInterval(() => void heartbeatLeases(this.#store, this.#heldLeases(), this.#log), Math.max(50, Math.floor(shortestLease / 3))),
      setInterval(() => void this.#reap(), this.#options.reapIntervalMs ?? 5000),
      setInterval(() => void this.#checkNames(), this.#options.unknownTaskCheckMs ?? 60_000),
    );
    void this.#reap();
    void this.#checkNames();
    this.#poke();
  }

  /** Every lease to heartbeat: running or waiting for its outcome, and claimed ahead. */
  #heldLeases(): ReadonlyMap<string, HeldTask> {
    if (this.#ahead.size === 0) return this.#running;
    const all = new Map(this.#running);
    for (const [id, ahead] of this.#ahead) all.set(id, ahead.held);
    return all;
  }

  /** Tasks a new claim may take now: free slots (plus `extra` claimed ahead), within `maxHeld`. */
  #room(extra = 0): number {
    const waiting = this.#ahead.size;
    return Math.min(this.#concurrency + extra - this.#executing - waiting, this.#maxHeld - this.#running.size - waiting) - this.#reserved;
  }

  /**
   * How many tasks to claim beyond the free slots: none unless the last claim came back full (a deep
   * queue) and executors are fast enough that, at their measured mean run time, every task claimed
   * ahead starts within the window (100 ms, or a tenth of the lease if shorter). At most `claimAhead`.
   */
  #aheadAllowance(leaseMs: number): number {
    if (!this.#deep || this.#claimAhead === 0 || !Number.isFinite(this.#meanRunMs)) return 0;
    const window = Math.min(CLAIM_AHEAD_WINDOW_MS, leaseMs / 10);
    const rounds = Math.floor(window / Math.max(this.#meanRunMs, 0.001));
    return Math.min(this.#claimAhead, rounds * this.#concurrency);
  }

  /** Ask for a claim now (a wake-up hint or the poll timer). */
  #poke(): void {
    this.#wanted = true;
    this.#pump();
  }

  /** Ask for a claim once this turn's finished executors have freed their slots, so they share one claim. */
  #pokeSoon(): void {
    this.#wanted = true;
    this.#pumpSoon();
  }

  #pumpSoon(): void {
    if (this.#pumpScheduled) return;
    this.#pumpScheduled = true;
    setImmediate(() => {
      this.#pumpScheduled = false;
      // Claims first: on a store that prefers it, a claim takes the queued outcomes along.
      this.#pump();
      this.#settles.flush();
    });
  }

  #pump(): void {
    while (this.#wanted && this.#state === 'running' && this.#claims.size < this.#maxClaims && this.#room() > 0) {
      this.#wanted = false;
      const claim: Promise<void> = this.#claim().finally(() => {
        this.#claims.delete(claim);
        // Next turn, not now: executors that finish at once (in microtasks) first free their slots
        // and queue their outcomes, so the next claim is larger and can carry those outcomes.
        this.#pumpSoon();
      });
      this.#claims.add(claim);
    }
  }

  async #claim(): Promise<void> {
    try {
      for (const [leaseMs, names] of this.#groups) {
        if (this.#room() <= 0 || this.#state !== 'running') break;
        const extra = this.#aheadAllowance(leaseMs);
        const limit = Math.min(this.#room(extra), this.#claimBatch + extra);
        this.#reserved += limit;
        let claimed: ClaimedTask[];
        try {
          claimed = await this.#claimWithOutcomes({ owner: this.owner, names, limit, leaseMs });
        } finally {
          this.#reserved -= limit;
        }
        if (this.#claimsClosed) {
          this.#handBack(claimed);
          return;
        }
        for (const task of claimed) {
          if (this.#executing < this.#concurrency && this.#ahead.size === 0) this.#begin(task, leaseMs);
          else if (this.#isRunning()) this.#holdAhead(task, leaseMs);
          // Stopping: a task beyond the free slots is not started; hand it back at once.
          else this.#settles.push({ id: task.id, token: task.token, kind: 'release' });
        }
        // A full batch means more work is probably waiting: claim again as soon as slots free.
        this.#deep = claimed.length === limit;
        if (this.#deep) this.#wanted = true;
      }
    } catch (error) {
      this.#log('error', `claim failed, will retry on the next poll: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Claim; on a store that prefers it, carry along the outcomes no write has picked up yet (SQLite:
   * one commit for both). Elsewhere outcomes go through the settle queue, overlapping the claim.
   */
  async #claimWithOutcomes(input: ClaimInput): Promise<ClaimedTask[]> {
    const outcomes = this.#store.prefersSettleAndClaim ? this.#settles.take() : [];
    if (outcomes.length === 0) return this.#store.claim(input);
    let result: SettleAndClaimResult;
    try {
      result = await this.#store.settleAndClaim(outcomes, input);
    } catch (error) {
      this.#settles.requeue(outcomes);
      throw error;
    }
    this.#stored(outcomes, result.applied);
    return result.claimed;
  }

  /** Read after an await: `stop()` may have run meanwhile. */
  #isRunning(): boolean {
    return this.#state === 'running';
  }

  /** Keep a task claimed beyond the free slots until a slot frees, or hand it back at its deadline. */
  #holdAhead(task: ClaimedTask, leaseMs: number): void {
    const held: HeldTask = {
      lease: { id: task.id, token: task.token },
      name: task.name,
      startedAt: 0,
      leaseMs,
      controller: new AbortController(),
      settled: false,
      done: Promise.resolve(),
    };
    this.#ahead.set(task.id, { task, held, deadline: performance.now() + Math.min(CLAIM_AHEAD_DEADLINE_MS, leaseMs / 4) });
    this.#armAheadTimer();
  }

  #armAheadTimer(): void {
    if (this.#aheadTimer !== undefined || this.#ahead.size === 0) return;
    let first = Number.POSITIVE_INFINITY;
    for (const ahead of this.#ahead.values()) first = Math.min(first, ahead.deadline);
    this.#aheadTimer = setTimeout(
      () => {
        this.#aheadTimer = undefined;
        this.#handBackAhead(performance.now());
        this.#armAheadTimer();
      },
      Math.max(1, first - performance.now()),
    );
    this.#aheadTimer.unref();
  }

  /**
   * Hand back (release: the attempt refunded, claimable by any worker at once) every task claimed
   * ahead whose deadline is before `until`, and stop claiming ahead until a claim sees a deep queue.
   */
  #handBackAhead(until: number): void {
    let released = 0;
    for (const [id, ahead] of this.#ahead) {
      if (ahead.deadline > until) continue;
      this.#ahead.delete(id);
      this.#settles.push({ ...ahead.held.lease, kind: 'release' });
      released += 1;
    }
    if (released === 0) return;
    this.#deep = false;
    this.#settles.flush();
    if (this.#state === 'running') this.#log('warn', `handed back ${String(released)} tasks claimed ahead that no slot freed for in time.`);
  }

  /** Start tasks claimed ahead while slots are free. */
  #startAhead(): void {
    while (this.#state === 'running' && this.#executing < this.#concurrency && this.#ahead.size > 0) {
      const [id, ahead] = this.#ahead.entries().next().value as [string, AheadTask];
      this.#ahead.delete(id);
      // Its lease was reported lost while it waited (cancelled or reclaimed): never start it.
      if (ahead.held.controller.signal.aborted) continue;
      this.#begin(ahead.task, ahead.held.leaseMs, ahead.held.controller);
    }
    if (this.#ahead.size === 0 && this.#aheadTimer !== undefined) {
      clearTimeout(this.#aheadTimer);
      this.#aheadTimer = undefined;
    }
  }

  #begin(task: ClaimedTask, leaseMs: number, controller = new AbortController()): void {
    const definition = this.#definitions.get(task.name);
    const executor = this.#executors.get(task.name);
    if (definition === undefined || executor === undefined) throw new Error(`Worker: claimed unknown task ${task.name}.`);
    const entry: HeldTask = {
      lease: { id: task.id, token: task.token },
      name: task.name,
      startedAt: performance.now(),
      leaseMs,
      controller,
      settled: false,
      done: Promise.resolve(),
    };
    this.#running.set(task.id, entry);
    this.#executing += 1;
    const random = this.#options.random;
    const input = {
      store: this.#store,
      task,
      definition,
      executor,
      controller,
      shutdownGrace: () => this.#grace,
      ...(random ? { random } : {}),
    };
    entry.done = runTask(input).then(
      (settlement) => {
        this.#finish(entry, settlement);
      },
      (error: unknown) => {
        // runTask records every thrown value itself; if it still fails, the run must not stay
        // `running` with a heartbeated lease: record it as a transient failure under the policy.
        const message = `the runner failed: ${describeThrown(error)}`;
        this.#log('error', `task ${task.id}: ${message}`);
        this.#finish(entry, retryOrDead(input, message));
      },
    );
  }

  #finish(entry: HeldTask, settlement: Settlement | null): void {
    if (entry.settled) return;
    entry.settled = true;
    this.#executing -= 1;
    if (settlement !== null && settlement.kind !== 'release') {
      const ms = performance.now() - entry.startedAt;
      this.metrics.observe(entry.name, ms / 1000);
      this.#meanRunMs = Number.isFinite(this.#meanRunMs) ? this.#meanRunMs + (ms - this.#meanRunMs) / 8 : ms;
    }
    if (settlement === null) this.#forget(entry.lease);
    else this.#settles.push(settlement);
    this.#startAhead();
    // One claim and one outcome write for everything that finishes in this turn.
    this.#pokeSoon();
  }

  /** Drop a lease from the held set, unless a newer claim of the same task already replaced it. */
  #forget(lease: LeaseRef): void {
    if (this.#running.get(lease.id)?.lease.token === lease.token) this.#running.delete(lease.id);
  }

  #stored(batch: readonly Settlement[], applied: readonly boolean[]): void {
    batch.forEach((settlement, index) => {
      if (applied[index] !== true) this.#log('warn', `task ${settlement.id}: outcome not stored, the lease was already lost.`);
      else this.metrics.count(this.#running.get(settlement.id)?.name ?? 'unknown', settlement);
      this.#forget(settlement);
    });
    this.#pokeSoon();
  }

  /** Release tasks a claim returned after `stop` stopped waiting for it (best effort: else their leases expire). */
  #handBack(claimed: readonly ClaimedTask[]): void {
    if (claimed.length === 0) return;
    this.#store.settle(claimed.map((task) => ({ id: task.id, token: task.token, kind: 'release' as const }))).catch((error: unknown) => {
      this.#log(
        'warn',
        `could not hand back ${String(claimed.length)} tasks claimed during shutdown (${describeThrown(error)}); they are reclaimed when their leases expire.`,
      );
    });
  }

  #checkNames(): Promise<void> {
    return warnUnknownNames(this.#store, new Set(definitionsOf(this.#options.tasks).keys()), this.#warnedNames, this.#log);
  }

  async #reap(): Promise<void> {
    try {
      const { requeued, dead } = await this.#store.reapExpired();
      if (requeued.length + dead.length > 0)
        this.#log('warn', `reclaimed ${String(requeued.length)} expired leases, dead-lettered ${String(dead.length)}.`);
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
    // Tasks claimed ahead have not started: hand them back now rather than at the deadline.
    this.#handBackAhead(Number.POSITIVE_INFINITY);
    clearTimeout(this.#aheadTimer);
    this.#aheadTimer = undefined;
    const timers = this.#timers;
    clearInterval(timers[0]);
    const all = (): Promise<unknown> => Promise.allSettled([...this.#running.values()].map((entry) => entry.done));
    const wait = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms).unref());
    const deadline = wait(options.deadlineMs ?? 25_000);
    // Tasks of a claim still in flight are begun when it returns; wait so they are covered below,
    // but within the deadline: a claim stuck on an unreachable database must not hold up the stop.
    await Promise.race([Promise.allSettled([...this.#claims]), deadline]);
    this.#claimsClosed = true;
    await Promise.race([all(), deadline]);
    const unfinished = [...this.#running.values()].filter((entry) => !entry.settled);
    if (unfinished.length > 0) {
      this.#log('warn', `shutdown deadline reached with ${String(unfinished.length)} tasks running; aborting and handing them back.`);
      // Leases stay held (and heartbeated) through the grace: an executor still running after its
      // abort must not find its task claimed by another worker. One that settles in time keeps its
      // own outcome; the rest are handed back when the grace ends.
      this.#grace = wait(options.abortGraceMs ?? 2000);
      for (const entry of unfinished) entry.controller.abort(new TaskAbortedError('shutdown', 'the worker is shutting down'));
      await Promise.race([all(), this.#grace]);
      for (const entry of unfinished) this.#finish(entry, { ...entry.lease, kind: 'release' });
    }
    await this.#settles.drain();
    this.#settles.close();
    for (const timer of timers) clearInterval(timer);
    this.#state = 'stopped';
  }
}
