// Created by `fleet codemod spawn-to-taskspec` from src/routes/member-callee.ts:8. Yours to edit: the codemod never overwrites it.
import type { Executors } from 'fleet-runtime';
import { mailer } from '../services/mail.js';
import type { TaskSpec } from '../tasks.js';

/** Runs `TaskSpec.Resend`: the work src/routes/member-callee.ts:8 used to start without awaiting it. */
export const resendTask: NonNullable<Executors<typeof TaskSpec>['Resend']> = async ({ to }) => {
  await mailer.resend(to);
};
