import { assertJsonSafe } from '../assert-json-safe.js';
import { describeThrown } from '../describe-thrown.js';
import { TerminalError } from '../errors.js';
import type { JsonValue } from '../json.js';
import type { RunTaskInput } from './run-task.js';
import { TaskAbortedError, type TaskContext } from './task-context.js';

/** Set by `ctx.step` when a step ran but its result could not be stored; the run then fails for good. */
export interface StepFailure {
  error: TerminalError | undefined;
}

/**
 * The `ctx` an executor receives. Its writes name the run's lease, so they are refused (and the
 * executor aborted) once another worker may own the task.
 */
export function taskContext(input: Pick<RunTaskInput, 'store' | 'task' | 'controller'>, stepFailure: StepFailure): TaskContext {
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
    async step(name, fn) {
      steps ??= store.getSteps(task.id);
      const done = await steps;
      if (Object.hasOwn(done, name)) return done[name] as never;
      controller.signal.throwIfAborted();
      // A step that returns nothing is checkpointed as null ("no result") and gives null every time.
      const value: unknown = (await fn()) ?? null;
      try {
        assertJsonSafe(value, `Task ${task.name}: step ${JSON.stringify(name)} result`);
      } catch (error) {
        // The step's side effect has happened; a retry would run it again. Fail the task instead.
        stepFailure.error = new TerminalError(
          `${describeThrown(error)} The step ran but its result cannot be checkpointed, so the task fails instead of running the step again; return plain JSON data (or nothing) from step ${JSON.stringify(name)}.`,
        );
        throw stepFailure.error;
      }
      if (!(await store.putStep(lease, name, value))) throw lost(`checkpoint of step ${name}`);
      done[name] = value;
      return value as never;
    },
  };
}
