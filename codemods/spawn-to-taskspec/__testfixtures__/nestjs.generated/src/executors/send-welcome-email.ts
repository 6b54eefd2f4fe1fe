// Created by `fleet codemod spawn-to-taskspec` from src/routes/nestjs.ts:9. Yours to edit: the codemod never overwrites it.
import type { Executors } from 'fleet-runtime';
import { sendWelcomeEmail } from '../services/mail.js';
import type { TaskSpec } from '../tasks.js';

/** Runs `TaskSpec.SendWelcomeEmail`: the work src/routes/nestjs.ts:9 used to start without awaiting it. */
export const sendWelcomeEmailTask: NonNullable<Executors<typeof TaskSpec>['SendWelcomeEmail']> = async ({ email, id }) => {
  await sendWelcomeEmail(email, id);
};
