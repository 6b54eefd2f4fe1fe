import type { JsonValue } from '../../json.js';
import type { SqliteDb } from './sqlite-db.js';

export function getSteps(db: SqliteDb, id: string): Record<string, JsonValue> {
  const rows = db.statement('SELECT name, value FROM fleet_steps WHERE task_id = ?').all(id);
  return Object.fromEntries(rows.map((row) => [String(row.name), JSON.parse(String(row.value)) as JsonValue]));
}
