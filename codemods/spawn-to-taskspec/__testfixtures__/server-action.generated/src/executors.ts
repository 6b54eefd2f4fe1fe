import type { Executors } from 'fleet-runtime';
import type { TaskSpec } from './tasks.js';
import { notifyOpsTask } from './executors/notify-ops.js';

export const executors: Executors<typeof TaskSpec> = {
  ChargeCard: async () => undefined,
  NotifyOps: notifyOpsTask,
};
