import type { TaskRecord } from '../../store.js';
import type { PostgresDb } from './postgres-db.js';
import { TASK_COLUMNS, toTaskRecord } from './rows.js';

export async function get(db: PostgresDb, id: string): Promise<TaskRecord | null> {
  const rows = await db.query(
    db.statement('get', (t) => `SELECT ${TASK_COLUMNS} FROM ${t.tasks} WHERE id = $1`),
    [id],
  );
  const row = rows[0];
  return row === undefined ? null : toTaskRecord(row);
}
