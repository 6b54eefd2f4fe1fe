import type { TaskFactory } from '../define-tasks.js';
import type { JsonValue } from '../json.js';

/** What an executor receives besides its payload. */
export interface TaskContext {
  readonly taskId: string;
  /** 1-based attempt number of this run. */
  readonly attempt: number;
  readonly maxAttempts: number;
  /**
   * Aborted when the lease is lost (another worker may now own the task), on timeout, on cancel
   * or at the shutdown deadline. Pass it to fetch/db calls; stop promptly when it fires.
   */
  readonly signal: AbortSignal;
  /** Record progress (`step` and optional data) visible in the task's status and events. */
  progress(step: string, data?: JsonValue): Promise<void>;
  /**
   * Run `fn` once per task: its result is checkpointed under `name`, and a later attempt (after a
   * crash or retry) returns the stored result instead of running `fn` again. Names are unique per
   * task: a second `step` with a used name returns the first one's result without running.
   * - `fn` may return JSON data, or nothing: "no result" is stored as `null` and `step` gives
   *   `null` on every attempt.
   * - A result that JSON cannot hold (a `Date`, a class instance, `NaN`…) fails the task at once
   *   with a `TerminalError` naming the step: `fn` already ran, so retrying would repeat it.
   */
  // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- a step that returns nothing (`async () => { … }`) must type-check
  step<T extends JsonValue | undefined | void>(name: string, fn: () => Promise<T> | T): Promise<StepResult<T>>;
}

/** What `ctx.step` gives back: the step's result, with "no result" (`undefined`) as `null`. */
// eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- see `step`
export type StepResult<T> = T extends undefined | void ? null : T;

/** Runs one task variant. Return a JSON-safe result (stored on the task) or nothing. */
// `void` lets an executor that returns nothing (`async () => { … }`) type-check.
/* eslint-disable @typescript-eslint/no-invalid-void-type */
export type Executor<Payload> = (
  payload: Payload,
  ctx: TaskContext,
) => Promise<JsonValue | undefined | void> | JsonValue | undefined | void;
/* eslint-enable @typescript-eslint/no-invalid-void-type */

/** Executors for a `defineTasks` result, keyed like it; each gets its task's validated payload type. */
/* eslint-disable @typescript-eslint/no-explicit-any -- see AnyTaskSpecs */
export type Executors<S> = {
  readonly [K in keyof S]?: S[K] extends TaskFactory<any, infer Output> ? Executor<Output> : never;
};
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Why the worker aborted an executor. */
export type AbortCause = 'lease-lost' | 'timeout' | 'shutdown';

/** The `signal.reason` the worker aborts with. */
export class TaskAbortedError extends Error {
  override name = 'TaskAbortedError';
  readonly kind: AbortCause;

  constructor(cause: AbortCause, message: string) {
    super(message);
    this.kind = cause;
  }
}
