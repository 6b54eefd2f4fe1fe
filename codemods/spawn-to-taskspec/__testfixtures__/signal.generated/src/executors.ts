import type { Executors } from 'fleet-runtime';
import type { TaskSpec } from './tasks.js';
import { deliverWebhookTask } from './executors/deliver-webhook.js';
import { syncCrmTask } from './executors/sync-crm.js';

export const executors: Executors<typeof TaskSpec> = {
  ChargeCard: async () => undefined,
  DeliverWebhook: deliverWebhookTask,
  SyncCrm: syncCrmTask,
};
