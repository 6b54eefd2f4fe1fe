import type { ListFilter, TaskRecord } from '../../store.js';
import { TASK_COLUMNS, toTaskRecord } from './rows.js';
import type { SqliteDb } from './sqlite-db.js';

// Optional filters are written as `(? IS NULL OR col = ?)` so one prepared statement serves all
// combinations; states travel as a JSON array.
const LIST = `SELECT ${TASK_COLUMNS} FROM fleet_tasks
  WHERE (?1 IS NULL OR state IN (SELECT value FROM json_each(?1)))
    AND (?2 IS NULL OR name = ?2)
    AND (?3 IS NULL OR tenant = ?3)
    AND (?4 IS NULL OR created_at < ?4)
  ORDER BY seq DESC
  LIMIT ?5`;

export function list(db: SqliteDb, filter: ListFilter = {}): TaskRecord[] {
  const rows = db.statement(LIST).all(
    filter.states === undefined ? null : JSON.stringify(filter.states),
    filter.name ?? null,
    filter.tenant ?? null,
    filter.before?.getTime() ?? null,
    filter.limit ?? 100,
  );
  return rows.map(toTaskRecord);
}
