import type { Executors } from 'fleet-runtime';
import type { TaskSpec } from './tasks.js';

export const executors: Executors<typeof TaskSpec> = {
  ChargeCard: async () => undefined,
};
