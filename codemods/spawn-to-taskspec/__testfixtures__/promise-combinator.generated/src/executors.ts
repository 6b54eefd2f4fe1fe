import type { Executors } from 'fleet-runtime';
import type { TaskSpec } from './tasks.js';
import { sendWelcomeEmailAndNotifyOpsTask } from './executors/send-welcome-email-and-notify-ops.js';
import { sendWelcomeEmailTask } from './executors/send-welcome-email.js';

export const executors: Executors<typeof TaskSpec> = {
  ChargeCard: async () => undefined,
  SendWelcomeEmailAndNotifyOps: sendWelcomeEmailAndNotifyOpsTask,
  SendWelcomeEmail: sendWelcomeEmailTask,
};
