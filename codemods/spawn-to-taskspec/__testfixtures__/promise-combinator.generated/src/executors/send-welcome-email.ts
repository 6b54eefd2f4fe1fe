// Created by `fleet codemod spawn-to-taskspec` from src/routes/promise-combinator.ts:18. Yours to edit: the codemod never overwrites it.
import type { Executors } from 'fleet-runtime';
import { sendWelcomeEmail } from '../services/mail.js';
import type { TaskSpec } from '../tasks.js';

/** Runs `TaskSpec.SendWelcomeEmail`: the work src/routes/promise-combinator.ts:18 used to start without awaiting it. */
export const sendWelcomeEmailTask: NonNullable<Executors<typeof TaskSpec>['SendWelcomeEmail']> = async ({ to, id }) => {
  await sendWelcomeEmail(to, id);
};
