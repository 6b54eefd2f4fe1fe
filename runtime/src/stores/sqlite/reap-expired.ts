import { INSERT_EVENT } from './rows.js';
import type { SqliteDb } from './sqlite-db.js';

// The attempt the dead worker was charged stays spent; a task that keeps losing its lease (it
// crashes or hangs its worker) is dead-lettered after `max_lost_leases` instead of looping forever.
const REAP = `UPDATE fleet_tasks SET
    lost_leases = lost_leases + 1,
    state = CASE WHEN lost_leases + 1 >= max_lost_leases OR attempts >= max_attempts THEN 'dead' ELSE 'queued' END,
    finished_at = CASE WHEN lost_leases + 1 >= max_lost_leases OR attempts >= max_attempts THEN ?1 ELSE NULL END,
    last_error = 'lease expired: the worker ' || coalesce(lease_owner, '?') || ' stopped heartbeating',
    run_at = ?1, lease_owner = NULL, lease_token = NULL, lease_until = NULL, updated_at = ?1
  WHERE state = 'running' AND lease_until < ?1
  RETURNING id, state, attempts`;

export function reapExpired(db: SqliteDb): { requeued: string[]; dead: string[] } {
  const now = Date.now();
  const result = db.write(() => {
    const rows = db.statement(REAP).all(now);
    const event = db.statement(INSERT_EVENT);
    const requeued: string[] = [];
    const dead: string[] = [];
    for (const row of rows) {
      const id = String(row.id);
      event.run(id, null, 'lease-expired', now, Number(row.attempts), null);
      if (row.state === 'dead') {
        event.run(id, null, 'dead', now, Number(row.attempts), JSON.stringify({ error: 'lease lost too often or attempts exhausted' }));
        dead.push(id);
      } else {
        requeued.push(id);
      }
    }
    return { requeued, dead };
  });
  if (result.requeued.length > 0) db.wake();
  return result;
}
