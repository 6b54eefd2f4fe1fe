import { defineTasks } from 'fleet-runtime';
import { z } from 'zod';

export const TaskSpec = defineTasks({
  ChargeCard: { schema: z.object({ orderId: z.string() }) },
  SendWelcomeEmailAndNotifyOps: { schema: z.object({ email: z.string(), userId: z.string() }) },
  SendWelcomeEmail: { schema: z.object({ to: z.string(), id: z.string() }) },
});
