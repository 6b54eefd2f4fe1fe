/**
 * The storage contract that the worker, the scheduler and the status API see. Every backend
 * (`stores/sqlite/`, `stores/postgres/`) implements each operation in its own file with the same
 * file name, and the contract suite in `runtime/test/contract/` holds every backend to the
 * guarantees written here.
 *
 * Conventions shared by all operations:
 * - Times are `Date`s. The store compares them with its own clock (SQLite: the process clock;
 *   PostgreSQL: the database clock), so "due" and "expired" mean "by the store's clock".
 * - Fencing: a claim hands out a fresh random `token`. Every write a worker makes about a task it
 *   runs (`heartbeat`, `settle`, `progress`, `putStep`) names `{ id, token }` and only takes effect
 *   while that token still holds the lease. Once a lease is lost (expired and reclaimed, cancelled,
 *   released) the old holder's writes are refused, never applied: the first terminal state wins.
 * - Batch operations are atomic: one transaction for the whole batch.
 */
import type { JsonValue } from './json.js';
import type {
  ClaimedTask,
  ClaimInput,
  EnqueueResult,
  LeaseRef,
  ListFilter,
  NewTask,
  ReadyByName,
  ScheduleAdvance,
  ScheduleAdvanceResult,
  ScheduleDefinition,
  ScheduleRecord,
  SettleAndClaimResult,
  Settlement,
  StatsOptions,
  StoreEnqueueOptions,
  StoreStats,
  TaskEvent,
  TaskRecord,
} from './store-records.js';

export * from './store-records.js';

/** The storage contract. See the module comment for shared conventions. */
export interface Store {
  /** Backend name for messages and metrics: `sqlite` or `postgres`. */
  readonly kind: string;

  /**
   * True when `settleAndClaim` is cheaper than `settle` and `claim` apart, so a worker should send
   * its pending outcomes with its next claim (SQLite: one commit instead of two). False when
   * separate calls overlap better (PostgreSQL: the claim need not wait for the settle's WAL flush).
   */
  readonly prefersSettleAndClaim: boolean;

  /**
   * Apply pending numbered migrations under a lock (SQLite `BEGIN IMMEDIATE`, PostgreSQL an
   * advisory lock), so concurrent starters apply each migration once. Idempotent. Does not wait for
   * an unreachable database: `connect()` retries the open-and-migrate step as a whole.
   */
  migrate(): Promise<void>;

  /**
   * Insert tasks atomically, durable when the promise resolves. Idempotent on `(name, key)`: an
   * existing task (any state, until purged) is returned with `created: false` and is not changed.
   * Appends an `enqueued` event for each created task and wakes local subscribers.
   */
  enqueue(tasks: readonly NewTask[], options?: StoreEnqueueOptions): Promise<EnqueueResult[]>;

  /**
   * Atomically move up to `limit` ready tasks (`queued`/`retrying`, `runAt` due, `name` in `names`)
   * to `running`, highest priority first then oldest `runAt`, charging one attempt, with a fresh
   * token and `leaseUntil = now + leaseMs`. Two concurrent claims never return the same task.
   * Appends a `started` event per task.
   */
  claim(input: ClaimInput): Promise<ClaimedTask[]>;

  /**
   * Extend the leases still held by `leases` to `now + leaseMs` in one statement. Returns the ids
   * whose lease is LOST (token no longer matches, task cancelled or finished): the worker must abort
   * those executors.
   */
  heartbeat(leases: readonly LeaseRef[], leaseMs: number): Promise<string[]>;

  /**
   * Apply settlements in one transaction. Each applies only if its token still holds a `running`
   * lease; returns, in order, whether it applied. Appends the matching event and clears the lease.
   */
  settle(settlements: readonly Settlement[]): Promise<boolean[]>;

  /**
   * `settle(settlements)` then `claim(input)` in one call: what a worker does when outcomes are
   * ready and slots are free. Each part keeps its own guarantees. SQLite runs both in one
   * transaction (one commit instead of two; a failure applies neither). PostgreSQL runs them
   * concurrently on two pooled connections, each its own transaction; a failed claim is logged
   * and returns no tasks (the settlements stay applied), a failed settle rejects the call.
   */
  settleAndClaim(settlements: readonly Settlement[], input: ClaimInput): Promise<SettleAndClaimResult>;

