import { TaskInputError } from './errors.js';

/** Retry and lease policy of a task. Every field is optional; defaults in {@link DEFAULT_POLICY}. */
export interface TaskPolicy {
  /** Total runs allowed, first one included. Default 10. */
  attempts?: number;
  /** Exponential backoff with full jitter: delay = random(0, min(maxMs, baseMs · 2^(attempt-1))). Defaults 1 s and 1 h. */
  backoff?: { baseMs?: number; maxMs?: number };
  /** Abort the executor (and count a transient failure) after this long. Default 15 min. */
  timeoutMs?: number;
  /** Lease length; the worker heartbeats every third of it. Default 30 s. */
  leaseMs?: number;
  /** Dead-letter after this many lost leases (worker crash or hang). Default 3. */
  maxLostLeases?: number;
  /** Default priority of enqueued tasks (higher runs first). Default 0. */
  priority?: number;
}

/** A policy with every default filled in. */
export interface ResolvedPolicy {
  attempts: number;
  backoff: { baseMs: number; maxMs: number };
  timeoutMs: number;
  leaseMs: number;
  maxLostLeases: number;
  priority: number;
}

/** Defaults: 10 attempts, backoff 1 s…1 h, timeout 15 min, lease 30 s, 3 lost leases, priority 0. */
export const DEFAULT_POLICY: ResolvedPolicy = {
  attempts: 10,
  backoff: { baseMs: 1000, maxMs: 3_600_000 },
  timeoutMs: 15 * 60_000,
  leaseMs: 30_000,
  maxLostLeases: 3,
  priority: 0,
};

function positive(value: number | undefined, fallback: number, field: string, task: string, min = 1): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) {
    throw new TaskInputError(`Task ${task}: policy.${field} is ${String(value)}; it must be an integer ≥ ${String(min)}.`);
  }
  return value;
}

/** Fill defaults and reject impossible values with a message naming the task and field. */
export function resolvePolicy(task: string, policy: TaskPolicy = {}): ResolvedPolicy {
  const leaseMs = positive(policy.leaseMs, DEFAULT_POLICY.leaseMs, 'leaseMs', task, 100);
  return {
    attempts: positive(policy.attempts, DEFAULT_POLICY.attempts, 'attempts', task),
    backoff: {
      baseMs: positive(policy.backoff?.baseMs, DEFAULT_POLICY.backoff.baseMs, 'backoff.baseMs', task, 0),
      maxMs: positive(policy.backoff?.maxMs, DEFAULT_POLICY.backoff.maxMs, 'backoff.maxMs', task, 0),
    },
    timeoutMs: positive(policy.timeoutMs, DEFAULT_POLICY.timeoutMs, 'timeoutMs', task),
    leaseMs,
    maxLostLeases: positive(policy.maxLostLeases, DEFAULT_POLICY.maxLostLeases, 'maxLostLeases', task),
    priority: Number.isInteger(policy.priority ?? 0) ? (policy.priority ?? 0) : positive(policy.priority, 0, 'priority', task, -1e9),
  };
}

/**
 * Delay before the retry that follows failed attempt `attempt` (1-based): full jitter over an
 * exponential ceiling, so a burst of failures spreads out instead of retrying in lockstep.
 */
export function backoffDelay(attempt: number, backoff: ResolvedPolicy['backoff'], random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(attempt - 1, 40));
  return Math.floor(random() * ceiling);
}
