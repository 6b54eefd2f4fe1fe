import type { PostgresDb } from './postgres-db.js';
import type { Tables } from './tables.js';

// SKIP LOCKED: every worker runs the reaper; a row another reaper (or its owner's late heartbeat
// or settle) has locked is left to that transaction instead of being waited for. The expiry is
// re-checked on the locked row, so a heartbeat that landed first keeps its lease.
// The attempt the dead worker was charged stays spent; a task that keeps losing its lease (it
// crashes or hangs its worker) is dead-lettered after `max_lost_leases` instead of looping forever.
const build = (t: Tables) => `WITH expired AS (
    SELECT seq FROM ${t.tasks} WHERE state = 'running' AND lease_until < now() ORDER BY seq FOR UPDATE SKIP LOCKED
  ), reaped AS (
    UPDATE ${t.tasks} t SET
      lost_leases = t.lost_leases + 1,
      state = CASE WHEN t.lost_leases + 1 >= t.max_lost_leases OR t.attempts >= t.max_attempts THEN 'dead' ELSE 'queued' END,
      finished_at = CASE WHEN t.lost_leases + 1 >= t.max_lost_leases OR t.attempts >= t.max_attempts THEN now() ELSE NULL END,
      last_error = 'lease expired: the worker ' || coalesce(t.lease_owner, '?') || ' stopped heartbeating',
      run_at = now(), lease_owner = NULL, lease_token = NULL, lease_until = NULL, updated_at = now()
    FROM expired WHERE t.seq = expired.seq
    RETURNING t.id, t.state, t.attempts, t.seq
  ), logged AS (
    INSERT INTO ${t.events} (task_id, task_seq, type, attempt, data)
    SELECT id, seq, 'lease-expired', attempts, NULL FROM reaped
    UNION ALL
    SELECT id, seq, 'dead', attempts, '{"error":"lease lost too often or attempts exhausted"}'::jsonb FROM reaped WHERE state = 'dead'
  ), woken AS (
    SELECT pg_notify($1, '') FROM reaped WHERE state = 'queued' LIMIT 1
  )
  SELECT id, state, (SELECT count(*) FROM woken) AS woken FROM reaped`;

export async function reapExpired(db: PostgresDb): Promise<{ requeued: string[]; dead: string[] }> {
  const rows = await db.query<{ id: string; state: string }>(db.statement('reap_expired', build), [db.channel]);
  return {
    requeued: rows.filter((row) => row.state === 'queued').map((row) => row.id),
    dead: rows.filter((row) => row.state === 'dead').map((row) => row.id),
  };
}
