import { connect } from './connect.js';
import { useStore } from './default-store.js';
import { definitionsOf, type AnyTaskSpecs } from './define-tasks.js';
import { defaultLogger, type Logger } from './logger.js';
import type { PostgresSettings, SqliteSettings } from './open-store.js';
import { readRole, runsWorkers, type Role } from './role.js';
import type { ScheduleSpec } from './scheduler/define-schedule.js';
import { Scheduler } from './scheduler/scheduler.js';
import { retentionSideTask, type RetentionOptions } from './retention.js';
import { runSideTask, type SideTask } from './side-task.js';
import { stopSideTasks, trackSideRun } from './stop-side-tasks.js';
import type { Store, StoreStats } from './store.js';
import type { Executors } from './worker/task-context.js';
import { Worker, type StopOptions, type WorkerOptions } from './worker/worker.js';

/** Options of {@link createFleet}. */
export interface FleetOptions<S extends AnyTaskSpecs> {
  /** The `defineTasks` result. */
  tasks: S;
  /** Executors; without them this process only enqueues. */
  executors?: Executors<S>;
  schedules?: readonly ScheduleSpec[];
  sideTasks?: readonly SideTask[];
  /** Use this store instead of opening `url`. It is not closed by `stop()`. */
  store?: Store;
  /** Database URL. Default `FLEET_DATABASE_URL`, else `sqlite:.fleet/fleet.db`. */
  url?: string;
  /** Settings of the PostgreSQL store opened from `url` (`schema`, `poolSize`, `durableClaims`, `reconnectTimeoutMs`, `queryTimeoutMs`, `connectTimeoutMs`). */
  postgres?: PostgresSettings;
  /** Settings of the SQLite store opened from `url` (`synchronous`, `busyTimeoutMs`). */
  sqlite?: SqliteSettings;
  /** Default `FLEET_ROLE`, else `all`. */
  role?: Role;
  /** Worker tuning (concurrency, poll interval…). */
  worker?: Omit<WorkerOptions<S>, 'store' | 'tasks' | 'executors' | 'log'>;
  /** Purge finished tasks after this retention (default 7 days, checked hourly); `false` disables it. */
  retention?: RetentionOptions | false;
  /** Schedule tick interval. Default 1000 ms. */
  tickIntervalMs?: number;
  log?: Logger;
}

/** A started fleet process. */
export interface Fleet {
  readonly role: Role;
  readonly store: Store;
  /** Present on non-serve roles with executors. */
  readonly worker: Worker<AnyTaskSpecs> | undefined;
  /**
   * Queue numbers for metrics and admission control, counting as ready only the task names this
   * app declares in `tasks`; ready tasks of other names (renamed or removed) are in `undeclaredReady`.
   */
  stats(): Promise<StoreStats>;
  /**
   * Graceful stop: abort the side tasks, stop the schedules, then the worker (see `Worker.stop`);
   * then wait for the side tasks at most `abortGraceMs` more (a side task that ignores its signal
   * is logged and left behind); finally close a store it opened. Always resolves.
   */
  stop(options?: StopOptions): Promise<void>;
}

/**
 * Start the runtime for this process's role: open and migrate the store (retrying while it is
 * unreachable), make it the default for `enqueue`, and on every role but `serve` start the worker,
 * the schedules and the side tasks.
 */
export async function createFleet<S extends AnyTaskSpecs>(options: FleetOptions<S>): Promise<Fleet> {
  const log = options.log ?? defaultLogger;
  const role = options.role ?? readRole();
  // The store's own reconnect messages go to the same `log` as everything else.
  const settings = {
    logger: log,
    ...(options.postgres === undefined ? {} : { postgres: options.postgres }),
    ...(options.sqlite === undefined ? {} : { sqlite: options.sqlite }),
  };
  const store = options.store ?? (await connect({ ...(options.url === undefined ? {} : { url: options.url }), ...settings }));
  useStore(store);
  const declared = [...definitionsOf(options.tasks).keys()];
  const active = runsWorkers(role);
  if (!active) log('info', 'role serve: this process enqueues only; run a worker (FLEET_ROLE=worker) to drain the queue.');
  const worker =
    active && options.executors !== undefined
      ? new Worker({ ...options.worker, store, tasks: options.tasks, executors: options.executors, log })
      : undefined;
  const scheduler =
    active && (options.schedules?.length ?? 0) > 0
      ? new Scheduler({
          store,
          schedules: options.schedules ?? [],
          log,
          ...(options.tickIntervalMs === undefined ? {} : { tickIntervalMs: options.tickIntervalMs }),
        })
      : undefined;
  const sides = new AbortController();
  const sideTasks = [...(options.sideTasks ?? []), ...(options.retention === false ? [] : [retentionSideTask(store, options.retention)])];
  const sideRuns = active ? sideTasks.map((task) => trackSideRun(task.name, runSideTask(task, sides.signal, log))) : [];
  worker?.start();
  await scheduler?.start();
  let stopped: Promise<void> | undefined;
  return {
    role,
    store,
    worker: worker as Worker<AnyTaskSpecs> | undefined,
    stats: () => store.stats({ names: declared }),
    stop(stopOptions) {
      stopped ??= (async () => {
        sides.abort();
        await scheduler?.stop();
        await worker?.stop(stopOptions);
        await stopSideTasks(sideRuns, stopOptions?.abortGraceMs ?? 2000, log);
        if (options.store === undefined) await store.close();
      })();
      return stopped;
    },
  };
}
