/** Records exchanged through the {@link Store} contract (see `store.ts` for the guarantees). */
import type { JsonValue } from './json.js';

/**
 * Lifecycle state of a task.
 * - `queued`: waiting to run (possibly until `runAt`).
 * - `running`: claimed; a worker holds the lease.
 * - `retrying`: the last attempt failed transiently; runs again at `runAt`.
 * - `done`: finished successfully (terminal).
 * - `failed`: failed with a terminal error, not retried (terminal).
 * - `dead`: attempts or lost leases exhausted; waits for a re-drive (terminal).
 * - `cancelled`: cancelled by a client (terminal).
 */
export type TaskState = 'queued' | 'running' | 'retrying' | 'done' | 'failed' | 'dead' | 'cancelled';

/** All task states, in lifecycle order. */
export const TASK_STATES: readonly TaskState[] = ['queued', 'running', 'retrying', 'done', 'failed', 'dead', 'cancelled'];

/** States a task never leaves except by an explicit re-drive. */
export const TERMINAL_STATES: readonly TaskState[] = ['done', 'failed', 'dead', 'cancelled'];

/** Lifecycle event types recorded in a task's history. */
export type TaskEventType =
  | 'enqueued'
  | 'started'
  | 'progress'
  | 'done'
  | 'failed'
  | 'retrying'
  | 'dead'
  | 'cancelled'
  | 'deferred'
  | 'released'
  | 'lease-expired'
  | 'redriven'
  | 'skipped';

/** A task to insert. `id` is minted by the caller (a UUID) so an enqueue can return it without a read. */
export interface NewTask {
  id: string;
  name: string;
  payload: JsonValue;
  /** Idempotency key, unique per task `name` for as long as the task row exists (until purged). */
  key: string | null;
  tenant: string | null;
  /** Higher runs first. */
  priority: number;
  runAt: Date;
  maxAttempts: number;
  /** Dead-letter once this many leases were lost (worker crashed or hung past its lease). */
  maxLostLeases: number;
  /** Name of the schedule that produced the task, if any. */
  schedule: string | null;
}

/** The stored view of a task, as clients poll it. */
export interface TaskRecord {
  id: string;
  name: string;
  payload: JsonValue;
  state: TaskState;
  key: string | null;
  tenant: string | null;
  priority: number;
  runAt: Date;
  /** Attempts charged so far; a claim charges one, `defer` and `release` refund it. */
  attempts: number;
  maxAttempts: number;
  lostLeases: number;
  maxLostLeases: number;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  lastError: string | null;
  result: JsonValue | null;
  progress: { step: string; data: JsonValue | null } | null;
  schedule: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  /**
   * Opaque, unique position of the task in `list` order (its insertion order). Pass the last
   * task's `cursor` as `list({ before })` to read the next page.
   */
  cursor: string;
}

/** A task handed to a worker by `claim`, with the lease token that fences its writes. */
export interface ClaimedTask {
  id: string;
  name: string;
  payload: JsonValue;
  token: string;
  /** 1-based attempt number of this run. */
  attempt: number;
  maxAttempts: number;
  leaseUntil: Date;
  tenant: string | null;
}

/** Input of `claim`: who claims, which task names, at most how many, and the lease length. */
export interface ClaimInput {
  owner: string;
  names: readonly string[];
  limit: number;
  leaseMs: number;
}

/** Result of `settleAndClaim`: `applied` as `settle` returns it, `claimed` as `claim` does. */
export interface SettleAndClaimResult {
  applied: boolean[];
  claimed: ClaimedTask[];
}

/** Identifies one lease: the task id and the token its claim returned. */
export interface LeaseRef {
  id: string;
  token: string;
}

/**
 * How a worker ends its hold on a task.
 * - `done`: success, stores `result`.
 * - `retry`: transient failure, runs again at `runAt` (state `retrying`).
 * - `fail`: terminal failure (state `failed`).
 * - `dead`: attempts exhausted (state `dead`).
 * - `defer`: "not yet": back to `queued` at `runAt`, the attempt refunded.
 * - `release`: hand back (shutdown), `queued` now, the attempt refunded.
 */
export type Settlement = LeaseRef &
  (
    | { kind: 'done'; result: JsonValue | null }
    | { kind: 'retry'; error: string; runAt: Date }
    | { kind: 'fail'; error: string }
    | { kind: 'dead'; error: string }
    | { kind: 'defer'; runAt: Date; reason: string }
    | { kind: 'release' }
  );

