import { INSERT_EVENT } from './rows.js';
import type { SqliteDb } from './sqlite-db.js';

const REDRIVE = `UPDATE fleet_tasks SET state = 'queued', attempts = 0, lost_leases = 0, run_at = ?1, finished_at = NULL, updated_at = ?1
  WHERE state IN ('dead', 'failed') AND (?2 IS NULL OR id IN (SELECT value FROM json_each(?2)))
  RETURNING id`;

export function redrive(db: SqliteDb, ids?: readonly string[]): string[] {
  const now = Date.now();
  const redriven = db.write(() => {
    const rows = db.statement(REDRIVE).all(now, ids === undefined ? null : JSON.stringify(ids));
    const event = db.statement(INSERT_EVENT);
    return rows.map((row) => {
      event.run(String(row.id), null, 'redriven', now, 0, null);
      return String(row.id);
    });
  });
  if (redriven.length > 0) db.wake();
  return redriven;
}
