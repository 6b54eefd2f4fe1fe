// Created by `fleet codemod spawn-to-taskspec` from src/routes/koa.ts:8. Yours to edit: the codemod never overwrites it.
import type { Executors } from 'fleet-runtime';
import { notifyOps } from '../services/mail.js';
import type { TaskSpec } from '../tasks.js';

/** Runs `TaskSpec.NotifyOps`: the work src/routes/koa.ts:8 used to start without awaiting it. */
export const notifyOpsTask: NonNullable<Executors<typeof TaskSpec>['NotifyOps']> = async ({ source }) => {
  try {
    await notifyOps(source);
  } catch (error) {
    await console.error(error);
    throw error;
  }
};
