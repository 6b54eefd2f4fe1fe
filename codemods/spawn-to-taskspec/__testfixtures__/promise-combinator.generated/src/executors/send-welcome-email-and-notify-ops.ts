// Created by `fleet codemod spawn-to-taskspec` from src/routes/promise-combinator.ts:10. Yours to edit: the codemod never overwrites it.
import type { Executors } from 'fleet-runtime';
import { notifyOps } from '../services/mail.js';
import { sendWelcomeEmail } from '../services/mail.js';
import type { TaskSpec } from '../tasks.js';

/** Runs `TaskSpec.SendWelcomeEmailAndNotifyOps`: the work src/routes/promise-combinator.ts:10 used to start without awaiting it. */
export const sendWelcomeEmailAndNotifyOpsTask: NonNullable<Executors<typeof TaskSpec>['SendWelcomeEmailAndNotifyOps']> = async ({ email, userId }) => {
  await Promise.allSettled([sendWelcomeEmail(email, userId), notifyOps(`new user ${userId}`)]);
};
