import { toNewTask } from '../enqueue.js';
import { defaultLogger, type Logger } from '../logger.js';
import type { ScheduleRecord, Store } from '../store.js';
import { defineSchedule, type ScheduleSpec } from './define-schedule.js';
import { advanceFrom, nextSlot, type Timing } from './slots.js';

/** Options of {@link Scheduler}. */
export interface SchedulerOptions {
  store: Store;
  schedules: readonly ScheduleSpec[];
  /** Check for due slots this often. Default 1000 ms. */
  tickIntervalMs?: number;
  log?: Logger;
}

const timingOf = (spec: ScheduleSpec): Timing => ({
  cron: spec.cron ?? null,
  intervalMs: spec.every ?? null,
  timeZone: spec.cron === undefined ? null : (spec.timeZone ?? 'UTC'),
});

/**
 * Fires schedules. Runs on every non-serve node with no leader: each tick reads the due schedules
 * and tries a compare-and-set on `next_run_at`; the store lets exactly one caller win each slot,
 * and the slot's task key (`schedule:<name>:<slot ISO time>`) makes a replay harmless.
 */
export class Scheduler {
  readonly #options: SchedulerOptions;
  readonly #log: Logger;
  readonly #specs = new Map<string, ScheduleSpec>();
  #timer: NodeJS.Timeout | undefined;
  #ticking: Promise<number> | undefined;

  constructor(options: SchedulerOptions) {
    this.#options = options;
    this.#log = options.log ?? defaultLogger;
    for (const spec of options.schedules) {
      defineSchedule(spec);
      if (this.#specs.has(spec.name)) throw new Error(`Scheduler: two schedules are named ${spec.name}; names must be unique.`);
      this.#specs.set(spec.name, spec);
    }
  }

  /** Store the definitions (keeping each stored cadence) and start ticking. */
  async start(now: Date = new Date()): Promise<void> {
    for (const spec of this.#specs.values()) {
      const row = await toNewTask(spec.task);
      await this.#options.store.upsertSchedule({
        name: spec.name,
        taskName: row.name,
        payload: row.payload,
        ...timingOf(spec),
        overlap: spec.overlap ?? 'skip',
        nextRunAt: nextSlot(timingOf(spec), now),
      });
    }
    this.#timer = setInterval(() => void this.tick(), this.#options.tickIntervalMs ?? 1000);
  }

  /** Fire every due slot this node knows. Returns how many slots this call won. */
  tick(now: Date = new Date()): Promise<number> {
    // One tick at a time per node; other nodes race through the store's compare-and-set.
    this.#ticking ??= this.#tick(now).finally(() => (this.#ticking = undefined));
    return this.#ticking;
  }

  async #tick(now: Date): Promise<number> {
    let won = 0;
    try {
      for (const record of await this.#options.store.dueSchedules(now)) {
        const spec = this.#specs.get(record.name);
        // A schedule deleted from the code stops firing: only declared schedules are advanced.
        if (spec !== undefined && (await this.#fire(spec, record, now))) won += 1;
      }
    } catch (error) {
      this.#log('error', `schedule tick failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return won;
  }

  async #fire(spec: ScheduleSpec, record: ScheduleRecord, now: Date): Promise<boolean> {
    const { next, missed } = advanceFrom(timingOf(spec), record.nextRunAt, now);
    const slot = record.nextRunAt.toISOString();
    // This node's definition is the source of the payload (validated from its input, so schema
    // transforms apply once), as it is of the timing.
    const task = await toNewTask(spec.task, { key: `schedule:${spec.name}:${slot}` }, spec.name);
    const result = await this.#options.store.advanceSchedule({
      name: spec.name,
      expectedNextRunAt: record.nextRunAt,
      newNextRunAt: next,
      missed,
      task,
    });
    if (!result.won) return false;
    if (missed > 0) this.#log('warn', `schedule ${spec.name}: ${String(missed)} slots missed before ${slot}; ran once and resumed.`);
    if (!result.fired) this.#log('info', `schedule ${spec.name}: slot ${slot} skipped, ${result.skippedBecause}.`);
    return true;
  }

  /** Stop ticking and wait for a tick in progress. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#ticking;
  }
}
