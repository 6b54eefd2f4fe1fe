import type { PostgresDb } from './postgres-db.js';
import type { Tables } from './tables.js';

const build = (t: Tables) => `WITH redriven AS (
    UPDATE ${t.tasks} SET state = 'queued', attempts = 0, lost_leases = 0, run_at = now(), finished_at = NULL, updated_at = now()
    WHERE state IN ('dead', 'failed') AND ($1::text[] IS NULL OR id = ANY($1::text[]))
    RETURNING id, seq
  ), logged AS (
    INSERT INTO ${t.events} (task_id, task_seq, type, attempt) SELECT id, seq, 'redriven', 0 FROM redriven
  ), woken AS (
    SELECT pg_notify($2, '') FROM redriven LIMIT 1
  )
  SELECT id, (SELECT count(*) FROM woken) AS woken FROM redriven ORDER BY seq`;

export async function redrive(db: PostgresDb, ids?: readonly string[]): Promise<string[]> {
  const rows = await db.query<{ id: string }>(db.statement('redrive', build), [ids ?? null, db.channel]);
  return rows.map((row) => row.id);
}
