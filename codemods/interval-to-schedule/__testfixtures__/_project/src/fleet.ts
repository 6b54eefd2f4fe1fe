import { createFleet } from 'fleet-runtime';
import { executors } from './executors.js';
import { TaskSpec } from './tasks.js';

export const fleet = await createFleet({ tasks: TaskSpec, executors });
