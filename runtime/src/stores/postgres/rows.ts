import type { JsonValue } from '../../json.js';
import type { ScheduleRecord, TaskEvent, TaskEventType, TaskRecord, TaskState } from '../../store.js';

type Row = Record<string, unknown>;

// `pg` already turns timestamptz into Date and jsonb into values; bigint arrives as a string.
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const date = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as Date));
const json = (value: unknown): JsonValue | null => (value === undefined ? null : (value as JsonValue | null));

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
    priority: Number(row.priority),
    runAt: new Date(row.run_at as Date),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    lostLeases: Number(row.lost_leases),
    maxLostLeases: Number(row.max_lost_leases),
    leaseOwner: str(row.lease_owner),
    leaseUntil: date(row.lease_until),
    lastError: str(row.last_error),
    result: json(row.result),
    progress: json(row.progress) as TaskRecord['progress'],
    schedule: str(row.schedule),
    createdAt: new Date(row.created_at as Date),
    updatedAt: new Date(row.updated_at as Date),
    finishedAt: date(row.finished_at),
    cursor: String(row.seq),
  };
}

export function toTaskEvent(row: Row): TaskEvent {
  return {
    id: Number(row.id),
    taskId: str(row.task_id),
    schedule: str(row.schedule),
    type: String(row.type) as TaskEventType,
    at: new Date(row.at as Date),
    attempt: row.attempt === null || row.attempt === undefined ? null : Number(row.attempt),
    data: json(row.data),
  };
}

export function toScheduleRecord(row: Row): ScheduleRecord {
  return {
    name: String(row.name),
    taskName: String(row.task_name),
    payload: json(row.payload),
    cron: str(row.cron),
    intervalMs: row.interval_ms === null ? null : Number(row.interval_ms),
    timeZone: str(row.time_zone),
    overlap: row.overlap === 'allow' ? 'allow' : 'skip',
    nextRunAt: new Date(row.next_run_at as Date),
    lastFiredAt: date(row.last_fired_at),
    lastTaskId: str(row.last_task_id),
    missed: Number(row.missed),
    skipped: Number(row.skipped),
  };
}

/** A JSON value as bind-parameter text for a `::jsonb` cast (`pg` would turn a JS array into a PG array). */
export const jsonParam = (value: JsonValue | null): string => JSON.stringify(value);

/** Milliseconds as a bind parameter for `$n::bigint * interval '1 millisecond'`. */
export const msParam = (ms: number): string => String(Math.max(0, Math.round(ms)));
