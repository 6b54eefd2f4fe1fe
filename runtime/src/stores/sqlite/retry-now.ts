import type { SqliteDb } from './sqlite-db.js';

export function retryNow(db: SqliteDb, id: string): boolean {
  const now = Date.now();
  const { changes } = db
    .statement("UPDATE fleet_tasks SET run_at = ?1, updated_at = ?1 WHERE id = ?2 AND state IN ('queued', 'retrying')")
    .run(now, id);
  if (Number(changes) === 1) db.wake();
  return Number(changes) === 1;
}
