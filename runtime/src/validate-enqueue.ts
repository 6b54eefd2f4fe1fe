import type { TaskRequest } from './define-tasks.js';
import type { EnqueueOptions } from './enqueue.js';
import { TaskInputError } from './errors.js';
import { unstorableText } from './storable-text.js';

/** PostgreSQL's `int` range, the narrower of the two stores. */
const MAX_PRIORITY = 2_147_483_647;

const shown = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);

/**
 * Check what a JavaScript caller passed to `enqueue` before any store sees it, so both stores answer
 * bad input with the same `TaskInputError` (instead of a `TypeError`, or a raw database error on
 * one store and a stored row on the other).
 */
export function assertTaskRequest(request: unknown): asserts request is TaskRequest {
  const name: unknown = (request as { definition?: { name?: unknown } } | null | undefined)?.definition?.name;
  if (typeof name !== 'string') {
    throw new TaskInputError(
      `enqueue expects a task request built by a TaskSpec, e.g. \`enqueue(TaskSpec.SendEmail({ to }))\`; got ${shown(request)} without a task definition.`,
    );
  }
}

function text(task: string, field: string, value: unknown, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'string') throw new TaskInputError(`Task ${task}: ${field} must be a string, got ${shown(value)}.`);
  if (value === '' || value.length > max)
    throw new TaskInputError(`Task ${task}: ${field} must be 1–${String(max)} characters, got ${String(value.length)}.`);
  const problem = unstorableText(value);
  if (problem !== null) throw new TaskInputError(`Task ${task}: ${field} ${problem}.`);
}

/** Check `key`, `tenant`, `priority` and `runAt`; messages name the task and the field. */
export function assertEnqueueOptions(task: string, options: EnqueueOptions): void {
  text(task, 'key', options.key, 500);
  text(task, 'tenant', options.tenant, 200);
  const { priority, runAt } = options;
  if (priority !== undefined && (!Number.isInteger(priority) || Math.abs(priority) > MAX_PRIORITY)) {
    throw new TaskInputError(
      `Task ${task}: priority is ${String(priority)}; it must be an integer between -${String(MAX_PRIORITY)} and ${String(MAX_PRIORITY)}.`,
    );
  }
  if (runAt !== undefined && !(runAt instanceof Date) && !(typeof runAt === 'number' && Number.isFinite(runAt))) {
    throw new TaskInputError(`Task ${task}: runAt must be a Date or a delay in milliseconds, got ${shown(runAt)}.`);
  }
}
