// Created by `fleet codemod interval-to-schedule` from src/routes/node-cron.ts:4. Yours to edit: the codemod never overwrites it.
import type { Executors } from 'fleet-runtime';
import { sendDigest } from '../services/digest.js';
import type { TaskSpec } from '../tasks.js';

/** Runs `TaskSpec.SendDigest`: the work src/routes/node-cron.ts:4 used to run in every process. */
export const sendDigestTask: NonNullable<Executors<typeof TaskSpec>['SendDigest']> = async () => {
  await void sendDigest();
};
