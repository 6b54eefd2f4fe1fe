import { parseListBefore } from '../../list-cursor.js';
import type { ListFilter, TaskRecord } from '../../store.js';
import { TASK_COLUMNS, toTaskRecord } from './rows.js';
import type { SqliteDb } from './sqlite-db.js';

// Optional filters are written as `(? IS NULL OR col = ?)` so one prepared statement serves all
// combinations; states travel as a JSON array. `before` is either a cursor (`seq`, unique: pages
// never skip or repeat a task) or, in the older form, a creation time.
const LIST = `SELECT ${TASK_COLUMNS} FROM fleet_tasks
  WHERE (?1 IS NULL OR state IN (SELECT value FROM json_each(?1)))
    AND (?2 IS NULL OR name = ?2)
    AND (?3 IS NULL OR tenant = ?3)
    AND (?4 IS NULL OR created_at < ?4)
    AND (?6 IS NULL OR seq < ?6)
  ORDER BY seq DESC
  LIMIT ?5`;

export function list(db: SqliteDb, filter: ListFilter = {}): TaskRecord[] {
  const before = parseListBefore(filter.before);
  const rows = db
    .statement(LIST)
    .all(
      filter.states === undefined ? null : JSON.stringify(filter.states),
      filter.name ?? null,
      filter.tenant ?? null,
      before.createdAt?.getTime() ?? null,
      filter.limit ?? 100,
      before.seq === null ? null : BigInt(before.seq),
    );
  return rows.map(toTaskRecord);
}
