// Created by `fleet codemod spawn-to-taskspec` from src/routes/module-local.ts:17. Yours to edit: the codemod never overwrites it.
import type { Executors } from 'fleet-runtime';
import { auditPublicly } from '../routes/module-local.js';
import type { TaskSpec } from '../tasks.js';

/** Runs `TaskSpec.AuditPublicly`: the work src/routes/module-local.ts:17 used to start without awaiting it. */
export const auditPubliclyTask: NonNullable<Executors<typeof TaskSpec>['AuditPublicly']> = async ({ userId }) => {
  await auditPublicly(userId);
};
