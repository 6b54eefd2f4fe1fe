import { createFleet } from 'fleet-runtime';
import { executors } from './executors.js';
import { TaskSpec } from './tasks.js';
import { defineSchedule } from 'fleet-runtime';

export const fleet = await createFleet({ tasks: TaskSpec, executors, schedules: [defineSchedule({ name: 'send-digest', task: TaskSpec.SendDigest({}), cron: '0 3 * * *', overlap: 'skip' })] });
