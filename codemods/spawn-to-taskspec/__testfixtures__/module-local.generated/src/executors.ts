import type { Executors } from 'fleet-runtime';
import type { TaskSpec } from './tasks.js';
import { auditPubliclyTask } from './executors/audit-publicly.js';

export const executors: Executors<typeof TaskSpec> = {
  ChargeCard: async () => undefined,
  AuditPublicly: auditPubliclyTask,
};
