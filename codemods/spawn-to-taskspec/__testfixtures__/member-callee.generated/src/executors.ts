import type { Executors } from 'fleet-runtime';
import type { TaskSpec } from './tasks.js';
import { resendTask } from './executors/resend.js';

export const executors: Executors<typeof TaskSpec> = {
  ChargeCard: async () => undefined,
  Resend: resendTask,
};
