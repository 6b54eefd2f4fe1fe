import { defaultStore } from './default-store.js';
import type { TaskRequest } from './define-tasks.js';
import { TaskInputError } from './errors.js';
import type { NewTask, Store } from './store.js';
import { uuidV7 } from './uuid-v7.js';
import { assertEnqueueOptions, assertTaskRequest } from './validate-enqueue.js';
import { validatePayload } from './validate-payload.js';

/** Options of {@link enqueue}. */
export interface EnqueueOptions {
  /** Idempotency key: a second enqueue of the same task name and key returns the first task's id. */
  key?: string;
  /** Do not run before this time (a `Date`, or a delay in ms). Default: now. */
  runAt?: Date | number;
  /** Tenant for fairness and filtering. Default none. */
  tenant?: string;
  /** Higher runs first. Default: the task policy's priority (0). */
  priority?: number;
  /** PostgreSQL only: a `pg` client inside the caller's `BEGIN`; the task commits with the caller's work. */
  tx?: unknown;
  /** Store to use. Default: {@link defaultStore}. */
  store?: Store;
}

/** Validate a request and turn it into a row to insert. */
export async function toNewTask(request: TaskRequest, options: EnqueueOptions = {}, schedule: string | null = null): Promise<NewTask> {
  assertTaskRequest(request);
  const { definition } = request;
  assertEnqueueOptions(definition.name, options);
  const payload = await validatePayload(definition, request.payload);
  const runAt = typeof options.runAt === 'number' ? new Date(Date.now() + options.runAt) : (options.runAt ?? new Date());
  if (Number.isNaN(runAt.getTime())) throw new TaskInputError(`Task ${definition.name}: runAt is an invalid date.`);
  return {
    id: uuidV7(),
    name: definition.name,
    payload,
    key: options.key ?? null,
    tenant: options.tenant ?? null,
    priority: options.priority ?? definition.policy.priority,
    runAt,
    maxAttempts: definition.policy.attempts,
    maxLostLeases: definition.policy.maxLostLeases,
    schedule,
  };
}

/**
 * Enqueue a task: `await enqueue(TaskSpec.SendEmail({ to, tokenRef }))`. Resolves with the task id
 * once the row is durable (committed). With `key`, enqueuing the same logical work again returns
 * the existing task's id and changes nothing.
 */
export async function enqueue(request: TaskRequest, options: EnqueueOptions = {}): Promise<string> {
  const [id] = await insert([request], options);
  if (id === undefined) throw new Error('fleet-runtime: enqueue returned no id.');
  return id;
}

/** Enqueue several tasks in one transaction (shared options except `key`, which would collide). */
export function enqueueMany(requests: readonly TaskRequest[], options: Omit<EnqueueOptions, 'key'> = {}): Promise<string[]> {
  return insert(requests, options);
}

async function insert(requests: readonly TaskRequest[], options: EnqueueOptions): Promise<string[]> {
  const list: unknown = requests;
  if (!Array.isArray(list)) throw new TaskInputError(`enqueueMany expects an array of task requests, got ${typeof list}.`);
  const rows = await Promise.all(requests.map((request) => toNewTask(request, options)));
  const store = options.store ?? (await defaultStore());
  const results = await store.enqueue(rows, options.tx === undefined ? {} : { tx: options.tx });
  return results.map((result) => result.id);
}
