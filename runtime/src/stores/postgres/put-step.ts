import type { JsonValue } from '../../json.js';
import type { LeaseRef } from '../../store.js';
import type { PostgresDb } from './postgres-db.js';
import type { Tables } from './tables.js';
import { jsonParam } from './rows.js';

// FOR SHARE on the task row holds off a concurrent reclaim, cancel or settle until this insert
// commits, so a step is never recorded for a lease that was already lost.
const build = (t: Tables) => `WITH held AS (
    SELECT id FROM ${t.tasks} WHERE id = $1 AND lease_token = $2 AND state = 'running' FOR SHARE
  ), stored AS (
    INSERT INTO ${t.steps} (task_id, name, value) SELECT id, $3, $4::jsonb FROM held
    ON CONFLICT (task_id, name) DO NOTHING
  )
  SELECT id FROM held`;

/** True if the lease is held (the first write per step name wins; a repeat is ignored). */
export async function putStep(db: PostgresDb, lease: LeaseRef, step: string, value: JsonValue): Promise<boolean> {
  const rows = await db.query(db.statement('put_step', build), [lease.id, lease.token, step, jsonParam(value)]);
  return rows.length === 1;
}
