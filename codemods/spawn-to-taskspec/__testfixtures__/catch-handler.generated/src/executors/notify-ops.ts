// Created by `fleet codemod spawn-to-taskspec` from src/routes/catch-handler.ts:8. Yours to edit: the codemod never overwrites it.
import type { Executors } from 'fleet-runtime';
import { notifyOps } from '../services/mail.js';
import type { TaskSpec } from '../tasks.js';

/** Runs `TaskSpec.NotifyOps`: the work src/routes/catch-handler.ts:8 used to start without awaiting it. */
export const notifyOpsTask: NonNullable<Executors<typeof TaskSpec>['NotifyOps']> = async ({ message }) => {
  try {
    await notifyOps(message);
  } catch (error) {
    await ((error: unknown) => console.error('ops notification failed', error))(error);
    throw error;
  }
};
