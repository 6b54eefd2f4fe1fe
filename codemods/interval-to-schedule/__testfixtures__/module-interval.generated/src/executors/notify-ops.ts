// Created by `fleet codemod interval-to-schedule` from src/routes/module-interval.ts:6. Yours to edit: the codemod never overwrites it.
import type { Executors } from 'fleet-runtime';
import { notifyOps } from '../services/mail.js';
import type { TaskSpec } from '../tasks.js';

/** Runs `TaskSpec.NotifyOps`: the work src/routes/module-interval.ts:6 used to run in every process. */
export const notifyOpsTask: NonNullable<Executors<typeof TaskSpec>['NotifyOps']> = async () => {
  await notifyOps('reminders');
};
