import type { JsonValue } from '../../json.js';
import type { PostgresDb } from './postgres-db.js';

export async function getSteps(db: PostgresDb, id: string): Promise<Record<string, JsonValue>> {
  const rows = await db.query<{ name: string; value: JsonValue }>(
    db.statement('get_steps', (t) => `SELECT name, value FROM ${t.steps} WHERE task_id = $1`),
    [id],
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.value]));
}
