import type { Logger } from '../logger.js';
import type { LeaseRef, Store } from '../store.js';
import { TaskAbortedError } from './task-context.js';

/** A lease the worker holds: its executor may be running or done with the outcome not yet stored. */
export interface HeldTask {
  lease: LeaseRef;
  /** Task name, for metrics. */
  name: string;
  /** `performance.now()` when the executor started, for the duration histogram. */
  startedAt: number;
  leaseMs: number;
  controller: AbortController;
  done: Promise<void>;
  /** Set once the executor ended and its outcome was queued; later outcomes of the same run are ignored. */
  settled: boolean;
}

/**
 * One heartbeat round over every held lease, one `store.heartbeat` call per lease length. A lease
 * reported lost aborts its executor if it still runs; a finished one just waits for its refused write.
 * Failures are logged, not thrown: the next round retries, and leases are long enough to miss a few.
 */
export async function heartbeatLeases(store: Store, held: ReadonlyMap<string, HeldTask>, log: Logger): Promise<void> {
  const byLease = new Map<number, LeaseRef[]>();
  for (const entry of held.values()) byLease.set(entry.leaseMs, [...(byLease.get(entry.leaseMs) ?? []), entry.lease]);
  try {
    for (const [leaseMs, leases] of byLease) {
      for (const id of await store.heartbeat(leases, leaseMs)) {
        const entry = held.get(id);
        if (entry === undefined || entry.settled) continue;
        log('warn', `task ${id}: lease lost (cancelled or reclaimed); aborting its executor.`);
        entry.controller.abort(new TaskAbortedError('lease-lost', 'the lease was lost (task cancelled or reclaimed by another worker)'));
      }
    }
  } catch (error) {
    log('error', `heartbeat failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
