import { INSERT_EVENT } from './rows.js';
import type { SqliteDb } from './sqlite-db.js';

// Clearing the token is what stops a running executor: its next heartbeat finds no lease and aborts.
const CANCEL = `UPDATE fleet_tasks SET state = 'cancelled', finished_at = ?1, updated_at = ?1,
    lease_owner = NULL, lease_token = NULL, lease_until = NULL
  WHERE id = ?2 AND state IN ('queued', 'running', 'retrying') RETURNING attempts`;

export function cancel(db: SqliteDb, id: string): boolean {
  const now = Date.now();
  return db.write(() => {
    const row = db.statement(CANCEL).get(now, id);
    if (row === undefined) return false;
    db.statement(INSERT_EVENT).run(id, null, 'cancelled', now, Number(row.attempts), null);
    return true;
  });
}
