import { Cron } from 'croner';
import type { TaskRequest } from '../define-tasks.js';
import { TaskInputError } from '../errors.js';

/** A recurring task. Exactly one of `cron` and `every` is required. */
export interface ScheduleSpec {
  /** Stable id across deploys and replicas; the slot keys and the CAS are keyed on it. */
  name: string;
  /** The task each slot enqueues: `TaskSpec.Report({ … })`. */
  task: TaskRequest;
  /** Cron expression (5 fields, or 6 with seconds), parsed by croner. */
  cron?: string;
  /** IANA time zone of `cron`. Default `UTC`. */
  timeZone?: string;
  /** Fixed interval in ms (≥ 1000), counted from when the schedule was first stored. */
  every?: number;
  /** `skip` (default): a slot whose previous run is still going is skipped and recorded. `allow`: always enqueue. */
  overlap?: 'skip' | 'allow';
}

/** Check a schedule definition and return it; errors name the schedule and the field. */
export function defineSchedule(spec: ScheduleSpec): ScheduleSpec {
  if (!/^[\w.:-]{1,200}$/.test(spec.name))
    throw new TaskInputError(`Schedule ${JSON.stringify(spec.name)}: name must be 1–200 letters, digits, \`_ . : -\`.`);
  if ((spec.cron === undefined) === (spec.every === undefined)) {
    throw new TaskInputError(`Schedule ${spec.name}: give exactly one of \`cron\` (e.g. "0 3 * * *") and \`every\` (milliseconds).`);
  }
  if (spec.every !== undefined && (!Number.isInteger(spec.every) || spec.every < 1000)) {
    throw new TaskInputError(`Schedule ${spec.name}: \`every\` is ${String(spec.every)}; use an integer number of milliseconds ≥ 1000.`);
  }
  if (spec.cron !== undefined) {
    try {
      new Cron(spec.cron, { timezone: spec.timeZone ?? 'UTC', paused: true }).nextRun();
    } catch (error) {
      throw new TaskInputError(
        `Schedule ${spec.name}: cron ${JSON.stringify(spec.cron)} in time zone ${spec.timeZone ?? 'UTC'} is invalid: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  const overlap = spec.overlap as string | undefined;
  if (overlap !== undefined && overlap !== 'skip' && overlap !== 'allow') {
    throw new TaskInputError(`Schedule ${spec.name}: overlap must be "skip" or "allow", got ${JSON.stringify(spec.overlap)}.`);
  }
  return spec;
}
