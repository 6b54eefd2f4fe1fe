import type { JsonValue } from '../../json.js';
import type { LeaseRef } from '../../store.js';
import { INSERT_EVENT } from './rows.js';
import type { SqliteDb } from './sqlite-db.js';

const UPDATE =
  "UPDATE fleet_tasks SET progress = ?, updated_at = ? WHERE id = ? AND lease_token = ? AND state = 'running' RETURNING attempts";

export function progress(db: SqliteDb, lease: LeaseRef, step: string, data: JsonValue | null): boolean {
  const now = Date.now();
  const value = JSON.stringify({ step, data });
  return db.write(() => {
    const row = db.statement(UPDATE).get(value, now, lease.id, lease.token);
    if (row === undefined) return false;
    db.statement(INSERT_EVENT).run(lease.id, null, 'progress', now, Number(row.attempts), value);
    return true;
  });
}
