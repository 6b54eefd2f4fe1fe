import type { AnyTaskSpecs } from '../define-tasks.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store.js';
import type { Executors } from './task-context.js';

/** Options of `Worker`. */
export interface WorkerOptions<S extends AnyTaskSpecs> {
  store: Store;
  /** The `defineTasks` result. */
  tasks: S;
  /** Executors keyed like `tasks`; the worker claims only tasks that have one. */
  executors: Executors<S>;
  /** Tasks run at once. Default 10. */
  concurrency?: number;
  /** Most tasks taken per claim for the free slots. Default 100. */
  claimBatch?: number;
  /**
   * Most tasks a claim may take beyond the free slots when the queue is deep. Default 48; 0 turns
   * it off. Only after a claim came back full, and only as many as start within 100 ms (or a tenth
   * of the lease) at the executors' measured mean run time. They wait in the worker in claim order,
   * their leases heartbeated, and start as slots free; one not started within 1 s (or a quarter of
   * its lease) is handed back (`release`: the attempt refunded), as they all are on `stop()`.
   */
  claimAhead?: number;
  /**
   * Claims in flight at once. Default `ceil(concurrency / claimBatch)`: with many slots and small
   * batches several claims run in parallel on the store's pool instead of one after another.
   */
  maxClaims?: number;
  /** Outcome writes (`settle` calls) in flight at once. Default 2. */
  maxSettles?: number;
  /**
   * Most leases held at once: tasks executing plus finished tasks whose outcome is not stored yet.
   * While outcome writes wait for their durable commit, finished tasks accumulate and the next
   * write carries them all (one commit for many outcomes), so slow commits do not throttle claims.
   * A crash loses at most this many unstored outcomes, whose tasks are reclaimed and run again.
   * Default `concurrency + max(concurrency, 256)`; never below `concurrency`.
   */
  maxHeld?: number;
  /** Poll for work from other processes this often. Default 1000 ms (same-process enqueues wake at once). */
  pollIntervalMs?: number;
  /** Reclaim expired leases this often. Default 5000 ms. */
  reapIntervalMs?: number;
  /** Look for ready tasks of names `tasks` does not declare this often (a warning per name). Default 60 000 ms. */
  unknownTaskCheckMs?: number;
  /** Lease owner id. Default `<host>:<pid>:<random>`. */
  owner?: string;
  log?: Logger;
  /** Jitter source for backoff (tests). Default `Math.random`. */
  random?: () => number;
}

/** Options of `Worker.stop`. */
export interface StopOptions {
  /** Wait this long for running tasks to finish. Default 25 000 ms (inside Kubernetes' 30 s). */
  deadlineMs?: number;
  /**
   * After aborting, wait this long for executors to return before handing their leases back.
   * Leases stay held meanwhile, so no other worker starts a task whose executor is still running;
   * an executor that returns or throws in time records its own outcome. Default 2000 ms.
   */
  abortGraceMs?: number;
}
