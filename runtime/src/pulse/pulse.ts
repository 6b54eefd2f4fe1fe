import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { hostname } from 'node:os';
import { connect } from '../connect.js';
import { definitionsOf, type AnyTaskSpecs, type TaskDefinition } from '../define-tasks.js';
import { defaultLogger, type Logger } from '../logger.js';
import type { ScheduleSpec } from '../scheduler/define-schedule.js';
import { Scheduler } from '../scheduler/scheduler.js';
import type { Store } from '../store.js';
import type { Executor, Executors } from '../worker/task-context.js';
import { drainBatch, type DrainCounts, type DrainEnd } from './drain-batch.js';

/** Options of {@link createPulse}. Side tasks are not accepted: they need a long-lived process. */
export interface PulseOptions<S extends AnyTaskSpecs> {
  /** The `defineTasks` result. */
  tasks: S;
  /** Executors keyed like `tasks`; the pulse claims only tasks that have one. */
  executors: Executors<S>;
  /** Schedules this deployment declares; each pulse fires the due slots (exactly once across pulses). */
  schedules?: readonly ScheduleSpec[];
  /** Use this store (not closed by `close()`). Default: open `url`. */
  store?: Store;
  /** Database URL. Default `FLEET_DATABASE_URL`, else `sqlite:.fleet/fleet.db`. */
  url?: string;
  /** Wall-clock budget of one pulse, in ms; keep it under the platform's function timeout. Default 10 000. */
  budgetMs?: number;
  /** Most tasks one pulse claims. Default 100. */
  maxTasks?: number;
  /** Tasks run at once. Default 10. */
  concurrency?: number;
  /** Bearer token `handler` requires. Default `FLEET_PULSE_SECRET`, else `CRON_SECRET` (what Vercel Cron sends). */
  secret?: string;
  log?: Logger;
}

/** What one pulse did. */
export interface PulseResult extends DrainCounts {
  /** Schedule slots this pulse won (enqueued or recorded as skipped). */
  schedulesFired: number;
  /** Expired leases handed back to the queue (a pulse killed by its platform leaves these). */
  reclaimed: number;
  /** Tasks dead-lettered by the reclaim (claimed too often). */
  deadLettered: number;
  /** Why the drain ended: nothing ready, the time budget, or `maxTasks`. */
  stoppedBecause: DrainEnd;
  elapsedMs: number;
}

/** A serverless pulse: one call fires due schedules and drains a bounded batch. */
export interface Pulse {
  /** One pulse. Concurrent calls (overlapping platform invocations) are safe: claims and schedule slots are atomic in the store. */
  run(): Promise<PulseResult>;
  /** `Request → Response` handler (Next.js / Vercel route, Hono, any fetch-style server): 401 without the secret, else 200 with the `PulseResult` as JSON, 500 with the error. */
  readonly handler: (request: Request) => Promise<Response>;
  /** Close the store if the pulse opened it. */
  close(): Promise<void>;
}

/**
 * Build the pulse for a deployment without long-lived processes (Vercel, Cloudflare via a fetch,
 * a Kubernetes CronJob). Each `run()`: reclaim expired leases, fire due schedules, claim and run up
 * to `maxTasks` tasks within `budgetMs`, hand back whatever is still running at the deadline, and
 * return counts. The store is opened (and the schedules stored) on the first run and reused while
 * the instance lives. It ignores `FLEET_ROLE`: calling the pulse is what makes a process drain.
 */
export function createPulse<S extends AnyTaskSpecs>(options: PulseOptions<S>): Pulse {
  const log = options.log ?? defaultLogger;
  const runnable = runnableTasks(options.tasks, options.executors);
  const owner = `pulse:${hostname()}:${String(process.pid)}:${randomUUID().slice(0, 8)}`;
  const secret = options.secret ?? process.env.FLEET_PULSE_SECRET ?? process.env.CRON_SECRET;
  if (secret === undefined || secret === '')
    log('warn', 'pulse: no secret set (FLEET_PULSE_SECRET or CRON_SECRET); its handler answers anyone who calls it.');
  let ready: Promise<{ store: Store; scheduler: Scheduler | undefined }> | undefined;

  const open = async (): Promise<{ store: Store; scheduler: Scheduler | undefined }> => {
    const store =
      options.store ??
      (await connect({
        ...(options.url === undefined ? {} : { url: options.url }),
        log: (message) => {
          log('warn', message);
        },
      }));
    const schedules = options.schedules ?? [];
    if (schedules.length === 0) return { store, scheduler: undefined };
    const scheduler = new Scheduler({ store, schedules, log, tickIntervalMs: 3_600_000 });
    // `start` stores the definitions (keeping stored cadences); its timer is not wanted here,
    // each pulse ticks once itself.
    await scheduler.start();
    await scheduler.stop();
    return { store, scheduler };
  };

  const run = async (): Promise<PulseResult> => {
    const started = Date.now();
    const deadline = started + (options.budgetMs ?? 10_000);
    ready ??= open().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    const { store, scheduler } = await ready;
    const { requeued, dead } = await store.reapExpired();
    const schedulesFired = (await scheduler?.tick()) ?? 0;
    const { counts, end } = await drainBatch({
      store,
      owner,
      runnable,
      concurrency: options.concurrency ?? 10,
      maxTasks: options.maxTasks ?? 100,
      deadline,
      log,
    });
    return {
      schedulesFired,
      reclaimed: requeued.length,
      deadLettered: dead.length,
      ...counts,
      stoppedBecause: end,
      elapsedMs: Date.now() - started,
    };
  };

  return {
    run,
    handler: async (request) => {
      if (secret !== undefined && secret !== '' && !sameSecret(request.headers.get('authorization') ?? '', `Bearer ${secret}`)) {
        return Response.json(
          { error: 'Unauthorized', message: 'The pulse needs `Authorization: Bearer <FLEET_PULSE_SECRET>`.' },
          { status: 401 },
        );
      }
      try {
        return Response.json(await run());
      } catch (error) {
        log('error', `pulse failed: ${error instanceof Error ? error.message : String(error)}`);
        return Response.json({ error: 'Pulse failed', message: error instanceof Error ? error.message : String(error) }, { status: 500 });
      }
    },
    async close() {
      const opened = ready;
      ready = undefined;
      if (opened !== undefined && options.store === undefined) await (await opened).store.close();
    },
  };
}

function runnableTasks(
  tasks: AnyTaskSpecs,
  executors: Executors<AnyTaskSpecs>,
): Map<string, { definition: TaskDefinition; executor: Executor<never> }> {
  const definitions = definitionsOf(tasks);
  const runnable = new Map<string, { definition: TaskDefinition; executor: Executor<never> }>();
  for (const [key, executor] of Object.entries(executors as Record<string, Executor<never> | undefined>)) {
    const definition = tasks[key]?.definition;
    if (definition === undefined)
      throw new Error(`Pulse: executor ${key} has no task of that name in \`tasks\`; known tasks: ${Object.keys(tasks).join(', ')}.`);
    if (executor !== undefined)
      runnable.set(definition.name, { definition: definitions.get(definition.name) ?? (definition as TaskDefinition), executor });
  }
  return runnable;
}

/** Constant-time comparison (of digests, so lengths need not match): the secret must not leak through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