  /** Record progress (`task.progress` + a `progress` event) if the lease is held. */
  progress(lease: LeaseRef, step: string, data: JsonValue | null): Promise<boolean>;

  /** Checkpointed step results of a task, by step name. */
  getSteps(id: string): Promise<Record<string, JsonValue>>;

  /** Store one step result if the lease is held (first write per step name wins). */
  putStep(lease: LeaseRef, step: string, value: JsonValue): Promise<boolean>;

  /**
   * Reclaim running tasks whose lease expired: `lostLeases + 1`; dead when that reaches
   * `maxLostLeases` or attempts are exhausted, else `queued` due now (the attempt stays spent).
   * Returns the ids requeued and dead-lettered.
   */
  reapExpired(): Promise<{ requeued: string[]; dead: string[] }>;

  get(id: string): Promise<TaskRecord | null>;
  /** Newest first. */
  list(filter?: ListFilter): Promise<TaskRecord[]>;
  /** Events of a task in order; `afterId` tails. The `enqueued` event is derived from the task row and has id 0. */
  events(id: string, afterId?: number): Promise<TaskEvent[]>;
  /** Events of a schedule (`skipped`), in order. */
  scheduleEvents(name: string): Promise<TaskEvent[]>;

  /** Cancel a non-terminal task (a running one loses its lease). False if already terminal or absent. */
  cancel(id: string): Promise<boolean>;
  /** Make a `queued`/`retrying` task due now. False otherwise. */
  retryNow(id: string): Promise<boolean>;
  /** Move `dead`/`failed` tasks (all, or those in `ids`) back to `queued` with attempts and lost leases reset. */
  redrive(ids?: readonly string[]): Promise<string[]>;
  /** Delete terminal tasks (with events and steps) that finished before `olderThan`. Returns the count. */
  purge(olderThan: Date): Promise<number>;
  /**
   * Queue-wide numbers. With `names` (the task names the app declares), `ready` and
   * `oldestReadyAgeMs` count only tasks of those names, and ready tasks of any other name (renamed
   * or removed from the code: no worker will claim them) are counted apart in `undeclaredReady`, so
   * they cannot hold admission control or autoscaling high forever.
   */
  stats(options?: StatsOptions): Promise<StoreStats>;
  /**
   * The ready numbers of `stats()` per task name, by name. Lets a worker notice ready tasks whose
   * name no code declares any more (they would wait forever) and lets autoscaling leave them out.
   */
  readyByName(): Promise<ReadyByName[]>;

  /**
   * Create a schedule or update its definition. `nextRunAt` is written when the schedule is new or
   * its timing (`cron`, `intervalMs`, `timeZone`) changed; otherwise the stored one is kept, so
   * replicas restarting with the same definition do not move the cadence.
   */
  upsertSchedule(definition: ScheduleDefinition): Promise<void>;
  listSchedules(): Promise<ScheduleRecord[]>;
  /** Schedules whose `nextRunAt` has passed at `now`. */
  dueSchedules(now: Date): Promise<ScheduleRecord[]>;
  /**
   * Compare-and-set in one transaction: if `nextRunAt` still equals `expectedNextRunAt`, store
   * `newNextRunAt`, add `missed`, then either enqueue `task` (overlap `allow`, or the previous task is
   * finished) or, with overlap `skip` and the previous task still queued/running/retrying, record a
   * `skipped` schedule event. Exactly one caller wins a slot however many replicas race.
   * With overlap `skip`, a previous task that is `running` with an expired lease (its worker died)
   * does not block the slot: it is closed as `cancelled` (`lostLeases + 1`, events `lease-expired`
   * and `cancelled` with `{ supersededBySlot }`) and the slot fires, so it never runs beside it.
   */
  advanceSchedule(input: ScheduleAdvance): Promise<ScheduleAdvanceResult>;

  /**
   * Subscribe to wake-up hints (new work may be ready). Best effort: SQLite wakes subscribers of the
   * same store object, PostgreSQL uses LISTEN/NOTIFY. Returns an unsubscribe function.
   */
  subscribe(listener: () => void): () => void;

  /** Release connections. Further calls fail. */
  close(): Promise<void>;
}
