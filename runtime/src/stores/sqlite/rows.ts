import type { JsonValue } from '../../json.js';
import type { ScheduleRecord, TaskEvent, TaskEventType, TaskRecord, TaskState } from '../../store.js';

type Row = Record<string, unknown>;

// SQLite hands back text, numbers, bigints or null; nothing here is an object.
const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'bigint' ? value.toString() : '';
const str = (value: unknown): string | null => (value === null || value === undefined ? null : text(value));
const num = (value: unknown): number => Number(value);
const date = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(Number(value)));
const json = (value: unknown): JsonValue | null => (value === null || value === undefined ? null : (JSON.parse(text(value)) as JsonValue));

/** Columns selected for a full task record. */
export const TASK_COLUMNS =
  'id, name, payload, state, key, tenant, priority, run_at, attempts, max_attempts, lost_leases, max_lost_leases, lease_owner, lease_until, last_error, result, progress, schedule, created_at, updated_at, finished_at, seq';

export function toTaskRecord(row: Row): TaskRecord {
  return {
    id: String(row.id),
    name: String(row.name),
    payload: json(row.payload),
    state: String(row.state) as TaskState,
    key: str(row.key),
    tenant: str(row.tenant),
    priority: num(row.priority),
    runAt: new Date(num(row.run_at)),
    attempts: num(row.attempts),
    maxAttempts: num(row.max_attempts),
    lostLeases: num(row.lost_leases),
    maxLostLeases: num(row.max_lost_leases),
    leaseOwner: str(row.lease_owner),
    leaseUntil: date(row.lease_until),
    lastError: str(row.last_error),
    result: json(row.result),
    progress: json(row.progress) as TaskRecord['progress'],
    schedule: str(row.schedule),
    createdAt: new Date(num(row.created_at)),
    updatedAt: new Date(num(row.updated_at)),
    finishedAt: date(row.finished_at),
    cursor: text(row.seq),
  };
}

export function toTaskEvent(row: Row): TaskEvent {
  return {
    id: num(row.id),
    taskId: str(row.task_id),
    schedule: str(row.schedule),
    type: String(row.type) as TaskEventType,
    at: new Date(num(row.at)),
    attempt: row.attempt === null || row.attempt === undefined ? null : num(row.attempt),
    data: json(row.data),
  };
}

export function toScheduleRecord(row: Row): ScheduleRecord {
  return {
    name: String(row.name),
    taskName: String(row.task_name),
    payload: json(row.payload),
    cron: str(row.cron),
    intervalMs: row.interval_ms === null ? null : num(row.interval_ms),
    timeZone: str(row.time_zone),
    overlap: row.overlap === 'allow' ? 'allow' : 'skip',
    nextRunAt: new Date(num(row.next_run_at)),
    lastFiredAt: date(row.last_fired_at),
    lastTaskId: str(row.last_task_id),
    missed: num(row.missed),
    skipped: num(row.skipped),
  };
}

/** Append one event row; callers run it inside their write transaction. */
/**
 * Append one event: task id (or null), schedule, type, at, attempt, data. The task's `seq`, by which
 * `events` finds a task's events (migration 3), is looked up from its id.
 */
export const INSERT_EVENT =
  'INSERT INTO fleet_events (task_id, task_seq, schedule, type, at, attempt, data) VALUES (?1, (SELECT seq FROM fleet_tasks WHERE id = ?1), ?2, ?3, ?4, ?5, ?6)';
