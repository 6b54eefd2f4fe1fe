import { defineTasks } from 'fleet-runtime';
import { z } from 'zod';

export const TaskSpec = defineTasks({
  ChargeCard: { schema: z.object({ orderId: z.string() }) },
  DeliverWebhook: { schema: z.object({ url: z.string(), event: z.string() }) },
  SyncCrm: { schema: z.object({ accountId: z.string() }) },
});
