/**
 * Thrown by an executor for a failure that retrying cannot fix (bad input, a 4xx from a partner).
 * The task goes to `failed` and is never retried.
 */
export class TerminalError extends Error {
  override name = 'TerminalError';
}

/**
 * Thrown by an executor to retry at a known time (a partner's `Retry-After`). Spends the attempt;
 * `retryAt` replaces the backoff. Pass a `Date` or a delay in milliseconds.
 */
export class RetryAfterError extends Error {
  override name = 'RetryAfterError';
  readonly retryAt: Date;

  constructor(retryAt: Date | number, message = 'retry requested by the executor') {
    super(message);
    this.retryAt = typeof retryAt === 'number' ? new Date(Date.now() + retryAt) : retryAt;
  }
}

/**
 * Thrown by an executor when the work cannot start yet (an upstream artifact is not ready). The
 * task goes back to `queued` until `runAt` and the attempt is refunded, so waiting never exhausts
 * the retry budget. Pass a `Date` or a delay in milliseconds.
 */
export class NotYetError extends Error {
  override name = 'NotYetError';
  readonly runAt: Date;

  constructor(runAt: Date | number, reason = 'not ready yet') {
    super(reason);
    this.runAt = typeof runAt === 'number' ? new Date(Date.now() + runAt) : runAt;
  }
}

/** Raised by `enqueue`/`defineTasks` for a payload or definition that cannot be stored. */
export class TaskInputError extends Error {
  override name = 'TaskInputError';
}
