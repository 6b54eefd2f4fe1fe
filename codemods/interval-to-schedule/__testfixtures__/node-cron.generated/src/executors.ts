import type { Executors } from 'fleet-runtime';
import type { TaskSpec } from './tasks.js';
import { sendDigestTask } from './executors/send-digest.js';

export const executors: Executors<typeof TaskSpec> = {
  ChargeCard: async () => undefined,
  SendDigest: sendDigestTask,
};
