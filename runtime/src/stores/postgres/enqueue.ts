import type { EnqueueResult, NewTask, StoreEnqueueOptions } from '../../store.js';
import { insertTasks } from './insert-tasks.js';
import type { PostgresDb, Queryable } from './postgres-db.js';

function asClient(tx: unknown): Queryable {
  if (typeof tx === 'object' && tx !== null && typeof (tx as { query?: unknown }).query === 'function') return tx as Queryable;
  throw new Error(
    'fleet-runtime: `tx` must be a `pg` client (from `pool.connect()`) on which you ran BEGIN; the tasks then commit or roll back with your transaction.',
  );
}

/**
 * Durable when it resolves: on the pool the statement autocommits; with `tx` the rows (and the
 * NOTIFY) take effect when the caller commits, and vanish if it rolls back.
 */
export async function enqueue(db: PostgresDb, tasks: readonly NewTask[], options: StoreEnqueueOptions = {}): Promise<EnqueueResult[]> {
  const client = options.tx === undefined ? undefined : asClient(options.tx);
  return insertTasks(db, tasks, client);
}
