import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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
import { loadSqlite } from './load-sqlite.js';
import { migrate } from './migrate.js';
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
import { SqliteDb } from './sqlite-db.js';
import { stats } from './stats.js';
import { upsertSchedule } from './upsert-schedule.js';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** Database file. `:memory:` works for one process. */
  path: string;
  /**
   * Create the file's folder when missing. Default false: a missing folder fails with its path, so a
   * mistyped `sqlite:` URL does not silently create a new, empty database somewhere.
   */
  createDirectory?: boolean;
  /**
   * `NORMAL` (default): in WAL mode a commit survives a process crash; a power loss or OS crash
   * may lose the last transactions committed before it (never corrupts). `FULL`: fsync on every
   * commit, also survives power loss, about 5× slower for single-row commits.
   */
  synchronous?: 'NORMAL' | 'FULL';
  /** How long a write waits for another process's write lock before failing. Default 5000 ms. */
  busyTimeoutMs?: number;
}

/** Open (and create) a SQLite store. Call `migrate()` before use. */
export async function createSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  const { DatabaseSync } = await loadSqlite();
  const folder = dirname(options.path);
  if (options.path !== ':memory:' && !existsSync(folder)) {
    if (options.createDirectory !== true) {
      throw new Error(
        `fleet-runtime: the folder ${folder} of the SQLite database ${options.path} does not exist; create it, or fix the path in FLEET_DATABASE_URL.`,
      );
    }
    mkdirSync(folder, { recursive: true });
  }
  const raw = new DatabaseSync(options.path);
  // WAL lets readers run while one process writes, which is what makes several local processes safe.
  raw.exec('PRAGMA journal_mode = WAL');
  raw.exec(`PRAGMA synchronous = ${options.synchronous ?? 'NORMAL'}`);
  raw.exec(`PRAGMA busy_timeout = ${String(options.busyTimeoutMs ?? 5000)}`);
  raw.exec('PRAGMA foreign_keys = ON');
  raw.exec('PRAGMA cache_size = -32000');
  raw.exec('PRAGMA wal_autocheckpoint = 10000');
  const db = new SqliteDb(raw, options.path);
  // node:sqlite is synchronous; each operation resolves after its transaction committed.
  const run = <T>(fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return {
    kind: 'sqlite',
    prefersSettleAndClaim: true,
    migrate: () =>
      run(() => {
        migrate(db);
      }),
    enqueue: (tasks, opts) => run(() => enqueue(db, tasks, opts)),
    claim: (input) => run(() => claim(db, input)),
    heartbeat: (leases, leaseMs) => run(() => heartbeat(db, leases, leaseMs)),
    settle: (settlements) => run(() => settle(db, settlements)),
    settleAndClaim: (settlements, input) => run(() => settleAndClaim(db, settlements, input)),
    progress: (lease, step, data) => run(() => progress(db, lease, step, data)),
    getSteps: (id) => run(() => getSteps(db, id)),
    putStep: (lease, step, value) => run(() => putStep(db, lease, step, value)),
    reapExpired: () => run(() => reapExpired(db)),
    get: (id) => run(() => get(db, id)),
    list: (filter) => run(() => list(db, filter)),
    events: (id, afterId) => run(() => events(db, id, afterId)),
    scheduleEvents: (name) => run(() => scheduleEvents(db, name)),
    cancel: (id) => run(() => cancel(db, id)),
    retryNow: (id) => run(() => retryNow(db, id)),
    redrive: (ids) => run(() => redrive(db, ids)),
    purge: (olderThan) => run(() => purge(db, olderThan)),
    readyByName: () => run(() => readyByName(db)),
    stats: (options) => run(() => stats(db, options)),
    upsertSchedule: (definition) =>
      run(() => {
        upsertSchedule(db, definition);
      }),
    listSchedules: () => run(() => listSchedules(db)),
    dueSchedules: (now) => run(() => dueSchedules(db, now)),
    advanceSchedule: (input) => run(() => advanceSchedule(db, input)),
    subscribe: (listener) => db.subscribe(listener),
    close: () =>
      run(() => {
        db.close();
      }),
  };
}
