import { defineTasks } from 'fleet-runtime';
import { z } from 'zod';

export const TaskSpec = defineTasks({
  ChargeCard: { schema: z.object({ orderId: z.string() }) },
  SendWelcomeEmail: { schema: z.object({ email: z.string(), id: z.string() }) },
});
