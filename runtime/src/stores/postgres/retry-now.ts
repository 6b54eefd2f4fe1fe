import type { PostgresDb } from './postgres-db.js';
import type { Tables } from './tables.js';

const build = (t: Tables) => `WITH due AS (
    UPDATE ${t.tasks} SET run_at = now(), updated_at = now() WHERE id = $1 AND state IN ('queued', 'retrying') RETURNING id
  ), woken AS (
    SELECT pg_notify($2, '') FROM due
  )
  SELECT id, (SELECT count(*) FROM woken) AS woken FROM due`;

export async function retryNow(db: PostgresDb, id: string): Promise<boolean> {
  return (await db.query(db.statement('retry_now', build), [id, db.channel])).length === 1;
}
