import { defineTasks } from 'fleet-runtime';
import { z } from 'zod';

export const TaskSpec = defineTasks({
  ChargeCard: { schema: z.object({ orderId: z.string() }) },
  NotifyOps: { schema: z.object({ reason: z.string() }) },
});
