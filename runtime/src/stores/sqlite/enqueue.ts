import type { EnqueueResult, NewTask, StoreEnqueueOptions } from '../../store.js';
import { insertTasks } from './insert-tasks.js';
import type { SqliteDb } from './sqlite-db.js';

/** All rows in one transaction: durable at COMMIT (see docs/runtime/guarantees.md for `synchronous`). */
export function enqueue(db: SqliteDb, tasks: readonly NewTask[], options: StoreEnqueueOptions = {}): EnqueueResult[] {
  if (options.tx !== undefined) {
    throw new Error(
      'fleet-runtime: `tx` is a PostgreSQL option; the SQLite store has no caller transaction to join. Remove `tx` or use a postgres:// FLEET_DATABASE_URL.',
    );
  }
  if (tasks.length === 0) return [];
  const results = db.write(() => insertTasks(db, tasks, Date.now()));
  if (results.some((result) => result.created)) db.wake();
  return results;
}
