import type { Executors } from 'fleet-runtime';
import type { TaskSpec } from './tasks.js';
import { sendWelcomeEmailTask } from './executors/send-welcome-email.js';

export const executors: Executors<typeof TaskSpec> = {
  ChargeCard: async () => undefined,
  SendWelcomeEmail: sendWelcomeEmailTask,
};
