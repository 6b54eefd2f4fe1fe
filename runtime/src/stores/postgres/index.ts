import type { Store } from '../../store.js';
import { advanceSchedule } from './advance-schedule.js';
import { cancel } from './cancel.js';
import { claim } from './claim.js';
import { dueSchedules } from './due-schedules.js';
import { enqueue } from './enqueue.js';
import { events } from './events.js';
import { get } from './get.js';
import { getSteps } from './get-steps.js';
import { heartbeat } from './heartbeat.js';
import { list } from './list.js';
import { listSchedules } from './list-schedules.js';
import { migrate } from './migrate.js';
import { defaultLogger, type Logger } from '../../logger.js';
import { PostgresDb } from './postgres-db.js';
import { progress } from './progress.js';
import { purge } from './purge.js';
import { putStep } from './put-step.js';
import { readyByName } from './ready-by-name.js';
import { reapExpired } from './reap-expired.js';
import { redrive } from './redrive.js';
import { retryNow } from './retry-now.js';
import { scheduleEvents } from './schedule-events.js';
import { settle } from './settle.js';
import { settleAndClaim } from './settle-and-claim.js';
import { stats } from './stats.js';
import { upsertSchedule } from './upsert-schedule.js';

/** Options of {@link createPostgresStore}. */
export interface PostgresStoreOptions {
  /** `postgres://user:pass@host:port/db` (any form `pg` accepts). */
  url: string;
  /** Schema holding the tables, created by `migrate()`. Lower-case identifier. Default `fleet`. */
  schema?: string;
  /**
   * Pool size. Default 4: a worker needs about one connection for claims, one for settles and one
   * for heartbeats at a time; a fleet of many replicas multiplies this, so keep it small (a 2-core
   * server runs best with well under 50 active connections in total).
   */
  poolSize?: number;
  /**
   * How long an operation on the pool keeps retrying while the server is unreachable (restart,
   * failover) before it fails. Default 60 000 ms. Each wait is logged on `logger.warn`.
   */
  reconnectTimeoutMs?: number;
  /**
   * Make each claim wait for its WAL flush like every other write. Default false: claims commit
   * asynchronously, which takes one disk flush off the enqueue→start path. Safe because a claim
   * lost in a server crash only returns its task to `queued` (attempt uncharged) and fences off the
   * old holder, as a reclaimed lease does; enqueues, settles, progress, steps and schedules are
   * always durable. Set it when a run must never start twice even across a database crash and
   * the executor is not idempotent (at-least-once holds either way for worker crashes).
   */
  durableClaims?: boolean;
  /**
   * Longest wait for one statement's answer (pg `query_timeout`). Past it the call fails with an
   * error naming the server and this option, and the connection is dropped: a server that accepts
   * TCP but never answers (a partition, a hung host) cannot leave `enqueue` pending forever.
   * Default 30 000 ms.
   */
  queryTimeoutMs?: number;
  /**
   * Longest wait to open a connection (pg `connectionTimeoutMillis`, also the wait for a free pooled
   * connection). A timed-out connect is retried like a refused one, within `reconnectTimeoutMs`.
   * Default 10 000 ms.
   */
  connectTimeoutMs?: number;
  /** Where reconnect messages go (`warn` while retrying, `info` when back). Default the runtime's `defaultLogger`. */
  logger?: Logger;
}

/**
 * Open a PostgreSQL store (no connection is made until the first operation). Call `migrate()`
 * before use. `enqueue(tasks, { tx: client })` joins the caller's transaction.
 */
// eslint-disable-next-line @typescript-eslint/require-await -- async so both stores open the same way (`await create…Store(…)`).
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const db = new PostgresDb({
    connectionString: options.url,
    schema: options.schema ?? 'fleet',
    poolSize: options.poolSize ?? 4,
    reconnectTimeoutMs: options.reconnectTimeoutMs ?? 60_000,
    logger: options.logger ?? defaultLogger,
    durableClaims: options.durableClaims ?? false,
    queryTimeoutMs: options.queryTimeoutMs ?? 30_000,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
  });
  return {
    kind: 'postgres',
    prefersSettleAndClaim: false,
    migrate: () => migrate(db),
    enqueue: (tasks, opts) => enqueue(db, tasks, opts),
    claim: (input) => claim(db, input),
    heartbeat: (leases, leaseMs) => heartbeat(db, leases, leaseMs),
    settle: (settlements) => settle(db, settlements),
    settleAndClaim: (settlements, input) => settleAndClaim(db, settlements, input),
    progress: (lease, step, data) => progress(db, lease, step, data),
    getSteps: (id) => getSteps(db, id),
    putStep: (lease, step, value) => putStep(db, lease, step, value),
    reapExpired: () => reapExpired(db),
    get: (id) => get(db, id),
    list: (filter) => list(db, filter),
    events: (id, afterId) => events(db, id, afterId),
    scheduleEvents: (name) => scheduleEvents(db, name),
    cancel: (id) => cancel(db, id),
    retryNow: (id) => retryNow(db, id),
    redrive: (ids) => redrive(db, ids),
    purge: (olderThan) => purge(db, olderThan),
    readyByName: () => readyByName(db),
    stats: (options) => stats(db, options),
    upsertSchedule: (definition) => upsertSchedule(db, definition),
    listSchedules: () => listSchedules(db),
    dueSchedules: (now) => dueSchedules(db, now),
    advanceSchedule: (input) => advanceSchedule(db, input),
    subscribe: (listener) => db.subscribe(listener),
    close: () => db.close(),
  };
}
