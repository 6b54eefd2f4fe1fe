import { assertJsonSafe } from '../assert-json-safe.js';
import type { TaskDefinition } from '../define-tasks.js';
import { NotYetError, RetryAfterError, TerminalError } from '../errors.js';
import type { JsonValue } from '../json.js';
import { backoffDelay } from '../policy.js';
import type { ClaimedTask, Settlement, Store } from '../store.js';
import { TaskAbortedError, type Executor, type TaskContext } from './task-context.js';

const MAX_ERROR = 2000;
const describe = (error: unknown): string => {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : `thrown value: ${String(error)}`;
  return text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR)}…` : text;
};

/** Everything one run needs; `controller` is owned by the worker, which aborts it on lost lease or shutdown. */
export interface RunTaskInput {
  store: Store;
  task: ClaimedTask;
  definition: TaskDefinition;
  executor: Executor<never>;
  controller: AbortController;
  random?: () => number;
}

function context(input: RunTaskInput): TaskContext {
  const { store, task, controller } = input;
  const lease = { id: task.id, token: task.token };
  let steps: Promise<Record<string, JsonValue>> | undefined;
  const lost = (what: string): TaskAbortedError => {
    const error = new TaskAbortedError('lease-lost', `Task ${task.id}: ${what} refused, the lease is no longer held.`);
    controller.abort(error);
    return error;
  };
  return {
    taskId: task.id,
    attempt: task.attempt,
    maxAttempts: task.maxAttempts,
    signal: controller.signal,
    async progress(step, data) {
      if (data !== undefined) assertJsonSafe(data, `Task ${task.name}: progress data`);
      if (!(await store.progress(lease, step, data ?? null))) throw lost(`progress ${step}`);
    },
    async step<T extends JsonValue>(name: string, fn: () => Promise<T> | T): Promise<T> {
      steps ??= store.getSteps(task.id);
      const done = await steps;
      if (Object.hasOwn(done, name)) return done[name] as T;
      controller.signal.throwIfAborted();
      const value = await fn();
      assertJsonSafe(value, `Task ${task.name}: step ${name} result`);
      if (!(await store.putStep(lease, name, value))) throw lost(`checkpoint of step ${name}`);
      done[name] = value;
      return value;
    },
  };
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    const fail = (): void => {
      reject(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
    };
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

/**
 * Run one claimed task and decide how it ends. Returns the settlement to write, or null when the
 * lease is gone (lost or cancelled): then nothing may be written, the task belongs to someone else.
 */
export async function runTask(input: RunTaskInput): Promise<Settlement | null> {
  const { task, definition, controller } = input;
  const lease = { id: task.id, token: task.token };
  const { timeoutMs } = definition.policy;
  const timer = setTimeout(() => { controller.abort(new TaskAbortedError('timeout', `timed out after ${String(timeoutMs)} ms`)); }, timeoutMs);
  try {
    // Race the executor against its signal: an executor that ignores the abort must not hold the
    // worker slot (and keep heartbeating its lease) forever. Its late writes are fenced off.
    const run = Promise.resolve((input.executor as Executor<JsonValue>)(task.payload, context(input)));
    run.catch(() => undefined);
    const value = await Promise.race([run, aborted(controller.signal)]);
    const result = value ?? null;
    try {
      assertJsonSafe(result, `Task ${task.name}: result`);
    } catch (error) {
      return { ...lease, kind: 'fail', error: describe(error) };
    }
    return { ...lease, kind: 'done', result };
  } catch (error) {
    const reason: unknown = controller.signal.aborted ? controller.signal.reason : undefined;
    if (reason instanceof TaskAbortedError && reason.kind === 'lease-lost') return null;
    if (reason instanceof TaskAbortedError && reason.kind === 'shutdown') return { ...lease, kind: 'release' };
    if (error instanceof NotYetError) return { ...lease, kind: 'defer', runAt: error.runAt, reason: error.message };
    if (error instanceof TerminalError) return { ...lease, kind: 'fail', error: describe(error) };
    const message = reason instanceof TaskAbortedError ? `TimeoutError: ${reason.message}` : describe(error);
    if (task.attempt >= task.maxAttempts) return { ...lease, kind: 'dead', error: message };
    const runAt = error instanceof RetryAfterError ? error.retryAt : new Date(Date.now() + backoffDelay(task.attempt, definition.policy.backoff, input.random));
    return { ...lease, kind: 'retry', error: message, runAt };
  } finally {
    clearTimeout(timer);
  }
}
