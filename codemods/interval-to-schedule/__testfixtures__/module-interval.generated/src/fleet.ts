import { createFleet } from 'fleet-runtime';
import { executors } from './executors.js';
import { TaskSpec } from './tasks.js';
import { defineSchedule } from 'fleet-runtime';

export const fleet = await createFleet({ tasks: TaskSpec, executors, schedules: [defineSchedule({ name: 'notify-ops', task: TaskSpec.NotifyOps({}), every: 300_000, overlap: 'skip' })] });
