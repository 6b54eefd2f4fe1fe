import type { JsonValue } from '../../json.js';
import type { LeaseRef } from '../../store.js';
import type { SqliteDb } from './sqlite-db.js';

const HELD = "SELECT 1 AS held FROM fleet_tasks WHERE id = ? AND lease_token = ? AND state = 'running'";
const PUT = 'INSERT INTO fleet_steps (task_id, name, value, at) VALUES (?, ?, ?, ?) ON CONFLICT (task_id, name) DO NOTHING';

/** The lease check and the insert share the write transaction, so a reclaimed worker cannot write. */
export function putStep(db: SqliteDb, lease: LeaseRef, step: string, value: JsonValue): boolean {
  return db.write(() => {
    if (db.statement(HELD).get(lease.id, lease.token) === undefined) return false;
    db.statement(PUT).run(lease.id, step, JSON.stringify(value), Date.now());
    return true;
  });
}