/**
 * The id of a task's `done` event. A success stores no event row (the task row holds when and at
 * which attempt it finished, and a `done` task never runs again), so both stores read the event
 * from the row with this id: after every stored event, and `events(id, DONE_EVENT_ID)` returns
 * nothing more. `Number.MAX_SAFE_INTEGER`, so it survives the conversion to a JavaScript number.
 * A task that finished before this change keeps its stored `done` row (a smaller id) instead.
 */
export const DONE_EVENT_ID = 9_007_199_254_740_991;

/**
 * One lifecycle event. `taskId` is null for schedule events (`skipped`). Ids increase along a task's
 * history; the `enqueued` event has id 0 and the `done` event `DONE_EVENT_ID` (both read from the
 * task row), every other event the id of its stored row.
 */
export interface TaskEvent {
  id: number;
  taskId: string | null;
  schedule: string | null;
  type: TaskEventType;
  at: Date;
  attempt: number | null;
  data: JsonValue | null;
}

/**
 * Filter for `list`; `limit` defaults to 100, newest first (insertion order).
 *
 * `before` is where the page starts:
 * - a `string`: the `cursor` of the last task of the previous page; the next page holds the tasks
 *   listed after it. Cursors are unique, so paging neither skips nor repeats a task, also inside
 *   one bulk enqueue (whose tasks share one `createdAt`).
 * - a `Date` (the first form, kept working): tasks created strictly before it. Tasks of one
 *   enqueue share a `createdAt`, so paging by `createdAt` of the last task skips the rest of a batch
 *   that a page boundary cuts; use the cursor to page.
 *
 * Anything else (an empty or foreign string, an Invalid Date) throws a `TypeError`.
 */
export interface ListFilter {
  states?: readonly TaskState[];
  name?: string;
  tenant?: string;
  limit?: number;
  before?: string | Date | undefined;
}

/** Queue-wide numbers for metrics and admission control. */
export interface StoreStats {
  counts: Record<TaskState, number>;
  /** Tasks in `queued`/`retrying` whose `runAt` has passed. */
  ready: number;
  /** Age of the oldest ready task in ms (now - runAt), 0 when nothing is ready. */
  oldestReadyAgeMs: number;
  /**
   * Only when `stats({ names })` was asked: ready tasks whose name is not in `names`, left out of
   * `ready` and `oldestReadyAgeMs`.
   */
  undeclaredReady?: number;
}

/** Options of `Store.stats`. */
export interface StatsOptions {
  /** Declared task names: ready numbers count only these; other ready tasks go to `undeclaredReady`. */
  names?: readonly string[];
}

/** Ready tasks of one task name (see `Store.readyByName`). */
export interface ReadyByName {
  name: string;
  /** Tasks of this name in `queued`/`retrying` whose `runAt` has passed. */
  ready: number;
  /** Age of the oldest of them in ms. */
  oldestReadyAgeMs: number;
}

/** A schedule as stored. Exactly one of `cron` and `intervalMs` is set. */
export interface ScheduleRecord {
  name: string;
  taskName: string;
  payload: JsonValue;
  cron: string | null;
  intervalMs: number | null;
  timeZone: string | null;
  overlap: 'skip' | 'allow';
  nextRunAt: Date;
  lastFiredAt: Date | null;
  lastTaskId: string | null;
  /** Slots that passed while no replica was ticking (counted, not run). */
  missed: number;
  /** Slots skipped because the previous run was still going. */
  skipped: number;
}

/** Input of `upsertSchedule`. */
export type ScheduleDefinition = Omit<ScheduleRecord, 'lastFiredAt' | 'lastTaskId' | 'missed' | 'skipped'>;

/** Input of `advanceSchedule`: the compare-and-set plus what to do if this caller wins. */
export interface ScheduleAdvance {
  name: string;
  /** The `nextRunAt` the caller read; the advance happens only if it is still stored. */
  expectedNextRunAt: Date;
  newNextRunAt: Date;
  /** Slots passed over in addition to the one being fired. */
  missed: number;
  /** The task for the slot being fired; its `key` names the slot so a replay cannot duplicate it. */
  task: NewTask;
}

/** What `advanceSchedule` did. */
export type ScheduleAdvanceResult =
  { won: false } | { won: true; fired: true; taskId: string } | { won: true; fired: false; skippedBecause: string };

/** Result of one enqueued row. */
export interface EnqueueResult {
  id: string;
  /** False when a task with the same `(name, key)` already existed; `id` is then that task's id. */
  created: boolean;
}

/** Options of `enqueue`. */
export interface StoreEnqueueOptions {
  /**
   * A transaction handle of the backend to enqueue inside (PostgreSQL: a `pg` client on which the
   * caller ran `BEGIN`; the rows then commit or roll back with the caller's work). SQLite rejects
   * `tx` with an error: its store owns its one connection, there is no caller transaction to join.
   */
  tx?: unknown;
}
