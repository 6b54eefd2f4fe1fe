import type { PostgresDb } from './postgres-db.js';
import type { Tables } from './tables.js';

// Clearing the token is what stops a running executor: its next heartbeat finds no lease and
// aborts. The UPDATE's row lock orders a cancel against a concurrent settle: whichever commits
// first wins, the other matches no row.
const build = (t: Tables) => `WITH cancelled AS (
    UPDATE ${t.tasks} SET state = 'cancelled', finished_at = now(), updated_at = now(),
      lease_owner = NULL, lease_token = NULL, lease_until = NULL
    WHERE id = $1 AND state IN ('queued', 'running', 'retrying')
    RETURNING id, attempts, seq
  ), logged AS (
    INSERT INTO ${t.events} (task_id, task_seq, type, attempt) SELECT id, seq, 'cancelled', attempts FROM cancelled
  )
  SELECT id FROM cancelled`;

export async function cancel(db: PostgresDb, id: string): Promise<boolean> {
  return (await db.query(db.statement('cancel', build), [id])).length === 1;
}
