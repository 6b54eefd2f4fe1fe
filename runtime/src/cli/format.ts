import type { ScheduleRecord, TaskEvent, TaskRecord } from '../store.js';

// All human-readable output is shaped here, so commands stay "fetch, decide, print".

const iso = (date: Date | null): string => (date === null ? '-' : date.toISOString());

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** Tasks as a table; payloads are never printed in lists (they may carry references to secrets). */
export function formatTasks(tasks: readonly TaskRecord[]): string {
  if (tasks.length === 0) return 'No tasks.';
  return table(
    ['ID', 'NAME', 'STATE', 'ATTEMPTS', 'RUN AT', 'LAST ERROR'],
    tasks.map((task) => [
      task.id,
      task.name,
      task.state,
      `${String(task.attempts)}/${String(task.maxAttempts)}`,
      iso(task.runAt),
      (task.lastError ?? '').slice(0, 60),
    ]),
  );
}

/**
 * A page of a list: the table, then, when the page is full, the option that shows the next one
 * (`--before` with the last task's cursor; `list` pages by cursor, newest first).
 */
export function formatTaskPage(tasks: readonly TaskRecord[], limit: number, command: string): string {
  const last = tasks.at(-1);
  const text = formatTasks(tasks);
  return tasks.length < limit || last === undefined ? text : `${text}\nNext page: ${command} --before ${last.cursor}`;
}

/** One task in full. */
export function formatTask(task: TaskRecord): string {
  const fields: [string, string][] = [
    ['id', task.id],
    ['name', task.name],
    ['state', task.state],
    ['key', task.key ?? '-'],
    ['tenant', task.tenant ?? '-'],
    ['priority', String(task.priority)],
    ['attempts', `${String(task.attempts)}/${String(task.maxAttempts)}`],
    ['lost leases', `${String(task.lostLeases)}/${String(task.maxLostLeases)}`],
    ['run at', iso(task.runAt)],
    ['lease owner', task.leaseOwner ?? '-'],
    ['lease until', iso(task.leaseUntil)],
    ['progress', task.progress === null ? '-' : JSON.stringify(task.progress)],
    ['last error', task.lastError ?? '-'],
    ['result', task.result === null ? '-' : JSON.stringify(task.result)],
    ['schedule', task.schedule ?? '-'],
    ['created', iso(task.createdAt)],
    ['updated', iso(task.updatedAt)],
    ['finished', iso(task.finishedAt)],
    ['payload', JSON.stringify(task.payload)],
  ];
  return fields.map(([label, value]) => `${`${label}:`.padEnd(13)}${value}`).join('\n');
}

export function formatEvents(events: readonly TaskEvent[]): string {
  if (events.length === 0) return 'No events.';
  return table(
    ['AT', 'EVENT', 'ATTEMPT', 'DATA'],
    events.map((event) => [
      iso(event.at),
      event.type,
      event.attempt === null ? '-' : String(event.attempt),
      event.data === null ? '' : JSON.stringify(event.data),
    ]),
  );
}

export function formatSchedules(schedules: readonly ScheduleRecord[]): string {
  if (schedules.length === 0) return 'No schedules.';
  return table(
    ['NAME', 'TASK', 'WHEN', 'OVERLAP', 'NEXT RUN', 'LAST FIRED', 'MISSED', 'SKIPPED'],
    schedules.map((s) => [
      s.name,
      s.taskName,
      s.cron === null ? `every ${String(s.intervalMs)} ms` : `${s.cron} (${s.timeZone ?? 'UTC'})`,
      s.overlap,
      iso(s.nextRunAt),
      iso(s.lastFiredAt),
      String(s.missed),
      String(s.skipped),
    ]),
  );
}

/** `--json` output: one JSON document. */
export const asJson = (value: unknown): string => JSON.stringify(value, null, 2);
