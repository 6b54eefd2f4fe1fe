import { parseListBefore } from '../../list-cursor.js';
import type { ListFilter, TaskRecord } from '../../store.js';
import type { PostgresDb } from './postgres-db.js';
import { TASK_COLUMNS, toTaskRecord } from './rows.js';

// Optional filters are written as `($n IS NULL OR col = $n)` so one prepared statement serves all
// combinations. `before` is either a cursor (`seq`, unique: pages never skip or repeat a task) or,
// in the older form, a creation time.
const build = (t: { tasks: string }) => `SELECT ${TASK_COLUMNS} FROM ${t.tasks}
  WHERE ($1::text[] IS NULL OR state = ANY($1::text[]))
    AND ($2::text IS NULL OR name = $2)
    AND ($3::text IS NULL OR tenant = $3)
    AND ($4::timestamptz IS NULL OR created_at < $4)
    AND ($6::bigint IS NULL OR seq < $6)
  ORDER BY seq DESC
  LIMIT $5`;

export async function list(db: PostgresDb, filter: ListFilter = {}): Promise<TaskRecord[]> {
  const before = parseListBefore(filter.before);
  const rows = await db.query(db.statement('list', build), [
    filter.states ?? null,
    filter.name ?? null,
    filter.tenant ?? null,
    before.createdAt,
    filter.limit ?? 100,
    before.seq,
  ]);
  return rows.map(toTaskRecord);
}
