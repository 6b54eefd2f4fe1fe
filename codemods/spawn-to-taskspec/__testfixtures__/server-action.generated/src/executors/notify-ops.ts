// Created by `fleet codemod spawn-to-taskspec` from src/routes/server-action.tsx:7. Yours to edit: the codemod never overwrites it.
import type { Executors } from 'fleet-runtime';
import { notifyOps } from '../services/mail.js';
import type { TaskSpec } from '../tasks.js';

/** Runs `TaskSpec.NotifyOps`: the work src/routes/server-action.tsx:7 used to start without awaiting it. */
export const notifyOpsTask: NonNullable<Executors<typeof TaskSpec>['NotifyOps']> = async ({ reason }) => {
  await notifyOps(`abuse report: ${reason}`);
};
