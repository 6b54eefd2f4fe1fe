import type { JsonValue } from '../../json.js';
import type { LeaseRef } from '../../store.js';
import type { PostgresDb } from './postgres-db.js';
import type { Tables } from './tables.js';
import { jsonParam } from './rows.js';

// The fence in the UPDATE's WHERE is evaluated on the locked row, so a worker that lost its lease
// records nothing.
const build = (t: Tables) => `WITH updated AS (
    UPDATE ${t.tasks} SET progress = $3::jsonb, updated_at = now()
    WHERE id = $1 AND lease_token = $2 AND state = 'running'
    RETURNING id, attempts, seq
  ), logged AS (
    INSERT INTO ${t.events} (task_id, task_seq, type, attempt, data) SELECT id, seq, 'progress', attempts, $3::jsonb FROM updated
  )
  SELECT id FROM updated`;

export async function progress(db: PostgresDb, lease: LeaseRef, step: string, data: JsonValue | null): Promise<boolean> {
  const rows = await db.query(db.statement('progress', build), [lease.id, lease.token, jsonParam({ step, data })]);
  return rows.length === 1;
}
