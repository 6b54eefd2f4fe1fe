import { assertJsonSafe } from '../assert-json-safe.js';
import type { TaskDefinition } from '../define-tasks.js';
import { describeThrown } from '../describe-thrown.js';
import { NotYetError, RetryAfterError, TerminalError } from '../errors.js';
import type { JsonValue } from '../json.js';
import { backoffDelay } from '../policy.js';
import type { ClaimedTask, Settlement, Store } from '../store.js';
import { taskContext, type StepFailure } from './step-context.js';
import { TaskAbortedError, type Executor } from './task-context.js';

/** Everything one run needs; `controller` is owned by the worker, which aborts it on lost lease or shutdown. */
export interface RunTaskInput {
  store: Store;
  task: ClaimedTask;
  definition: TaskDefinition;
  executor: Executor<never>;
  controller: AbortController;
  /**
   * Resolves when a shutdown stops waiting for an aborted executor (the worker's `abortGraceMs`).
   * Until then a run aborted for shutdown keeps its lease, so no other worker starts the same task
   * while this executor may still be running. Default: hand back at once.
   */
  shutdownGrace?: () => Promise<void>;
  random?: () => number;
}

/**
 * Rejects with the abort reason once the signal fires. For a shutdown it first waits for the grace,
 * so an executor that is still finishing can still settle the run with its own outcome.
 */
function aborted(signal: AbortSignal, shutdownGrace: () => Promise<void>): Promise<never> {
  return new Promise((_resolve, reject) => {
    const fail = (): void => {
      const reason: unknown = signal.reason;
      const error = reason instanceof Error ? reason : new Error(describeThrown(reason));
      if (reason instanceof TaskAbortedError && reason.kind === 'shutdown')
        void shutdownGrace().then(() => {
          reject(error);
        });
      else reject(error);
    };
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

/** How a run that threw ends, by the policy: deferred, failed, retried with backoff or dead. */
function outcomeOf(input: RunTaskInput, error: unknown): Settlement | null {
  const { task, controller } = input;
  const lease = { id: task.id, token: task.token };
  const reason: unknown = controller.signal.aborted ? controller.signal.reason : undefined;
  if (reason instanceof TaskAbortedError && reason.kind === 'lease-lost') return null;
  if (reason instanceof TaskAbortedError && reason.kind === 'shutdown') return { ...lease, kind: 'release' };
  if (error instanceof NotYetError) return { ...lease, kind: 'defer', runAt: error.runAt, reason: error.message };
  if (error instanceof TerminalError) return { ...lease, kind: 'fail', error: describeThrown(error) };
  const message = reason instanceof TaskAbortedError ? `TimeoutError: ${reason.message}` : describeThrown(error);
  return retryOrDead(input, message, error instanceof RetryAfterError ? error.retryAt : undefined);
}

/** A transient failure: retry after the backoff (or at `retryAt`), or dead once attempts are spent. */
export function retryOrDead(input: Pick<RunTaskInput, 'task' | 'definition' | 'random'>, message: string, retryAt?: Date): Settlement {
  const { task, definition } = input;
  const lease = { id: task.id, token: task.token };
  if (task.attempt >= task.maxAttempts) return { ...lease, kind: 'dead', error: message };
  const runAt = retryAt ?? new Date(Date.now() + backoffDelay(task.attempt, definition.policy.backoff, input.random));
  return { ...lease, kind: 'retry', error: message, runAt };
}

/**
 * Run one claimed task and decide how it ends. Returns the settlement to write, or null when the
 * lease is gone (lost or cancelled): then nothing may be written, the task belongs to someone else.
 * Never rejects: whatever the executor throws becomes a recorded outcome.
 */
export async function runTask(input: RunTaskInput): Promise<Settlement | null> {
  const { task, definition, controller } = input;
  const lease = { id: task.id, token: task.token };
  const { timeoutMs } = definition.policy;
  const timer = setTimeout(() => {
    controller.abort(new TaskAbortedError('timeout', `timed out after ${String(timeoutMs)} ms`));
  }, timeoutMs);
  const stepFailure: StepFailure = { error: undefined };
  try {
    // Race the executor against its signal: an executor that ignores the abort must not hold the
    // worker slot (and keep heartbeating its lease) forever. Its late writes are fenced off.
    const run = Promise.resolve().then(() => (input.executor as Executor<JsonValue>)(task.payload, taskContext(input, stepFailure)));
    run.catch(() => undefined);
    const value = await Promise.race([run, aborted(controller.signal, input.shutdownGrace ?? (() => Promise.resolve()))]);
    // A step whose result could not be stored already had its side effect: never run it again.
    if (stepFailure.error !== undefined) return { ...lease, kind: 'fail', error: describeThrown(stepFailure.error) };
    const result = value ?? null;
    try {
      assertJsonSafe(result, `Task ${task.name}: result`);
    } catch (error) {
      return { ...lease, kind: 'fail', error: describeThrown(error) };
    }
    return { ...lease, kind: 'done', result };
  } catch (error) {
    const outcome = outcomeOf(input, error);
    // Same rule when the executor then threw (or was aborted): a retry or hand-back would repeat the step.
    if (outcome !== null && stepFailure.error !== undefined) return { ...lease, kind: 'fail', error: describeThrown(stepFailure.error) };
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}
